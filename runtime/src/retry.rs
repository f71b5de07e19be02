//! When and how long to wait before sending a request again.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::time::Duration;

use reqwest::StatusCode;

use crate::Error;

/// How failed requests are retried: exponential backoff with full jitter, `Retry-After`
/// honoured, bounded in attempts and in total time.
///
/// The time budget ([`RetryPolicy::max_elapsed`], 60 s by default) bounds the whole call,
/// retries included, from the start of its first attempt: each attempt may take its own
/// timeout or what is left of the budget, whichever is shorter, and no retry is started
/// whose backoff would end past the budget. A call that runs out of budget fails with
/// [`Error::Timeout`](crate::Error::Timeout). The budget applies to calls that never retry,
/// too, so a per-attempt timeout longer than the budget needs a larger budget as well.
///
/// - 429 is always retried: Twilio's error 20429 means the request was not processed.
/// - 5xx answers, timeouts and dropped connections are retried for GET, PUT and DELETE
///   (idempotent methods), and for POST and PATCH only with [`RetryPolicy::retry_posts`] or
///   `Call::idempotent` (they may have been applied already).
/// - A connection that was refused outright is retried for every method, since nothing was
///   sent; a connection attempt that timed out counts as a timeout.
///
/// ```
/// # extern crate sidekick_runtime as sidekick;
/// use std::time::Duration;
/// use sidekick::RetryPolicy;
///
/// let patient = RetryPolicy::default().max_retries(5).max_elapsed(Duration::from_secs(120));
/// let never = RetryPolicy::none();
/// # let _ = (patient, never);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    max_retries: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    max_elapsed: Duration,
    retry_posts: bool,
}

impl Default for RetryPolicy {
    /// Three retries, backoff from 250 ms up to 8 s, the whole call bounded to 60 s.
    fn default() -> Self {
        RetryPolicy {
            max_retries: 3,
            initial_backoff: Duration::from_millis(250),
            max_backoff: Duration::from_secs(8),
            max_elapsed: Duration::from_secs(60),
            retry_posts: false,
        }
    }
}

impl RetryPolicy {
    /// A policy that never retries.
    pub fn none() -> Self {
        RetryPolicy { max_retries: 0, ..RetryPolicy::default() }
    }

    /// How many times a request may be sent again after its first attempt.
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = retries;
        self
    }

    /// The backoff ceiling for the first retry; it doubles with every further retry.
    pub fn initial_backoff(mut self, delay: Duration) -> Self {
        self.initial_backoff = delay;
        self
    }

    /// The largest backoff ceiling (a server's `Retry-After` may ask for longer).
    pub fn max_backoff(mut self, delay: Duration) -> Self {
        self.max_backoff = delay;
        self
    }

    /// The call's time budget: the whole call, retries included, takes at most this long,
    /// counted from the start of its first attempt (default 60 s).
    ///
    /// An attempt is cut short when the budget runs out (the call then fails with
    /// [`Error::Timeout`](crate::Error::Timeout)), and a retry whose wait would end past the
    /// budget is not made (the call fails with the last attempt's error). This bounds calls
    /// without retries as well: a per-attempt timeout longer than this is cut to it.
    pub fn max_elapsed(mut self, limit: Duration) -> Self {
        self.max_elapsed = limit;
        self
    }

    /// Also retry POSTs and PATCHes after 5xx answers and dropped connections. Only safe where sending
    /// the same POST twice does no harm.
    pub fn retry_posts(mut self, yes: bool) -> Self {
        self.retry_posts = yes;
        self
    }

    /// The wait before retry number `retry` (1-based), or `None` to give up with `error`.
    pub(crate) fn delay_before(
        &self,
        retry: u32,
        elapsed: Duration,
        error: &Error,
        retry_after: Option<Duration>,
        idempotent: bool,
    ) -> Option<Duration> {
        if retry > self.max_retries || !self.may_retry(error, idempotent) {
            return None;
        }
        let delay = retry_after.unwrap_or_else(|| self.jittered_backoff(retry));
        // A server may ask for any wait at all; one past the budget means giving up now. A
        // retry must also have some of the budget left to run in once the wait is over.
        elapsed.checked_add(delay).is_some_and(|total| total < self.max_elapsed).then_some(delay)
    }

    /// The call's time budget (see [`RetryPolicy::max_elapsed`]).
    pub(crate) fn budget(&self) -> Duration {
        self.max_elapsed
    }

    /// How long an attempt started `elapsed` after the call's first one may take, given the
    /// per-attempt timeout `per_attempt`: the shorter of it and what is left of the budget.
    pub(crate) fn attempt_limit(&self, per_attempt: Duration, elapsed: Duration) -> AttemptLimit {
        let remaining = self.max_elapsed.saturating_sub(elapsed);
        if remaining < per_attempt {
            AttemptLimit { timeout: remaining, by_budget: true }
        } else {
            AttemptLimit { timeout: per_attempt, by_budget: false }
        }
    }

    fn may_retry(&self, error: &Error, idempotent: bool) -> bool {
        let repeatable = idempotent || self.retry_posts;
        match error {
            Error::Transport { source, status: None } if source.is_connect() => true,
            Error::Timeout { .. } | Error::Transport { .. } => repeatable,
            _ => match error.status() {
                Some(StatusCode::TOO_MANY_REQUESTS) => true,
                Some(s) if s.is_server_error() => repeatable,
                _ => false,
            },
        }
    }

    fn jittered_backoff(&self, retry: u32) -> Duration {
        let ceiling = self
            .initial_backoff
            .saturating_mul(1u32 << retry.saturating_sub(1).min(20))
            .min(self.max_backoff);
        ceiling.mul_f64(random_unit())
    }
}

