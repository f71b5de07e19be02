//! `/v1/Rooms[/{Room}]`: create, fetch, complete, list.

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
use crate::world::model::{RoomSettings, RoomStatus};
use crate::world::state::RoomFilter;

const ROOM_TYPES: [&str; 4] = ["group", "go", "peer-to-peer", "group-small"];
const VIDEO_CODECS: [&str; 2] = ["VP8", "H264"];

/// `POST /v1/Rooms`: answers 201, or 400 with code 53113 if an in-progress room has the name.
pub(crate) async fn create(
    State(shared): State<Arc<Shared>>,
    RequestPath(path): RequestPath,
    params: Params,
) -> Result<Response, ApiError> {
    let settings = settings_from_form(&params)?;
    let unique_name = params.get("UniqueName").filter(|name| !name.is_empty());
    let room = shared
        .change(|state, now| state.create_room(unique_name, settings, now))
        .map_err(|err| ApiError::from_emulator(err, &path))?;
    json_response(StatusCode::CREATED, &wire::room_json(shared.origin(), &room))
}

/// `GET /v1/Rooms/{Room}`: by SID, or by the unique name of an in-progress room.
pub(crate) async fn fetch(
    State(shared): State<Arc<Shared>>,
    PathParams(room): PathParams<String>,
    RequestPath(path): RequestPath,
) -> Result<Response, ApiError> {
    let found = shared.state().room_info(&room).map_err(|err| ApiError::from_emulator(err, &path))?;
    json_response(StatusCode::OK, &wire::room_json(shared.origin(), &found))
}

/// `POST /v1/Rooms/{Room}` with `Status=completed`: ends the room. Answers 202.
pub(crate) async fn update(
    State(shared): State<Arc<Shared>>,
    PathParams(room): PathParams<String>,
    RequestPath(path): RequestPath,
    params: Params,
) -> Result<Response, ApiError> {
    let status = required_status(&params)?;
    if status.parse::<RoomStatus>() != Ok(RoomStatus::Completed) {
        return Err(invalid_value("Status", status, "completed (a room can only be updated to completed)"));
    }
    let completed = shared
        .change(|state, now| state.complete_room(&room, now))
        .map_err(|err| ApiError::from_emulator(err, &path))?;
    json_response(StatusCode::ACCEPTED, &wire::room_json(shared.origin(), &completed))
}

/// `GET /v1/Rooms`, filtered by `Status` (default in-progress), `UniqueName`,
/// `DateCreatedAfter` (inclusive) and `DateCreatedBefore` (exclusive).
pub(crate) async fn list(State(shared): State<Arc<Shared>>, params: Params) -> Result<Response, ApiError> {
    let filter = RoomFilter {
        status: params.parse("Status", "in-progress, completed or failed")?,
        unique_name: params.get("UniqueName").map(str::to_owned),
        created_on_or_after: params.date_time("DateCreatedAfter")?,
        created_before: params.date_time("DateCreatedBefore")?,
    };
    let request = page_request(&params)?;
    let (rooms, selection) = shared.state().list_rooms(&filter, &request);

    let mut filters = Vec::new();
    if let Some(status) = filter.status {
        filters.push(("Status", status.to_string()));
    }
    if let Some(name) = &filter.unique_name {
        filters.push(("UniqueName", name.clone()));
    }
    if let Some(after) = filter.created_on_or_after {
        filters.push(("DateCreatedAfter", wire::timestamp(after)));
    }
    if let Some(before) = filter.created_before {
        filters.push(("DateCreatedBefore", wire::timestamp(before)));
    }
    let location =
        ListLocation { base_url: &shared.link_base_url, path: "/v1/Rooms".to_owned(), filters, key: "rooms" };
    let origin = shared.origin();
    let page = ListPage {
        key: location.key,
        items: rooms.iter().map(|room| wire::room_json(origin, room)).collect(),
        meta: location.meta(&request, &selection),
    };
    json_response(StatusCode::OK, &page)
}

/// Reads the room properties of a create form; unknown fields are ignored.
fn settings_from_form(params: &Params) -> Result<RoomSettings, ApiError> {
    let mut settings = RoomSettings::default();
    if let Some(room_type) = params.get("Type") {
        if !ROOM_TYPES.contains(&room_type) {
            return Err(invalid_value("Type", room_type, "group, go, peer-to-peer or group-small"));
        }
        settings.room_type = room_type.to_owned();
        // Twilio's capacity for each legacy type.
        settings.max_participants = match room_type {
            "go" => 2,
            "peer-to-peer" => 10,
            "group-small" => 4,
            _ => settings.max_participants,
        };
    }
    settings.status_callback = params.get("StatusCallback").map(str::to_owned);
    if let Some(method) = params.get("StatusCallbackMethod") {
        let method = method.to_ascii_uppercase();
        if method != "GET" && method != "POST" {
            return Err(invalid_value("StatusCallbackMethod", &method, "GET or POST"));
        }
        settings.status_callback_method = method;
    }
    let whole = "a whole number";
    if let Some(max) = params.parse::<u32>("MaxParticipants", "a whole number from 1")? {
        if max == 0 {
            return Err(invalid_value("MaxParticipants", "0", "a whole number from 1"));
        }
        settings.max_participants = max;
    }
    if let Some(secs) = params.parse("MaxParticipantDuration", whole)? {
        settings.max_participant_duration = secs;
    }
    if let Some(minutes) = params.parse("EmptyRoomTimeout", whole)? {
        settings.empty_room_timeout = minutes;
    }
    if let Some(minutes) = params.parse("UnusedRoomTimeout", whole)? {
        settings.unused_room_timeout = minutes;
    }
    if let Some(record) = params.boolean("RecordParticipantsOnConnect")? {
        settings.record_participants_on_connect = record;
    }
    if let Some(audio_only) = params.boolean("AudioOnly")? {
        settings.audio_only = audio_only;
    }
    if let Some(large) = params.boolean("LargeRoom")? {
        settings.large_room = large;
    }
    // EnableTurn is validated but, as at Twilio, always treated as true.
    params.boolean("EnableTurn")?;
    if let Some(region) = params.get("MediaRegion") {
        settings.media_region = region.to_owned();
    }
    let codecs: Vec<&str> = params.get_all("VideoCodecs").collect();
    if !codecs.is_empty() {
        if let Some(bad) = codecs.iter().find(|codec| !VIDEO_CODECS.contains(codec)) {
            return Err(invalid_value("VideoCodecs", bad, "VP8 or H264"));
        }
        settings.video_codecs = codecs.into_iter().map(str::to_owned).collect();
    }
    Ok(settings)
}
