//! Extractors that answer in Twilio's terms: the path as sent, and the request's body.

use std::convert::Infallible;

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, OriginalUri, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;

use crate::http::api_error::ApiError;

/// Larger bodies are refused with 413; real ones are a few hundred bytes.
pub(crate) const MAX_BODY_BYTES: usize = 64 * 1024;

/// The request path exactly as the client sent it (still percent-encoded, trailing slash kept),
/// which Twilio quotes in 404 messages.
pub(crate) struct RequestPath(pub(crate) String);

impl<S: Send + Sync> FromRequestParts<S> for RequestPath {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<RequestPath, Infallible> {
        Ok(RequestPath(request_path(parts).to_owned()))
    }
}

/// The server records the URI as sent in [`OriginalUri`] before trimming a trailing slash.
fn request_path(parts: &Parts) -> &str {
    parts.extensions.get::<OriginalUri>().map_or(parts.uri.path(), |original| original.path())
}

/// The request's body (a form, or JSON), read whatever its Content-Type says. It is capped by
/// the router's `DefaultBodyLimit` of [`MAX_BODY_BYTES`], and a larger one is refused in
/// Twilio's error shape.
pub(crate) struct RequestBody(pub(crate) Bytes);

impl<S: Send + Sync> FromRequest<S> for RequestBody {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<RequestBody, ApiError> {
        let body = Bytes::from_request(request, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::payload_too_large(MAX_BODY_BYTES)
            } else {
                ApiError::bad_request(format!("Could not read the request body: {}", rejection.body_text()))
            }
        })?;
        Ok(RequestBody(body))
    }
}
