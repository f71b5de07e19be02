//! Error responses in Twilio's JSON shape: `code`, `message`, `more_info`, `status`.

use axum::http::StatusCode;
use axum::http::header::{self, HeaderName, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::http::wire;

/// Twilio's generic "invalid parameter" error.
pub(crate) const INVALID_PARAMETER: u32 = 20001;

/// An error answer, ready to become an HTTP response.
#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    code: u32,
    message: String,
    headers: Vec<(HeaderName, HeaderValue)>,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    code: u32,
    message: &'a str,
    more_info: String,
    status: u16,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, code: u32, message: impl Into<String>) -> ApiError {
        ApiError { status, code, message: message.into(), headers: Vec::new() }
    }

    /// 400 with the generic invalid-parameter code.
    pub(crate) fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, INVALID_PARAMETER, message)
    }

    /// 404 naming the path as the client sent it, as Twilio does.
    pub(crate) fn not_found(request_path: &str) -> ApiError {
        ApiError::new(
            StatusCode::NOT_FOUND,
            20404,
            format!("The requested resource {request_path} was not found"),
        )
    }

    pub(crate) fn unauthorized(message: &str) -> ApiError {
        ApiError::new(StatusCode::UNAUTHORIZED, 20003, message)
            .with_header(header::WWW_AUTHENTICATE, "Basic realm=\"Twilio API\"")
    }

    pub(crate) fn method_not_allowed(method: &str, allow: &str) -> ApiError {
        ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            20004,
            format!("Method not allowed: {method} is not supported here; use {allow}"),
        )
        .with_header(header::ALLOW, allow)
    }

    pub(crate) fn payload_too_large(limit: usize) -> ApiError {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            INVALID_PARAMETER,
            format!("Request body is larger than {limit} bytes"),
        )
    }

    /// The message the body carries.
    pub(crate) fn code(&self) -> u32 {
        self.code
    }

    pub(crate) fn message(&self) -> &str {
        &self.message
    }

    pub(crate) fn with_header(mut self, name: HeaderName, value: &str) -> ApiError {
        if let Ok(value) = HeaderValue::from_str(value) {
            self.headers.push((name, value));
        }
        self
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            code: self.code,
            message: &self.message,
            more_info: format!("https://www.twilio.com/docs/errors/{}", self.code),
            status: self.status.as_u16(),
        };
        // Serialising a struct of strings and integers cannot fail; fall back to empty anyway.
        let bytes = serde_json::to_vec(&body).unwrap_or_default();
        let mut response = wire::json_response(self.status, bytes);
        response.headers_mut().extend(self.headers);
        response
    }
}
