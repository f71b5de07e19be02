//! What a call gives besides the decoded resource: the status and headers of the answer, and
//! redirects returned as results.

use reqwest::StatusCode;
use reqwest::header::HeaderMap;

/// A decoded answer together with its status and headers, from [`Call::response`]: for an
/// `ETag` to send back in a later `If-Match`, rate-limit headers, and the like.
///
/// ```no_run
/// # extern crate sidekick_runtime as sidekick;
/// # async fn run(call: sidekick::Call<()>) -> sidekick::Result<()> {
/// let response = call.response().await?;
/// let etag = response.headers.get("etag").and_then(|v| v.to_str().ok());
/// # let _ = etag; Ok(()) }
/// ```
///
/// [`Call::response`]: crate::Call::response
#[derive(Debug, Clone)]
pub struct Response<T> {
    /// The HTTP status (a 2xx, or the 3xx of a [`Redirect`]).
    pub status: StatusCode,
    /// Every header of the answer.
    pub headers: HeaderMap,
    /// The decoded body.
    pub value: T,
}

/// A `3xx` answer that is the result of its operation (such as a Bulk Export day, which
/// answers with where to download it). sidekick never follows it: the `Location` may be on
/// another origin, which must not see the API's credentials.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redirect {
    /// The status, such as `307 Temporary Redirect`.
    pub status: StatusCode,
    /// The `Location` header, as sent.
    pub location: String,
}
