//! What the server and the library handle share: the world, clock, faults, credentials,
//! counters and the registered resources.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use chrono::{DateTime, Utc};

use crate::faults::{Faults, Route};
use crate::http::auth::Credentials;
use crate::registry::Registry;
use crate::world::World;
use crate::world::clock::Clock;
use crate::world::sid::sid;

pub(crate) struct Shared {
    pub(crate) clock: Clock,
    pub(crate) faults: Faults,
    pub(crate) credentials: Credentials,
    /// `http://HOST:PORT` of the bound socket (loopback for a wildcard bind), no trailing slash.
    pub(crate) base_url: String,
    /// Base of the absolute URLs written into responses: the public base URL when one was
    /// configured, else `base_url`. No trailing slash.
    pub(crate) link_base_url: String,
    /// Requests received, by route; slot 0 ([`Route::Any`]) counts every request.
    requests: [AtomicU64; Route::ALL.len()],
    /// Requests received by the operations of registered resources, by route name and home, so
    /// that a route parsed from its name counts what `Route::of` does.
    operation_requests: Mutex<HashMap<(String, &'static str), u64>>,
    request_ids: AtomicU64,
    /// The resources registered by type.
    pub(crate) registry: Registry,
    /// Their records, behind one lock so that a hook may change several resources at once.
    world: Mutex<World>,
    sids: AtomicU64,
}

impl Shared {
    pub(crate) fn new(credentials: Credentials, base_url: String, link_base_url: String) -> Shared {
        Shared {
            clock: Clock::new(),
            faults: Faults::new(),
            credentials,
            base_url,
            link_base_url,
            requests: Default::default(),
            operation_requests: Mutex::default(),
            request_ids: AtomicU64::new(0),
            registry: Registry::default(),
            world: Mutex::default(),
            sids: AtomicU64::new(0),
        }
    }

    pub(crate) fn count_request(&self, route: Option<Route>) {
        self.requests[0].fetch_add(1, Ordering::Relaxed);
        match route.map(|r| (r, r.index())) {
            Some((_, Some(index))) => {
                self.requests[index].fetch_add(1, Ordering::Relaxed);
            }
            Some((route, None)) => {
                let mut counts = self.operation_requests.lock().unwrap_or_else(PoisonError::into_inner);
                *counts.entry((route.name().into_owned(), route.home())).or_default() += 1;
            }
            None => {}
        }
    }

    /// A fresh `Twilio-Request-Id` value (`RQ` + 32 hex digits).
    pub(crate) fn next_request_id(&self) -> String {
        // Wraps rather than overflows: uniqueness over 2^64 requests is not a concern.
        let counter = self.request_ids.fetch_add(1, Ordering::Relaxed).wrapping_add(1);
        sid("RQ", counter)
    }

    /// Locks the records of registered resources (Video's too), with the current time. Keep the
    /// guard for in-memory work only: no I/O, no awaiting.
    ///
    /// The clock is read while the lock is held, so changes are applied in the order of their
    /// timestamps: reading it first would let two callers stamp `t` and `t + 1` but apply in the
    /// other order, around a second boundary in real time. Lock order: world, then clock (the
    /// clock never waits for the world).
    pub(crate) fn world(&self) -> (MutexGuard<'_, World>, DateTime<Utc>) {
        let world = self.world.lock().unwrap_or_else(PoisonError::into_inner);
        let now = self.clock.now();
        (world, now)
    }

    /// A new SID with `prefix`, unique in this emulator.
    pub(crate) fn next_sid(&self, prefix: &str) -> String {
        sid(prefix, self.sids.fetch_add(1, Ordering::Relaxed).wrapping_add(1))
    }

    pub(crate) fn request_count(&self, route: Route) -> u64 {
        match route.index() {
            Some(index) => self.requests[index].load(Ordering::Relaxed),
            None => {
                let counts = self.operation_requests.lock().unwrap_or_else(PoisonError::into_inner);
                let (name, home) = (route.name(), route.home());
                // A route without a home counts requests to every resource of its name.
                counts
                    .iter()
                    .filter(|((n, h), _)| *n == name && (home.is_empty() || *h == home))
                    .map(|(_, count)| count)
                    .sum()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared() -> Shared {
        let credentials = Credentials {
            account_sid: "AC1".to_owned(),
            auth_token: "t".to_owned(),
            api_key_sid: "SK1".to_owned(),
            api_key_secret: "s".to_owned(),
            bearer_token: "b".to_owned(),
        };
        Shared::new(credentials, "http://127.0.0.1:1".to_owned(), "http://127.0.0.1:1".to_owned())
    }

    #[test]
    fn request_ids_are_distinct() {
        let shared = shared();
        assert_ne!(shared.next_request_id(), shared.next_request_id());
    }
}