/// The time one attempt may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct AttemptLimit {
    /// The attempt's timeout, from sending to the end of the body.
    pub(crate) timeout: Duration,
    /// Whether that is what is left of the call's budget, shorter than the per-attempt
    /// timeout: running out of it then means the call is out of time.
    pub(crate) by_budget: bool,
}

/// A random number in `[0, 1)`. Jitter needs spread, not cryptographic quality, and std's
/// randomly keyed hasher gives that without another dependency.
fn random_unit() -> f64 {
    let bits = RandomState::new().build_hasher().finish();
    (bits >> 11) as f64 / (1u64 << 53) as f64
}

/// Reads a `Retry-After` header given in seconds (what Twilio sends).
pub(crate) fn parse_retry_after(value: &str) -> Option<Duration> {
    value.trim().parse::<u64>().ok().map(Duration::from_secs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::classify_error;

    fn status_error(code: u16) -> Error {
        classify_error(StatusCode::from_u16(code).unwrap(), None, b"")
    }

    #[test]
    fn too_many_requests_is_retried_for_any_method_and_honours_retry_after() {
        let p = RetryPolicy::default();
        let e = status_error(429);
        let wait = p.delay_before(1, Duration::ZERO, &e, Some(Duration::from_secs(2)), false);
        assert_eq!(wait, Some(Duration::from_secs(2)));
        assert!(p.delay_before(1, Duration::ZERO, &e, None, false).is_some());
    }

    #[test]
    fn server_errors_are_retried_only_when_repeatable() {
        let e = status_error(503);
        let p = RetryPolicy::default();
        assert!(p.delay_before(1, Duration::ZERO, &e, None, true).is_some());
        assert!(p.delay_before(1, Duration::ZERO, &e, None, false).is_none());
        assert!(p.clone().retry_posts(true).delay_before(1, Duration::ZERO, &e, None, false).is_some());
    }

    #[test]
    fn client_errors_are_never_retried() {
        let p = RetryPolicy::default();
        for code in [400, 401, 404, 409] {
            assert!(p.delay_before(1, Duration::ZERO, &status_error(code), None, true).is_none());
        }
    }

    #[test]
    fn attempts_and_elapsed_time_are_bounded() {
        let p = RetryPolicy::default().max_retries(2).max_elapsed(Duration::from_secs(5));
        let e = status_error(500);
        assert!(p.delay_before(2, Duration::ZERO, &e, None, true).is_some());
        assert!(p.delay_before(3, Duration::ZERO, &e, None, true).is_none());
        assert!(p.delay_before(1, Duration::from_secs(4), &e, Some(Duration::from_secs(2)), true).is_none());
        assert!(RetryPolicy::none().delay_before(1, Duration::ZERO, &e, None, true).is_none());
    }

    #[test]
    fn attempts_get_their_own_timeout_or_what_is_left_of_the_budget() {
        let p = RetryPolicy::default().max_elapsed(Duration::from_secs(60));
        let secs = Duration::from_secs;
        // Plenty of budget left: the per-attempt timeout applies.
        assert_eq!(p.attempt_limit(secs(35), secs(0)), AttemptLimit { timeout: secs(35), by_budget: false });
        assert_eq!(p.attempt_limit(secs(35), secs(25)), AttemptLimit { timeout: secs(35), by_budget: false });
        // Less left than the per-attempt timeout: the budget cuts the attempt short.
        assert_eq!(p.attempt_limit(secs(35), secs(40)), AttemptLimit { timeout: secs(20), by_budget: true });
        assert_eq!(
            p.attempt_limit(secs(35), Duration::from_millis(59_900)),
            AttemptLimit { timeout: Duration::from_millis(100), by_budget: true }
        );
        // A per-attempt timeout longer than the budget is cut to it, even for the first attempt.
        let short = RetryPolicy::none().max_elapsed(secs(1));
        assert_eq!(
            short.attempt_limit(secs(10), secs(0)),
            AttemptLimit { timeout: secs(1), by_budget: true }
        );
        // Past the budget (a late timer), nothing is left rather than an underflow.
        assert_eq!(
            short.attempt_limit(secs(10), secs(2)),
            AttemptLimit { timeout: Duration::ZERO, by_budget: true }
        );
        assert_eq!(short.budget(), secs(1));
    }

    #[test]
    fn no_retry_is_started_whose_wait_ends_at_or_past_the_budget() {
        let p = RetryPolicy::default().max_elapsed(Duration::from_secs(10));
        let e = status_error(503);
        let wait = |elapsed_ms, retry_after_ms| {
            p.delay_before(
                1,
                Duration::from_millis(elapsed_ms),
                &e,
                Some(Duration::from_millis(retry_after_ms)),
                true,
            )
        };
        assert_eq!(wait(0, 9_999), Some(Duration::from_millis(9_999)));
        assert_eq!(wait(9_000, 999), Some(Duration::from_millis(999)));
        assert_eq!(wait(9_000, 1_000), None, "the retry would have no time left to run");
        assert_eq!(wait(9_000, 1_001), None);
        assert_eq!(wait(10_000, 0), None, "the budget is spent");
        assert_eq!(wait(12_000, 0), None);
        // The elapsed time counts attempts too, not only waits: a slow first attempt leaves
        // less room for retries.
        let timeout = Error::Timeout { timeout: Duration::from_secs(9), status: None, budget: false };
        assert!(
            p.delay_before(1, Duration::from_secs(9), &timeout, Some(Duration::from_millis(500)), true)
                .is_some()
        );
        assert!(
            p.delay_before(1, Duration::from_secs(9), &timeout, Some(Duration::from_secs(1)), true).is_none()
        );
    }

    #[test]
    fn absurd_retry_after_gives_up_instead_of_overflowing() {
        let p = RetryPolicy::default();
        let e = status_error(429);
        let huge = parse_retry_after("18446744073709551615");
        assert_eq!(huge, Some(Duration::from_secs(u64::MAX)));
        assert!(p.delay_before(1, Duration::from_secs(2), &e, huge, true).is_none());
        assert!(p.delay_before(1, Duration::ZERO, &e, Some(Duration::from_secs(61)), true).is_none());
    }

    #[test]
    fn backoff_stays_under_its_doubling_ceiling() {
        let p = RetryPolicy::default()
            .initial_backoff(Duration::from_millis(100))
            .max_backoff(Duration::from_millis(300));
        for _ in 0..200 {
            assert!(p.jittered_backoff(1) < Duration::from_millis(100));
            assert!(p.jittered_backoff(2) < Duration::from_millis(200));
            assert!(p.jittered_backoff(30) < Duration::from_millis(300));
        }
    }

    #[test]
    fn retry_after_seconds() {
        assert_eq!(parse_retry_after(" 3 "), Some(Duration::from_secs(3)));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), None);
    }
}
