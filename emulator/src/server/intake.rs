//! The outermost middleware: every request is counted under its [`Route`], then meets any pending
//! fault for that route, before authentication, as behind a proxy or load balancer.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

use super::extract::RequestPath;
use super::fault_response;
use crate::registry::Routing;
use crate::shared::Shared;

/// Counts the request and applies the oldest pending fault covering it, if any.
pub(crate) async fn intake(
    State(shared): State<Arc<Shared>>,
    RequestPath(path): RequestPath,
    mut request: Request,
    next: Next,
) -> Response {
    // The route table is searched once; the handler finds the routing in the extensions.
    // Unknown paths, other methods and arguments that are not UTF-8 (answered 404) belong to no
    // route: only `Route::Any` faults cover them.
    let routing = shared.registry.route(request.method().as_str(), request.uri().path());
    let route = match &routing {
        Routing::Matched(m) => Some(m.resource.route(m.operation.kind)),
        _ => None,
    };
    request.extensions_mut().insert(routing);
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
