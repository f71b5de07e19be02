//! When and how long to wait before sending a request again.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::time::Duration;

use reqwest::StatusCode;

use crate::Error;

/// How failed requests are retried: exponential backoff with full jitter, `Retry-After`
/// honoured, bounded in attempts and in total time.
///
/// - 429 is always retried: Twilio's error 20429 means the request was not processed.
/// - 5xx answers, timeouts and dropped connections are retried for GET and DELETE, and for
///   POST only with [`RetryPolicy::retry_posts`] (a POST may have been applied already).
/// - A connection that was refused outright is retried for every method, since nothing was
///   sent; a connection attempt that timed out counts as a timeout.
///
/// ```
/// use std::time::Duration;
/// use sidekick_runtime::RetryPolicy;
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
    /// Three retries, backoff from 250 ms up to 8 s, at most 60 s spent waiting.
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

    /// Gives up rather than wait past this much time since the first attempt.
    pub fn max_elapsed(mut self, limit: Duration) -> Self {
        self.max_elapsed = limit;
        self
    }

    /// Also retry POSTs after 5xx answers and dropped connections. Only safe where sending
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
        // A server may ask for any wait at all; one past the budget means giving up now.
        elapsed.checked_add(delay).is_some_and(|total| total <= self.max_elapsed).then_some(delay)
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
