//! Rooms: found by unique name while in progress, created with Twilio's defaults, completed
//! (disconnecting everyone) by `Status=completed`, listed in progress unless asked otherwise.

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};
use sidekick::twilio::video::v1::{Participant, Room};

use super::{COMPLETED, IN_PROGRESS, only_status, participants, timestamp, whole_seconds_between};
use crate::hooks::{Change, Filter, HookError, Others, Stored};
use crate::http::page_format::{ListQuery, ParamError};
use crate::http::params::parse_date_time;
use crate::registry::Registration;
use crate::world::model::RoomSettings;
use crate::world::schema::TimestampStyle;

const ROOM_TYPES: [&str; 4] = ["group", "go", "peer-to-peer", "group-small"];
const VIDEO_CODECS: [&str; 2] = ["VP8", "H264"];
const STATUSES: [&str; 3] = [IN_PROGRESS, COMPLETED, "failed"];

pub(super) fn registration() -> Registration<Room> {
    Registration::new()
        .link("recordings", "Recordings")
        .link("transcriptions", "Transcriptions")
        .link("recording_rules", "RecordingRules")
        .accepts(&[
            "UniqueName",
            "Type",
            "StatusCallback",
            "StatusCallbackMethod",
            "MaxParticipants",
            "MaxParticipantDuration",
            "RecordParticipantsOnConnect",
            "VideoCodecs",
            "MediaRegion",
            "AudioOnly",
            "EmptyRoomTimeout",
            "UnusedRoomTimeout",
            "LargeRoom",
            "EnableTurn",
            "Status",
            // Not a parameter of Twilio's, but a setting of the simulation API's.
            "MaxConcurrentPublishedTracks",
        ])
        .also_known_as(unique_name)
        .on_create(create)
        .on_update(update)
        .list_filter(filter)
}

/// The name an in-progress room answers to: a completed room's name is free for a new one.
pub(super) fn unique_name(room: Stored<'_>) -> Option<String> {
    let open = room.get_str("status") == Some(IN_PROGRESS);
    room.get_str("unique_name").filter(|_| open).map(str::to_owned)
}

/// Refuses a unique name an in-progress room has (Twilio's 53113), checks the properties sent,
/// and fills in the rest as Twilio does for a group room. Without a unique name, a room is
/// named by its SID.
fn create(room: &mut Change<'_>) -> Result<(), HookError> {
    let name = room.get_str("unique_name").filter(|name| !name.is_empty()).map(str::to_owned);
    if let Some(name) = &name
        && room.find_by_alias::<Room>(&[], name).is_some()
    {
        return Err(HookError::new(400, 53113, "Room exists"));
    }
    settle(room.object)?;
    let name = name.or_else(|| room.get_str("sid").map(str::to_owned));
    room.set("unique_name", name);
    room.set("status", IN_PROGRESS);
    // What the server owns, whatever parameters of the same names said.
    let now = room.timestamp(room.now());
    room.set("date_created", now.clone());
    room.set("date_updated", now);
    room.set("end_time", Value::Null);
    room.set("duration", Value::Null);
    Ok(())
}

/// Checks a new room's properties and fills in the defaults of those not sent.
fn settle(room: &mut Map<String, Value>) -> Result<(), HookError> {
    let room_type = text(room, "type").unwrap_or("group").to_owned();
    if !ROOM_TYPES.contains(&room_type.as_str()) {
        return Err(HookError::bad_request("Type", "expected group, go, peer-to-peer or group-small"));
    }
    room.insert("type".into(), room_type.clone().into());
    match room.get("max_participants").and_then(Value::as_i64) {
        // Twilio's capacity for each legacy type.
        None => {
            let capacity = match room_type.as_str() {
                "go" => 2,
                "peer-to-peer" => 10,
                "group-small" => 4,
                _ => 50,
            };
            room.insert("max_participants".into(), capacity.into());
        }
        Some(max) if max < 1 || max > i64::from(u32::MAX) => {
            return Err(HookError::bad_request("MaxParticipants", "expected a whole number from 1"));
        }
        Some(_) => {}
    }
    for (field, param) in [
        ("max_participant_duration", "MaxParticipantDuration"),
        ("empty_room_timeout", "EmptyRoomTimeout"),
        ("unused_room_timeout", "UnusedRoomTimeout"),
    ] {
        if room.get(field).and_then(Value::as_i64).is_some_and(|n| u32::try_from(n).is_err()) {
            return Err(HookError::bad_request(param, "expected a whole number, 0 or more"));
        }
    }
    let method = text(room, "status_callback_method").unwrap_or("POST").to_ascii_uppercase();
    if method != "GET" && method != "POST" {
        return Err(HookError::bad_request("StatusCallbackMethod", "expected GET or POST"));
    }
    room.insert("status_callback_method".into(), method.into());
    if let Some(codecs) = room.get("video_codecs").and_then(Value::as_array) {
        let known = |codec: &Value| codec.as_str().is_some_and(|c| VIDEO_CODECS.contains(&c));
        if !codecs.iter().all(known) {
            return Err(HookError::bad_request("VideoCodecs", "expected VP8 or H264"));
        }
    }
    let defaults = RoomSettings::default();
    let mut default = |field: &str, value: Value| {
        let slot = room.entry(field).or_insert(Value::Null);
        if slot.is_null() {
            *slot = value;
        }
    };
    default("video_codecs", defaults.video_codecs.into());
    default("max_participant_duration", defaults.max_participant_duration.into());
    default("max_concurrent_published_tracks", defaults.max_concurrent_published_tracks.into());
    default("record_participants_on_connect", defaults.record_participants_on_connect.into());
    default("media_region", defaults.media_region.into());
    default("audio_only", defaults.audio_only.into());
    default("empty_room_timeout", defaults.empty_room_timeout.into());
    default("unused_room_timeout", defaults.unused_room_timeout.into());
    default("large_room", defaults.large_room.into());
    // Validated as a boolean, but always true, as at Twilio.
    room.insert("enable_turn".into(), true.into());
    Ok(())
}

