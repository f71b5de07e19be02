//! Sending a prepared request: attempts, retries, and classification of the answer.

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, RETRY_AFTER};
use tracing::Instrument;

use crate::error::classify_error;
use crate::request::PreparedRequest;
use crate::retry::parse_retry_after;
use crate::{Client, Error, Result, RetryPolicy};

/// A successful (2xx) answer.
pub(crate) struct Success {
    pub(crate) status: StatusCode,
    pub(crate) body: bytes::Bytes,
}

/// Per-call settings that override the client's.
#[derive(Debug, Clone, Default)]
pub(crate) struct CallOptions {
    pub(crate) timeout: Option<Duration>,
    pub(crate) retry: Option<RetryPolicy>,
}

impl Client {
    /// Sends `request` until it succeeds, fails for good, or the retry policy gives up.
    pub(crate) async fn execute(&self, request: &PreparedRequest, options: &CallOptions) -> Result<Success> {
        let timeout = options.timeout.unwrap_or(self.inner.timeout);
        let policy = options.retry.as_ref().unwrap_or(&self.inner.retry);
        let started = Instant::now();
        let mut retry = 0;
        loop {
            let span = tracing::debug_span!(
                "sidekick.request",
                method = %request.method,
                path = request.url.path(),
                attempt = retry + 1,
                status = tracing::field::Empty,
                latency_ms = tracing::field::Empty,
            );
            let attempt_started = Instant::now();
            let outcome = self.attempt(request, timeout).instrument(span.clone()).await;
            span.record("latency_ms", attempt_started.elapsed().as_millis() as u64);
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
            span.in_scope(|| tracing::debug!(error = %error, "failed"));
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
        timeout: Duration,
    ) -> Result<Success, (Error, Option<Duration>)> {
        let http_request = self.http_request(request, timeout);
        let response = self
            .inner
            .http
            .execute(http_request)
            .await
            .map_err(|e| (transport_error(e, None, timeout), None))?;
        let status = response.status();
        let headers = response.headers();
        let retry_after = headers.get(RETRY_AFTER).and_then(|v| v.to_str().ok()).and_then(parse_retry_after);
        let content_type = headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(str::to_owned);
        let fail = |e| (transport_error(e, Some(status), timeout), retry_after);
        if status.is_success() {
            let too_large = (Error::BodyTooLarge { status, limit: MAX_BODY }, None);
            let body = match response.content_length() {
                Some(length) if length > MAX_BODY as u64 => return Err(too_large),
                // hyper reads no more than a declared length, so the plain read is bounded.
                Some(_) => response.bytes().await.map_err(fail)?,
                None => {
                    let body = read_capped(response, MAX_BODY + 1).await.map_err(fail)?;
                    if body.len() > MAX_BODY {
                        return Err(too_large);
                    }
                    body.into()
                }
            };
            Ok(Success { status, body })
        } else {
            let body = read_capped(response, MAX_ERROR_BODY).await.map_err(fail)?;
            Err((classify_error(status, content_type.as_deref(), &body), retry_after))
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

fn transport_error(source: reqwest::Error, status: Option<StatusCode>, timeout: Duration) -> Error {
    if source.is_timeout() { Error::Timeout { timeout, status } } else { Error::Transport { status, source } }
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
