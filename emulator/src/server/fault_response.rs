//! What the server does for each kind of injected fault.

use axum::body::Body;
use axum::http::StatusCode;
use axum::http::header::{CONNECTION, CONTENT_LENGTH, CONTENT_TYPE, HeaderValue, RETRY_AFTER};
use axum::response::{IntoResponse, Response};

use super::drop_connection::DropConnection;
use super::truncated_body::TruncatedBody;
use crate::faults::Fault;
use crate::http::api_error::ApiError;

/// Applies `fault`: the answer to send instead of serving the request, or `None` to serve it
/// normally (after any delay already taken).
pub(crate) async fn apply(fault: Fault) -> Option<Response> {
    let response = match fault {
        Fault::Latency(delay) => {
            tokio::time::sleep(delay).await;
            return None;
        }
        Fault::TooManyRequests { retry_after_secs } => {
            ApiError::new(StatusCode::TOO_MANY_REQUESTS, 20429, "Too Many Requests")
                .with_header(RETRY_AFTER, &retry_after_secs.to_string())
                .into_response()
        }
        Fault::InternalError => {
            ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, 20500, "Internal Server Error").into_response()
        }
        Fault::Unavailable => {
            ApiError::new(StatusCode::SERVICE_UNAVAILABLE, 20503, "Service Unavailable").into_response()
        }
        Fault::CloseConnection => DropConnection::response(),
        Fault::TruncatedBody => truncated_response(),
        Fault::HtmlError { status } => html_error(status),
    };
    Some(response)
}

/// A 200 that promises more JSON than it sends.
fn truncated_response() -> Response {
    let prefix = r#"{"participants": [{"sid": "PA"#;
    let mut response = Response::new(Body::new(TruncatedBody::new(prefix)));
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    headers.insert(CONTENT_LENGTH, HeaderValue::from(prefix.len() + 4096));
    headers.insert(CONNECTION, HeaderValue::from_static("close"));
    response
}

/// The kind of page a load balancer or proxy sends when the API behind it is unhealthy.
fn html_error(status: u16) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY);
    let reason = status.canonical_reason().unwrap_or("Error");
    let code = status.as_u16();
    let page = format!(
        "<html>\r\n<head><title>{code} {reason}</title></head>\r\n<body>\r\n\
         <center><h1>{code} {reason}</h1></center>\r\n</body>\r\n</html>\r\n"
    );
    let mut response = Response::new(Body::from(page));
    *response.status_mut() = status;
    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    response
}
