//! The outermost middleware: every request is counted under its [`Route`], then meets any pending
//! fault for that route, before authentication, as behind a proxy or load balancer.

use std::sync::Arc;

use axum::extract::rejection::RawPathParamsRejection;
use axum::extract::{MatchedPath, RawPathParams, Request, State};
use axum::middleware::Next;
use axum::response::Response;

use super::extract::RequestPath;
use super::fault_response;
use crate::faults::Route;
use crate::http::router;
use crate::registry::Routing;
use crate::shared::Shared;

/// Counts the request and applies the oldest pending fault covering it, if any.
pub(crate) async fn intake(
    State(shared): State<Arc<Shared>>,
    matched: Option<MatchedPath>,
    params: Result<RawPathParams, RawPathParamsRejection>,
    RequestPath(path): RequestPath,
    mut request: Request,
    next: Next,
) -> Response {
    // Unknown paths (the fallback has no matched path), other methods and parameters that are
    // not UTF-8 (answered 404) belong to no route; only `Route::Any` faults cover them.
    let route: Option<Route> = match matched {
        Some(matched) => params.ok().and_then(|_| router::route_of(matched.as_str(), request.method())),
        // Past the fixed routes: a registered resource's operation, if the table has it. The
        // routing is kept for the handler, so the table is searched once.
        None => {
            let routing = shared.registry.route(request.method().as_str(), request.uri().path());
            let route = match &routing {
                Routing::Matched(m) => {
                    Some(Route::Operation { resource: m.resource.name, operation: m.operation.kind })
                }
                _ => None,
            };
            request.extensions_mut().insert(routing);
            route
        }
    };
    shared.count_request(route);
    tracing::debug!(method = %request.method(), %path, ?route, "request");

    if let Some(fault) = shared.faults.take(route) {
        tracing::debug!(%fault, %path, "injecting fault");
        if let Some(response) = fault_response::apply(fault).await {
            return response;
        }
    }
    next.run(request).await
}
