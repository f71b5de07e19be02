//! `Call`: one request, awaited directly or adjusted first.

use std::fmt;
use std::future::{Future, IntoFuture};
use std::pin::Pin;
use std::time::Duration;

use crate::request::Request;
use crate::transport::{CallOptions, Success};
use crate::{Client, Error, Response, Result, RetryPolicy};

/// Turns a successful answer into the call's output.
pub(crate) type Decoder<T> = fn(&Success) -> Result<T>;

/// A single API call. `.await` it to send it; adjust it first if needed.
///
/// Nothing is sent before it is awaited. Its future is `Send + 'static`, so it can be
/// spawned. Input errors (such as an empty path parameter) surface when awaited, without
/// sending anything.
///
/// ```no_run
/// # extern crate sidekick_runtime as sidekick;
/// # use sidekick::{Call, Result};
/// # async fn run(call: Call<()>) -> Result<()> {
/// use std::time::Duration;
/// call.timeout(Duration::from_secs(5)).await?;
/// # Ok(()) }
/// ```
#[must_use = "a Call does nothing until it is awaited"]
pub struct Call<T> {
    client: Client,
    request: Result<Request>,
    options: CallOptions,
    decode: Decoder<T>,
}

impl<T> Call<T> {
    pub(crate) fn new(client: &Client, request: Result<Request>, decode: Decoder<T>) -> Self {
        Call { client: client.clone(), request, options: CallOptions::default(), decode }
    }

    /// The timeout of each attempt of this call (instead of the client's). The whole call is
    /// still bounded by its retry policy's `max_elapsed`.
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
    /// connections are retried even for a POST or PATCH. (GET, PUT and DELETE are idempotent
    /// already.)
    pub fn idempotent(mut self) -> Self {
        if let Ok(request) = &mut self.request {
            request.idempotent = true;
        }
        self
    }

    /// The account whose resources this call addresses, for a path with an account
    /// placeholder (Twilio's 2010 API: `/2010-04-01/Accounts/<account_sid>/...`); by default
    /// the client's account. This is how a subaccount is reached with the main account's
    /// credentials.
    pub fn account_sid(mut self, account_sid: impl Into<String>) -> Self {
        if let Ok(request) = &mut self.request {
            request.account = Some(account_sid.into());
        }
        self
    }

    /// Sends the call and keeps the answer's status and headers beside the decoded value.
    pub async fn response(self) -> Result<Response<T>> {
        let decode = self.decode;
        let success = self.send().await?;
        let value = decode(&success)?;
        Ok(Response { status: success.status, headers: success.headers, value })
    }

    /// Routes the request and sends it until it succeeds or fails for good.
    async fn send(self) -> Result<Success> {
        let request = self.request?;
        let prepared = self.client.prepare(&request)?;
        self.client.execute(&prepared, &self.options).await
    }
}

impl<T: Send + 'static> IntoFuture for Call<T> {
    type Output = Result<T>;
    type IntoFuture = Pin<Box<dyn Future<Output = Result<T>> + Send>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(async move {
            let decode = self.decode;
            decode(&self.send().await?)
        })
    }
}

impl<T> fmt::Debug for Call<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("Call");
        match &self.request {
            Ok(r) => s
                .field("resource", &r.resource)
                .field("operation", &r.operation.kind)
                .field("method", &r.operation.method)
                .field("path", &r.operation.path),
            Err(e) => s.field("error", e),
        };
        s.field("timeout", &self.options.timeout).finish_non_exhaustive()
    }
}

/// Decoders for the three kinds of answer.
pub(crate) mod decoders {
    use super::*;
    use crate::{Redirect, decode};
    use serde::de::DeserializeOwned;

    pub(crate) fn json<T: DeserializeOwned>(success: &Success) -> Result<T> {
        if success.body.iter().all(u8::is_ascii_whitespace) {
            // A 204, or an empty 200: the operation answers without a body.
            let source = <serde_json::Error as serde::de::Error>::custom(
                "the answer has no body; if the operation answers so, declare it with `response = \"empty\"`",
            );
            return Err(Error::Decode { status: success.status, path: ".".into(), source });
        }
        decode::json(success.status, &success.body)
    }

    pub(crate) fn empty(_: &Success) -> Result<()> {
        Ok(())
    }

    /// A redirect operation's answer: a 3xx with a `Location`. Anything else is reported as
    /// the redirect that was missing.
    pub(crate) fn redirect(success: &Success) -> Result<Redirect> {
        let location = success.headers.get(reqwest::header::LOCATION).and_then(|v| v.to_str().ok());
        match location {
            Some(location) if success.status.is_redirection() => {
                Ok(Redirect { status: success.status, location: location.to_owned() })
            }
            _ => Err(Error::Redirect { status: success.status, location: None }),
        }
    }
}
