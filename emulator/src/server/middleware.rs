//! Middleware around every handler and fallback, inside fault injection: HTTP Basic
//! authentication, and a `Twilio-Request-Id` on every answer it produces.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::header::{HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::shared::Shared;

const TWILIO_REQUEST_ID: HeaderName = HeaderName::from_static("twilio-request-id");

/// Refuses requests without valid credentials, before routing errors: as at Twilio, an
/// unauthenticated client learns nothing about which paths or methods exist.
pub(crate) async fn authenticate(
    State(shared): State<Arc<Shared>>,
    request: Request,
    next: Next,
) -> Response {
    match shared.credentials.check(request.headers()) {
        Ok(()) => next.run(request).await,
        Err(error) => error.into_response(),
    }
}

/// Labels the answer with a fresh `Twilio-Request-Id`.
pub(crate) async fn stamp_request_id(
    State(shared): State<Arc<Shared>>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let id = HeaderValue::from_str(&shared.next_request_id()).unwrap_or(HeaderValue::from_static("RQ"));
    response.headers_mut().insert(TWILIO_REQUEST_ID, id);
    response
}
