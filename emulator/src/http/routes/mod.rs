//! Handlers for each API operation. They do no I/O of their own: lock, copy out, unlock, render.

pub(crate) mod participants;
pub(crate) mod rooms;

use axum::http::StatusCode;
use axum::response::Response;
use serde::Serialize;

use crate::http::api_error::ApiError;
use crate::http::params::Params;
use crate::http::wire;

fn json_response<T: Serialize>(status: StatusCode, value: &T) -> Result<Response, ApiError> {
    let bytes = serde_json::to_vec(value).map_err(|err| {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            20500,
            format!("Could not encode the response: {err}"),
        )
    })?;
    Ok(wire::json_response(status, bytes))
}

/// The `Status` form field of an update, which both updates require.
fn required_status(params: &Params) -> Result<&str, ApiError> {
    params
        .get("Status")
        .ok_or_else(|| ApiError::bad_request("Missing required parameter Status in the post body"))
}
