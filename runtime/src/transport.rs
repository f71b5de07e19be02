//! Sending a prepared request: attempts, retries, and classification of the answer.

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, HeaderMap, LOCATION, RETRY_AFTER};
use tracing::Instrument;

use crate::error::classify_error;
use crate::request::PreparedRequest;
use crate::retry::{AttemptLimit, parse_retry_after};
use crate::{Client, Error, Result, RetryPolicy};

/// A successful answer: a 2xx, or the 3xx of an operation whose result is a redirect.
pub(crate) struct Success {
    pub(crate) status: StatusCode,
    /// The response's headers.
    pub(crate) headers: HeaderMap,
    pub(crate) body: bytes::Bytes,
}

/// Per-call settings that override the client's.
#[derive(Debug, Clone, Default)]
pub(crate) struct CallOptions {
    pub(crate) timeout: Option<Duration>,
    pub(crate) retry: Option<RetryPolicy>,
}

impl Client {
    /// Sends `request` until it succeeds, fails for good, or the retry policy gives up. The
    /// policy's time budget bounds the whole, retries included.
    pub(crate) async fn execute(&self, request: &PreparedRequest, options: &CallOptions) -> Result<Success> {
        let per_attempt = options.timeout.unwrap_or(self.inner.timeout);
        let policy = options.retry.as_ref().unwrap_or(&self.inner.retry);
        let started = Instant::now();
        let mut retry = 0;
        loop {
            let span = tracing::debug_span!(
                "sidekick.request",
                resource = request.label.resource,
                operation = request.label.operation.as_str(),
                method = %request.method,
                path = %request.label.template,
                attempt = retry + 1,
                status = tracing::field::Empty,
                latency_ms = tracing::field::Empty,
            );
            let attempt_started = if retry == 0 { started } else { Instant::now() };
            let limit = policy.attempt_limit(per_attempt, attempt_started.duration_since(started));
            let timeout = Timeouts { limit, per_attempt, budget: policy.budget() };
            let outcome = self.attempt(request, timeout).instrument(span.clone()).await;
            if !span.is_disabled() {
                span.record("latency_ms", attempt_started.elapsed().as_millis() as u64);
            }
            let (error, retry_after) = match outcome {
                Ok(success) => {
                    span.record("status", success.status.as_u16());
                    span.in_scope(|| tracing::debug!("response"));
                    return Ok(success);
                }
                Err(failure) => failure,
            };
            if let Some(status) = error.status() {
                span.record("status", status.as_u16());
            }
            span.in_scope(|| tracing::debug!(error = %error.log_summary(), "failed"));
            if matches!(error, Error::Timeout { budget: true, .. }) {
                return Err(error);
            }
            retry += 1;
            let Some(delay) =
                policy.delay_before(retry, started.elapsed(), &error, retry_after, request.idempotent)
            else {
                return Err(error);
            };
            span.in_scope(|| tracing::debug!(?delay, "retrying"));
            tokio::time::sleep(delay).await;
        }
    }

    /// One attempt; a failure comes with the server's `Retry-After`, if it sent one.
    async fn attempt(
        &self,
        request: &PreparedRequest,
        timeout: Timeouts,
    ) -> Result<Success, (Error, Option<Duration>)> {
        let http_request = self.http_request(request, timeout.limit.timeout);
        let mut response = self
            .inner
            .http
            .execute(http_request)
            .await
            .map_err(|e| (transport_error(e, None, timeout), None))?;
        let status = response.status();
        // Taken rather than cloned: the body is read without them.
        let headers = std::mem::take(response.headers_mut());
        // Read only when the attempt failed, which is when it matters.
        let retry_after =
            || headers.get(RETRY_AFTER).and_then(|v| v.to_str().ok()).and_then(parse_retry_after);
        let fail = |e| (transport_error(e, Some(status), timeout), retry_after());
        if status.is_redirection() && request.redirect_is_success {
            // The operation's result is where it points; the body is not worth reading.
            return Ok(Success { status, headers, body: bytes::Bytes::new() });
        }
        if status.is_redirection() {
            // Redirects are off in the HTTP client: a 3xx is an answer, and never retried.
            let location = headers.get(LOCATION).map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
            return Err((Error::Redirect { status, location }, None));
        }
        if status.is_success() {
            let too_large = || (Error::BodyTooLarge { status, limit: MAX_BODY }, None);
            let body = match response.content_length() {
                Some(length) if length > MAX_BODY as u64 => return Err(too_large()),
                // hyper reads no more than a declared length, so the plain read is bounded.
                Some(_) => response.bytes().await.map_err(fail)?,
                None => {
                    let body = read_capped(response, MAX_BODY + 1).await.map_err(fail)?;
                    if body.len() > MAX_BODY {
                        return Err(too_large());
                    }
                    body.into()
                }
            };
            Ok(Success { status, headers, body })
        } else {
            let body = read_capped(response, MAX_ERROR_BODY).await.map_err(fail)?;
            let content_type = headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok());
            Err((classify_error(status, content_type, &body), retry_after()))
        }
    }
}

/// A page of 1000 participants is about 1.2 MB; anything past this is not an API answer, and
/// reading it whole could exhaust memory.
pub(crate) const MAX_BODY: usize = 64 * 1024 * 1024;

/// Twilio's error bodies are a few hundred bytes; a proxy's page may be anything, and only
/// a snippet of it is kept.
const MAX_ERROR_BODY: usize = 64 * 1024;

/// Reads at most `cap` bytes of the body, so a huge error page cannot exhaust memory.
async fn read_capped(mut response: reqwest::Response, cap: usize) -> reqwest::Result<Vec<u8>> {
    let expected = response.content_length().unwrap_or(0).min(cap as u64) as usize;
    let mut body = Vec::with_capacity(expected);
    while let Some(chunk) = response.chunk().await? {
        let room = cap - body.len();
        body.extend_from_slice(&chunk[..chunk.len().min(room)]);
        if body.len() == cap {
            break;
        }
    }
    Ok(body)
}

/// The time limits of one attempt.
#[derive(Debug, Clone, Copy)]
struct Timeouts {
    /// What the attempt may take.
    limit: AttemptLimit,
    /// The per-attempt timeout (the call's, or the client's).
    per_attempt: Duration,
    /// The call's whole budget.
    budget: Duration,
}

fn transport_error(source: reqwest::Error, status: Option<StatusCode>, timeout: Timeouts) -> Error {
    if source.is_timeout() {
        let budget = timeout.limit.by_budget;
        let timeout = if budget { timeout.budget } else { timeout.per_attempt };
        Error::Timeout { timeout, status, budget }
    } else {
        // reqwest's own message names the URL, whose path may hold personal data.
        Error::Transport { status, source: source.without_url() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn error_bodies_are_read_up_to_the_cap_only() {
        let response = reqwest::Response::from(http::Response::new(reqwest::Body::from(vec![b'x'; 1 << 20])));
        let read = read_capped(response, 40_000).await.unwrap();
        assert_eq!(read.len(), 40_000);

        let small = reqwest::Response::from(http::Response::new(reqwest::Body::from("short")));
        assert_eq!(read_capped(small, 40_000).await.unwrap(), b"short");
    }
}
