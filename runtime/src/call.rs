//! `Call`: one request, awaited directly or adjusted first.

use std::fmt;
use std::future::{Future, IntoFuture};
use std::pin::Pin;
use std::time::Duration;

use reqwest::StatusCode;

use crate::request::PreparedRequest;
use crate::transport::CallOptions;
use crate::{Client, Result, RetryPolicy};

type Decoder<T> = fn(StatusCode, &[u8]) -> Result<T>;

/// A single API call. `.await` it to send it; adjust it first if needed.
///
/// Nothing is sent before it is awaited. Its future is `Send + 'static`, so it can be
/// spawned. Input errors (such as an empty path parameter) surface when awaited, without
/// sending anything.
///
/// ```no_run
/// # use sidekick_runtime::{Call, Result};
/// # async fn run(call: Call<()>) -> Result<()> {
/// use std::time::Duration;
/// call.timeout(Duration::from_secs(5)).await?;
/// # Ok(()) }
/// ```
#[must_use = "a Call does nothing until it is awaited"]
pub struct Call<T> {
    client: Client,
    request: Result<PreparedRequest>,
    options: CallOptions,
    decode: Decoder<T>,
}

impl<T> Call<T> {
    pub(crate) fn new(client: &Client, request: Result<PreparedRequest>, decode: Decoder<T>) -> Self {
        Call { client: client.clone(), request, options: CallOptions::default(), decode }
    }

    /// The timeout of each attempt of this call (instead of the client's).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.options.timeout = Some(timeout);
        self
    }

    /// The retry policy of this call (instead of the client's).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.options.retry = Some(policy);
        self
    }

    /// Declares that sending this request twice does no harm, so 5xx answers and dropped
    /// connections are retried even for a POST. (GET and DELETE are idempotent already.)
    pub fn idempotent(mut self) -> Self {
        if let Ok(request) = &mut self.request {
            request.idempotent = true;
        }
        self
    }
}

impl<T: Send + 'static> IntoFuture for Call<T> {
    type Output = Result<T>;
    type IntoFuture = Pin<Box<dyn Future<Output = Result<T>> + Send>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(async move {
            let request = self.request?;
            let success = self.client.execute(&request, &self.options).await?;
            (self.decode)(success.status, &success.body)
        })
    }
}

impl<T> fmt::Debug for Call<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("Call");
        match &self.request {
            Ok(r) => s.field("method", &r.method).field("url", &r.url.as_str()),
            Err(e) => s.field("error", e),
        };
        s.field("timeout", &self.options.timeout).finish_non_exhaustive()
    }
}
