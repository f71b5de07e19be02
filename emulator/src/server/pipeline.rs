//! The life of one request: route it, apply any fault, authenticate, read parameters, serve.

use std::fmt;
use std::sync::Arc;

use http_body_util::{BodyExt, LengthLimitError, Limited};
use hyper::body::Incoming;
use hyper::header::{HeaderName, HeaderValue};
use hyper::{Method, Request, Response};

use super::body::ResponseBody;
use super::fault_response::{self, FaultEffect};
use crate::api_error::ApiError;
use crate::params::Params;
use crate::router::{self, Resolution};
use crate::routes;
use crate::shared::Shared;

/// Larger form bodies are refused; real ones are a few hundred bytes.
const MAX_BODY_BYTES: usize = 64 * 1024;

/// Returned to hyper to make it drop the connection without writing a response.
#[derive(Debug)]
pub(crate) struct DropConnection;

impl fmt::Display for DropConnection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("connection dropped by an injected fault")
    }
}

impl std::error::Error for DropConnection {}

pub(crate) async fn handle(
    shared: Arc<Shared>,
    request: Request<Incoming>,
) -> Result<Response<ResponseBody>, DropConnection> {
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let resolution = router::resolve(&method, &path);
    let route = resolution.route();
    shared.count_request(route);
    tracing::debug!(%method, %path, ?route, "request");

    if let Some(fault) = shared.faults.take(route) {
        tracing::debug!(%fault, %path, "injecting fault");
        match fault_response::apply(fault).await {
            FaultEffect::Proceed => {}
            FaultEffect::Respond(response) => return Ok(response),
            FaultEffect::CloseConnection => return Err(DropConnection),
        }
    }

    let mut response = match serve(&shared, &method, &path, resolution, request).await {
        Ok(response) => response,
        Err(error) => error.into_response(),
    };
    response.headers_mut().insert(
        HeaderName::from_static("twilio-request-id"),
        HeaderValue::from_str(&shared.next_request_id()).unwrap_or(HeaderValue::from_static("RQ")),
    );
    Ok(response)
}

async fn serve(
    shared: &Shared,
    method: &Method,
    path: &str,
    resolution: Resolution,
    request: Request<Incoming>,
) -> Result<Response<ResponseBody>, ApiError> {
    shared.credentials.check(request.headers())?;
    let endpoint = match resolution {
        Resolution::Endpoint(endpoint) => endpoint,
        Resolution::MethodNotAllowed { allow } => {
            return Err(ApiError::method_not_allowed(method.as_str(), allow));
        }
        Resolution::NotFound => return Err(ApiError::not_found(path)),
    };
    // Parameters come from the query string for GET and from the form body for POST; a body or
    // Content-Type on a GET is ignored, as real clients sometimes send one.
    let params = if method == Method::POST {
        Params::decode(&read_body(request).await?)
    } else {
        Params::decode(request.uri().query().unwrap_or("").as_bytes())
    };
    routes::dispatch(shared, endpoint, &params, path)
}

async fn read_body(request: Request<Incoming>) -> Result<Vec<u8>, ApiError> {
    let collected = Limited::new(request.into_body(), MAX_BODY_BYTES).collect().await.map_err(|err| {
        if err.is::<LengthLimitError>() {
            ApiError::payload_too_large(MAX_BODY_BYTES)
        } else {
            ApiError::bad_request(format!("Could not read the request body: {err}"))
        }
    })?;
    Ok(collected.to_bytes().to_vec())
}
