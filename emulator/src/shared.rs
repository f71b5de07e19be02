//! What the server and the library handle share: state, clock, faults, credentials, counters.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use crate::auth::Credentials;
use crate::clock::Clock;
use crate::faults::{Faults, Route};
use crate::sid::{Sid, SidKind};
use crate::state::State;
use crate::wire::Origin;

pub(crate) struct Shared {
    state: Mutex<State>,
    pub(crate) clock: Clock,
    pub(crate) faults: Faults,
    pub(crate) credentials: Credentials,
    /// `http://HOST:PORT`, no trailing slash.
    pub(crate) base_url: String,
    /// Requests received, by route; slot 0 ([`Route::Any`]) counts every request.
    requests: [AtomicU64; Route::ALL.len()],
    request_ids: AtomicU64,
}

impl Shared {
    pub(crate) fn new(credentials: Credentials, base_url: String) -> Shared {
        Shared {
            state: Mutex::new(State::new()),
            clock: Clock::new(),
            faults: Faults::new(),
            credentials,
            base_url,
            requests: Default::default(),
            request_ids: AtomicU64::new(0),
        }
    }

    /// Locks the world. Keep the guard for in-memory work only: no I/O, no awaiting.
    pub(crate) fn state(&self) -> MutexGuard<'_, State> {
        // State operations validate before they mutate, so a panic cannot leave it half-updated.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn origin(&self) -> Origin<'_> {
        Origin { base_url: &self.base_url, account_sid: &self.credentials.account_sid }
    }

    pub(crate) fn count_request(&self, route: Option<Route>) {
        self.requests[Route::Any.index()].fetch_add(1, Ordering::Relaxed);
        if let Some(route) = route {
            self.requests[route.index()].fetch_add(1, Ordering::Relaxed);
        }
    }

    /// A fresh `Twilio-Request-Id` value (`RQ` + 32 hex digits).
    pub(crate) fn next_request_id(&self) -> String {
        let counter = self.request_ids.fetch_add(1, Ordering::Relaxed) + 1;
        Sid::from_counter(SidKind::Request, counter).to_string()
    }

    pub(crate) fn request_count(&self, route: Route) -> u64 {
        self.requests[route.index()].load(Ordering::Relaxed)
    }
}
