//! The HTTP application: which handler serves each method and path, which fault [`Route`] each
//! one is, and the middleware around them.
//!
//! axum matches the raw, still-encoded path, so `%2F` inside an identity never splits a segment;
//! the `Path` extractor decodes parameters afterwards. Trailing slashes are trimmed before routing
//! (by tower-http, which also reduces leading `//` to `/`).

use std::convert::Infallible;
use std::sync::Arc;

use axum::body::{Bytes, HttpBody};
use axum::extract::{DefaultBodyLimit, Extension, OriginalUri, Request, State};
use axum::http::{Method, StatusCode, Uri};
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::{BoxError, Router};
use tower::{Service, ServiceBuilder};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::normalize_path::NormalizePathLayer;

use crate::http::api_error::ApiError;
use crate::http::resources;
use crate::registry::Routing;
use crate::server::extract::{MAX_BODY_BYTES, RequestBody, RequestPath};
use crate::server::intake::intake;
use crate::server::middleware::{authenticate, stamp_request_id};
use crate::shared::Shared;

/// The whole application as one service: the path as sent is kept in [`OriginalUri`] (for 404
/// messages), trailing slashes are trimmed, then the request is routed.
pub(crate) fn app<B>(
    shared: Arc<Shared>,
) -> impl Service<Request<B>, Response = Response, Error = Infallible, Future: Send> + Clone + Send + 'static
where
    B: HttpBody<Data = Bytes> + Send + 'static,
    B::Error: Into<BoxError>,
{
    ServiceBuilder::new()
        .map_request(keep_original_uri::<B>)
        .layer(NormalizePathLayer::trim_trailing_slash())
        .service(router(shared))
}

fn keep_original_uri<B>(mut request: Request<B>) -> Request<B> {
    let original = OriginalUri(request.uri().clone());
    request.extensions_mut().insert(original);
    request
}

/// Routes, fallbacks and middleware. The last layer added runs first: faults (before anything, as
/// at a proxy), then the request ID stamp, then authentication (before 404 and 405, as at Twilio).
fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .fallback(registered_or_not_found)
        // A panicking hook answers 500 rather than dropping the connection, which a client
        // could take for a network failure and send a POST again.
        .layer(CatchPanicLayer::custom(|_| {
            ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                20500,
                "The emulator failed to handle this request",
            )
            .into_response()
        }))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(from_fn_with_state(Arc::clone(&shared), authenticate))
        .layer(from_fn_with_state(Arc::clone(&shared), stamp_request_id))
        .layer(from_fn_with_state(Arc::clone(&shared), intake))
        .with_state(shared)
}

/// Registered resources (Video's among them), then 404. Every request comes here, so the route
/// table can grow while the server runs.
async fn registered_or_not_found(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    routed: Option<Extension<Routing>>,
    RequestPath(path): RequestPath,
    RequestBody(body): RequestBody,
) -> Response {
    // Routed by the intake middleware, which always runs first.
    let routing = match routed {
        Some(Extension(routing)) => routing,
        None => shared.registry.route(method.as_str(), uri.path()),
    };
    match routing {
        Routing::Matched(matched) => {
            let call =
                resources::Call { matched, path: &path, query: uri.query().unwrap_or(""), body: &body };
            resources::serve(&shared, call)
        }
        Routing::OtherMethods(methods) => {
            let allow: Vec<&str> = methods.iter().map(|m| m.as_str()).collect();
            ApiError::method_not_allowed(method.as_str(), &allow.join(", ")).into_response()
        }
        Routing::NotServed => ApiError::not_found(&path).into_response(),
    }
}
