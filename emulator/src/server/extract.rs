//! Extractors that answer in Twilio's terms: the path as sent, decoded path parameters, and the
//! request's parameters from its query string or form body.

use std::convert::Infallible;

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, OriginalUri, Path, Request};
use axum::http::request::Parts;
use axum::http::{Method, StatusCode};
use serde::de::DeserializeOwned;

use crate::http::api_error::ApiError;
use crate::http::params::Params;

/// Larger form bodies are refused with 413; real ones are a few hundred bytes.
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

/// Percent-decoded path parameters, by position. A parameter that does not decode to UTF-8 can
/// name no room or participant, so it is answered with Twilio's 404.
pub(crate) struct PathParams<T>(pub(crate) T);

impl<T, S> FromRequestParts<S> for PathParams<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<PathParams<T>, ApiError> {
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(params)) => Ok(PathParams(params)),
            Err(_) => Err(ApiError::not_found(request_path(parts))),
        }
    }
}

/// Parameters come from the query string for GET and from the form body for POST, whatever its
/// Content-Type says; a body or Content-Type on a GET is ignored, as real clients sometimes send
/// one. The body is capped by the router's `DefaultBodyLimit` of [`MAX_BODY_BYTES`].
impl<S: Send + Sync> FromRequest<S> for Params {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Params, ApiError> {
        if request.method() != Method::POST {
            return Ok(Params::decode(request.uri().query().unwrap_or("").as_bytes()));
        }
        let body = Bytes::from_request(request, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::payload_too_large(MAX_BODY_BYTES)
            } else {
                ApiError::bad_request(format!("Could not read the request body: {}", rejection.body_text()))
            }
        })?;
        Ok(Params::decode(&body))
    }
}
