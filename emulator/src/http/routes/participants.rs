//! `/v1/Rooms/{Room}/Participants[/{Participant}]`: fetch, kick, list.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use super::{json_response, required_status};
use crate::http::api_error::ApiError;
use crate::http::paging::{ListLocation, page_request};
use crate::http::params::{Params, invalid_value};
use crate::http::wire::{self, ListPage};
use crate::server::extract::{PathParams, RequestPath};
use crate::shared::Shared;
use crate::world::model::ParticipantStatus;
use crate::world::state::{IdentityScope, ParticipantFilter};

const STATUSES: &str = "connected, disconnected or reconnecting";

/// `GET`: by SID (any status) or by identity (connected participants only).
pub(crate) async fn fetch(
    State(shared): State<Arc<Shared>>,
    PathParams((room, participant)): PathParams<(String, String)>,
    RequestPath(path): RequestPath,
) -> Result<Response, ApiError> {
    let found = shared
        .state()
        .participant_info(&room, &participant, IdentityScope::Connected)
        .map_err(|err| ApiError::from_emulator(err, &path))?;
    json_response(StatusCode::OK, &wire::participant_json(shared.origin(), &found))
}

/// `POST Status=disconnected`: kicks the participant (idempotent by SID). Answers 202.
pub(crate) async fn update(
    State(shared): State<Arc<Shared>>,
    PathParams((room, participant)): PathParams<(String, String)>,
    RequestPath(path): RequestPath,
    params: Params,
) -> Result<Response, ApiError> {
    let status = required_status(&params)?;
    match status.parse::<ParticipantStatus>() {
        Ok(ParticipantStatus::Disconnected) => {}
        Ok(other) => {
            return Err(ApiError::bad_request(format!(
                "Invalid value `{other}` for parameter Status: a participant's status can only be \
                 updated to disconnected"
            )));
        }
        Err(()) => return Err(invalid_value("Status", status, "disconnected")),
    }
    let kicked = shared
        .change(|state, now| state.disconnect_participant(&room, &participant, IdentityScope::Connected, now))
        .map_err(|err| ApiError::from_emulator(err, &path))?;
    json_response(StatusCode::ACCEPTED, &wire::participant_json(shared.origin(), &kicked))
}

/// `GET` the list, filtered by `Status`, `Identity`, `DateCreatedAfter`, `DateCreatedBefore`.
pub(crate) async fn list(
    State(shared): State<Arc<Shared>>,
    PathParams(room): PathParams<String>,
    RequestPath(path): RequestPath,
    params: Params,
) -> Result<Response, ApiError> {
    let filter = ParticipantFilter {
        status: params.parse("Status", STATUSES)?,
        identity: params.get("Identity").map(str::to_owned),
        created_after: params.date_time("DateCreatedAfter")?,
        created_before: params.date_time("DateCreatedBefore")?,
    };
    let request = page_request(&params)?;
    let (room_sid, participants, selection) = shared
        .state()
        .list_participants(&room, &filter, &request)
        .map_err(|err| ApiError::from_emulator(err, &path))?;

    let mut filters = Vec::new();
    if let Some(status) = filter.status {
        filters.push(("Status", status.to_string()));
    }
    if let Some(identity) = &filter.identity {
        filters.push(("Identity", identity.clone()));
    }
    if let Some(after) = filter.created_after {
        filters.push(("DateCreatedAfter", wire::timestamp(after)));
    }
    if let Some(before) = filter.created_before {
        filters.push(("DateCreatedBefore", wire::timestamp(before)));
    }
    let location = ListLocation {
        base_url: &shared.link_base_url,
        path: format!("/v1/Rooms/{room_sid}/Participants"),
        filters,
        key: "participants",
    };
    let origin = shared.origin();
    let page = ListPage {
        key: location.key,
        items: participants.iter().map(|participant| wire::participant_json(origin, participant)).collect(),
        meta: location.meta(&request, &selection),
    };
    json_response(StatusCode::OK, &page)
}
