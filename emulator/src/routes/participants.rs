//! `/v1/Rooms/{Room}/Participants[/{Participant}]`: fetch, kick, list.

use hyper::{Response, StatusCode};

use super::{json_response, required_status};
use crate::api_error::ApiError;
use crate::model::ParticipantStatus;
use crate::paging::{ListLocation, PageRequest};
use crate::params::{Params, invalid_value};
use crate::server::body::ResponseBody;
use crate::shared::Shared;
use crate::state::{IdentityScope, ParticipantFilter};
use crate::wire::{self, ListPage};

const STATUSES: &str = "connected, disconnected or reconnecting";

/// `GET`: by SID (any status) or by identity (connected participants only).
pub(super) fn fetch(
    shared: &Shared,
    room: &str,
    participant: &str,
    path: &str,
) -> Result<Response<ResponseBody>, ApiError> {
    let found = shared
        .state()
        .participant_info(room, participant, IdentityScope::Connected)
        .map_err(|err| ApiError::from_emulator(err, path))?;
    json_response(StatusCode::OK, &wire::participant_json(shared.origin(), &found))
}

/// `POST Status=disconnected`: kicks the participant (idempotent by SID). Answers 202.
pub(super) fn update(
    shared: &Shared,
    room: &str,
    participant: &str,
    params: &Params,
    path: &str,
) -> Result<Response<ResponseBody>, ApiError> {
    let status = required_status(params)?;
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
    let now = shared.clock.now();
    let kicked = shared
        .state()
        .disconnect_participant(room, participant, IdentityScope::Connected, now)
        .map_err(|err| ApiError::from_emulator(err, path))?;
    json_response(StatusCode::ACCEPTED, &wire::participant_json(shared.origin(), &kicked))
}

/// `GET` the list, filtered by `Status`, `Identity`, `DateCreatedAfter`, `DateCreatedBefore`.
pub(super) fn list(
    shared: &Shared,
    room: &str,
    params: &Params,
    path: &str,
) -> Result<Response<ResponseBody>, ApiError> {
    let filter = ParticipantFilter {
        status: params.parse("Status", STATUSES)?,
        identity: params.get("Identity").map(str::to_owned),
        created_after: params.date_time("DateCreatedAfter")?,
        created_before: params.date_time("DateCreatedBefore")?,
    };
    let request = PageRequest::from_params(params)?;
    let (room_sid, participants, selection) = shared
        .state()
        .list_participants(room, &filter, &request)
        .map_err(|err| ApiError::from_emulator(err, path))?;

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
        base_url: &shared.base_url,
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
