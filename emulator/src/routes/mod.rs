//! Handlers for each API operation. They run synchronously: lock, copy out, unlock, render.

mod participants;
mod rooms;

use hyper::{Response, StatusCode};
use serde::Serialize;

use crate::api_error::ApiError;
use crate::params::Params;
use crate::router::Endpoint;
use crate::server::body::ResponseBody;
use crate::shared::Shared;

/// Serves an authenticated request; `path` is the raw request path, for 404 messages.
pub(crate) fn dispatch(
    shared: &Shared,
    endpoint: Endpoint,
    params: &Params,
    path: &str,
) -> Result<Response<ResponseBody>, ApiError> {
    match endpoint {
        Endpoint::ListRooms => rooms::list(shared, params),
        Endpoint::CreateRoom => rooms::create(shared, params, path),
        Endpoint::FetchRoom { room } => rooms::fetch(shared, &room, path),
        Endpoint::UpdateRoom { room } => rooms::update(shared, &room, params, path),
        Endpoint::ListParticipants { room } => participants::list(shared, &room, params, path),
        Endpoint::FetchParticipant { room, participant } => {
            participants::fetch(shared, &room, &participant, path)
        }
        Endpoint::UpdateParticipant { room, participant } => {
            participants::update(shared, &room, &participant, params, path)
        }
    }
}

fn json_response<T: Serialize>(status: StatusCode, value: &T) -> Result<Response<ResponseBody>, ApiError> {
    let bytes = serde_json::to_vec(value).map_err(|err| {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            20500,
            format!("Could not encode the response: {err}"),
        )
    })?;
    Ok(ResponseBody::json_response(status, bytes))
}

/// The `Status` form field of an update, which both updates require.
fn required_status(params: &Params) -> Result<&str, ApiError> {
    params
        .get("Status")
        .ok_or_else(|| ApiError::bad_request("Missing required parameter Status in the post body"))
}