fn text<'a>(object: &'a Map<String, Value>, field: &str) -> Option<&'a str> {
    object.get(field).and_then(Value::as_str)
}

/// `Status=completed` ends an in-progress room; a completed room is returned unchanged. Nothing
/// else about a room can be updated. Answers 202, as Twilio does.
fn update(room: &mut Change<'_>) -> Result<(), HookError> {
    only_status(room, COMPLETED, "a room")?;
    if room.get_str("status") == Some(IN_PROGRESS) {
        let now = room.now();
        end(room.object, now);
        let sid = room.get_str("sid").unwrap_or_default().to_owned();
        disconnect_everyone(room, &sid, now);
    }
    room.answer_with(202);
    Ok(())
}

/// Disconnects every participant still in the room, in place: a room may hold a hundred
/// thousand, and these changes need no check against the type.
fn disconnect_everyone(room: &mut Change<'_>, room_sid: &str, now: DateTime<Utc>) {
    let Some(Others { shared, world }) = room.others.as_mut() else { return };
    let Some(participants) = shared.registry.of::<Participant>() else { return };
    let records = world.collection(participants.key);
    let alias = |object: &Map<String, Value>| participants.hooks.alias_of(object);
    records.change_each(&[room_sid.to_owned()], |object| participants::disconnect(object, now), alias);
}

/// Marks a room completed at `now`.
pub(super) fn end(room: &mut Map<String, Value>, now: DateTime<Utc>) {
    let created = text(room, "date_created").and_then(TimestampStyle::parse).unwrap_or(now);
    room.insert("status".into(), COMPLETED.into());
    room.insert("end_time".into(), timestamp(now).into());
    room.insert("date_updated".into(), timestamp(now).into());
    room.insert("duration".into(), whole_seconds_between(created, now).into());
}

/// In-progress rooms unless `Status` says otherwise; `DateCreatedAfter` (inclusive) and
/// `DateCreatedBefore` (exclusive). `UniqueName` is an equality filter on its field.
fn filter(query: &ListQuery<'_>) -> Result<Filter, ParamError> {
    let default_status = match query.get("Status") {
        None => Some(IN_PROGRESS),
        Some(status) if STATUSES.contains(&status) => None,
        Some(other) => {
            return Err(ParamError::new(
                "Status",
                format!("`{other}` is not in-progress, completed or failed"),
            ));
        }
    };
    let after = date_filter(query, "DateCreatedAfter")?;
    let before = date_filter(query, "DateCreatedBefore")?;
    Ok(Box::new(move |room| {
        let created = || room.get_str("date_created").and_then(TimestampStyle::parse);
        default_status.is_none_or(|status| room.get_str("status") == Some(status))
            && after.is_none_or(|after| created().is_some_and(|at| at >= after))
            && before.is_none_or(|before| created().is_some_and(|at| at < before))
    }))
}

/// A date filter, echoed into page links in UTC.
pub(super) fn date_filter(query: &ListQuery<'_>, name: &str) -> Result<Option<DateTime<Utc>>, ParamError> {
    let Some(text) = query.get(name) else { return Ok(None) };
    let at = parse_date_time(text).ok_or_else(|| {
        let expected = "an ISO 8601 date-time such as 2015-07-30T20:00:00Z, or a date such as 2015-07-30";
        ParamError::new(name, format!("`{text}` is not {expected}"))
    })?;
    query.echo_as(name, timestamp(at));
    Ok(Some(at))
}

/// The parameters of a room created through the simulation API with `settings`.
pub(super) fn fields(unique_name: &str, settings: RoomSettings) -> Vec<(String, Value)> {
    let RoomSettings {
        room_type,
        status_callback,
        status_callback_method,
        max_participants,
        max_participant_duration,
        max_concurrent_published_tracks,
        record_participants_on_connect,
        video_codecs,
        media_region,
        audio_only,
        empty_room_timeout,
        unused_room_timeout,
        large_room,
        enable_turn,
    } = settings;
    let fields: [(&str, Value); 15] = [
        ("UniqueName", unique_name.into()),
        ("Type", room_type.into()),
        ("StatusCallback", status_callback.into()),
        ("StatusCallbackMethod", status_callback_method.into()),
        ("MaxParticipants", max_participants.into()),
        ("MaxParticipantDuration", max_participant_duration.into()),
        ("MaxConcurrentPublishedTracks", max_concurrent_published_tracks.into()),
        ("RecordParticipantsOnConnect", record_participants_on_connect.into()),
        ("VideoCodecs", video_codecs.into()),
        ("MediaRegion", media_region.into()),
        ("AudioOnly", audio_only.into()),
        ("EmptyRoomTimeout", empty_room_timeout.into()),
        ("UnusedRoomTimeout", unused_room_timeout.into()),
        ("LargeRoom", large_room.into()),
        ("EnableTurn", enable_turn.into()),
    ];
    // Unset settings are not sent, as a client would not send them.
    fields
        .into_iter()
        .filter(|(_, value)| !value.is_null())
        .map(|(name, value)| (name.to_owned(), value))
        .collect()
}
