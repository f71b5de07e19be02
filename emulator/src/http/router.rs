//! The HTTP application: which handler serves each method and path, which fault [`Route`] each
//! one is, and the middleware around them.
//!
//! axum matches the raw, still-encoded path, so `%2F` inside an identity never splits a segment;
//! the `Path` extractor decodes parameters afterwards. Trailing slashes are trimmed before routing
//! (by tower-http, which also reduces leading `//` to `/`).

use std::convert::Infallible;
use std::sync::Arc;

use axum::body::{Bytes, HttpBody};
use axum::extract::rejection::RawPathParamsRejection;
use axum::extract::{DefaultBodyLimit, Extension, OriginalUri, RawPathParams, Request, State};
use axum::http::{Method, StatusCode, Uri};
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, any};
use axum::{BoxError, Router};
use tower::{Service, ServiceBuilder};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::normalize_path::NormalizePathLayer;

use crate::faults::Route;
use crate::http::api_error::ApiError;
use crate::http::resources;
use crate::http::routes::{participants, rooms};
use crate::registry::Routing;
use crate::server::extract::{MAX_BODY_BYTES, RequestPath};
use crate::server::intake::intake;
use crate::server::middleware::{authenticate, stamp_request_id};
use crate::shared::Shared;

const ROOMS: &str = "/v1/Rooms";
const ROOM: &str = "/v1/Rooms/{room}";
const PARTICIPANTS: &str = "/v1/Rooms/{room}/Participants";
const PARTICIPANT: &str = "/v1/Rooms/{room}/Participants/{participant}";

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
        .route(ROOMS, only("GET, POST").get(rooms::list).post(rooms::create))
        .route(ROOM, only("GET, POST").get(rooms::fetch).post(rooms::update))
        .route(PARTICIPANTS, only("GET").get(participants::list))
        .route(PARTICIPANT, only("GET, POST").get(participants::fetch).post(participants::update))
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

/// The fault route of a request that matched `matched_path` (as registered, e.g.
/// `/v1/Rooms/{room}`); `None` for a method the path does not serve.
pub(crate) fn route_of(matched_path: &str, method: &Method) -> Option<Route> {
    let (get, post) = (method == Method::GET, method == Method::POST);
    let route = match matched_path {
        ROOMS if get => Route::ListRooms,
        ROOMS if post => Route::CreateRoom,
        ROOM if get => Route::FetchRoom,
        ROOM if post => Route::UpdateRoom,
        PARTICIPANTS if get => Route::ListParticipants,
        PARTICIPANT if get => Route::FetchParticipant,
        PARTICIPANT if post => Route::UpdateParticipant,
        _ => return None,
    };
    Some(route)
}

/// A path whose other methods get Twilio's 405 listing `allow`. `any` also stops axum from adding
/// its own `Allow` header to every answer (401s included), and the explicit HEAD keeps axum from
/// serving HEAD with the GET handler.
fn only(allow: &'static str) -> MethodRouter<Arc<Shared>> {
    let refuse = move |method: Method,
                       params: Result<RawPathParams, RawPathParamsRejection>,
                       RequestPath(path): RequestPath| async move {
        // A parameter that is not UTF-8 names nothing, whatever the method.
        match params {
            Ok(_) => ApiError::method_not_allowed(method.as_str(), allow),
            Err(_) => ApiError::not_found(&path),
        }
    };
    any(refuse).head(refuse)
}

/// Registered resources, then 404. Their requests come here, past the fixed routes, so the
/// route table can grow while the server runs.
async fn registered_or_not_found(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    routed: Option<Extension<Routing>>,
    RequestPath(path): RequestPath,
    body: Bytes,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_served_method_and_path_has_its_route() {
        let (get, post) = (&Method::GET, &Method::POST);
        assert_eq!(route_of(ROOMS, get), Some(Route::ListRooms));
        assert_eq!(route_of(ROOMS, post), Some(Route::CreateRoom));
        assert_eq!(route_of(ROOM, get), Some(Route::FetchRoom));
        assert_eq!(route_of(ROOM, post), Some(Route::UpdateRoom));
        assert_eq!(route_of(PARTICIPANTS, get), Some(Route::ListParticipants));
        assert_eq!(route_of(PARTICIPANT, get), Some(Route::FetchParticipant));
        assert_eq!(route_of(PARTICIPANT, post), Some(Route::UpdateParticipant));
    }

    #[test]
    fn other_methods_and_paths_have_none() {
        assert_eq!(route_of(PARTICIPANTS, &Method::POST), None);
        assert_eq!(route_of(PARTICIPANT, &Method::HEAD), None);
        assert_eq!(route_of(ROOMS, &Method::DELETE), None);
        assert_eq!(route_of("/v1/Rooms/{room}/Recordings", &Method::GET), None);
    }
}
