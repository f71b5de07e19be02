//! The simulation API's snapshots of stored rooms and participants.

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

use crate::world::model::{ParticipantInfo, ParticipantStatus, RoomInfo, RoomSettings, RoomStatus};
use crate::world::schema::TimestampStyle;

fn text(object: &Map<String, Value>, field: &str) -> String {
    object.get(field).and_then(Value::as_str).unwrap_or_default().to_owned()
}

fn time(object: &Map<String, Value>, field: &str) -> Option<DateTime<Utc>> {
    object.get(field).and_then(Value::as_str).and_then(TimestampStyle::parse)
}

fn number<T: TryFrom<i64>>(object: &Map<String, Value>, field: &str, default: T) -> T {
    object.get(field).and_then(Value::as_i64).and_then(|n| T::try_from(n).ok()).unwrap_or(default)
}

fn flag(object: &Map<String, Value>, field: &str, default: bool) -> bool {
    object.get(field).and_then(Value::as_bool).unwrap_or(default)
}

/// A stored room as a [`RoomInfo`]. The hooks keep every field filled in.
pub(super) fn room(object: &Map<String, Value>) -> RoomInfo {
    let defaults = RoomSettings::default();
    let created = time(object, "date_created").unwrap_or(DateTime::UNIX_EPOCH);
    RoomInfo {
        sid: text(object, "sid"),
        unique_name: text(object, "unique_name"),
        status: text(object, "status").parse().unwrap_or(RoomStatus::InProgress),
        date_created: created,
        date_updated: time(object, "date_updated").unwrap_or(created),
        end_time: time(object, "end_time"),
        duration: object.get("duration").and_then(Value::as_i64),
        settings: RoomSettings {
            room_type: text(object, "type"),
            status_callback: object.get("status_callback").and_then(Value::as_str).map(str::to_owned),
            status_callback_method: text(object, "status_callback_method"),
            max_participants: number(object, "max_participants", defaults.max_participants),
            max_participant_duration: number(
                object,
                "max_participant_duration",
                defaults.max_participant_duration,
            ),
            max_concurrent_published_tracks: number(
                object,
                "max_concurrent_published_tracks",
                defaults.max_concurrent_published_tracks,
            ),
            record_participants_on_connect: flag(object, "record_participants_on_connect", false),
            video_codecs: object
                .get("video_codecs")
                .and_then(Value::as_array)
                .map(|codecs| codecs.iter().filter_map(Value::as_str).map(str::to_owned).collect())
                .unwrap_or(defaults.video_codecs),
            media_region: text(object, "media_region"),
            audio_only: flag(object, "audio_only", false),
            empty_room_timeout: number(object, "empty_room_timeout", defaults.empty_room_timeout),
            unused_room_timeout: number(object, "unused_room_timeout", defaults.unused_room_timeout),
            large_room: flag(object, "large_room", false),
            enable_turn: flag(object, "enable_turn", true),
        },
    }
}

/// A stored participant as a [`ParticipantInfo`].
pub(super) fn participant(object: &Map<String, Value>) -> ParticipantInfo {
    let created = time(object, "date_created").unwrap_or(DateTime::UNIX_EPOCH);
    ParticipantInfo {
        sid: text(object, "sid"),
        room_sid: text(object, "room_sid"),
        identity: text(object, "identity"),
        status: text(object, "status").parse().unwrap_or(ParticipantStatus::Disconnected),
        date_created: created,
        date_updated: time(object, "date_updated").unwrap_or(created),
        start_time: time(object, "start_time").unwrap_or(created),
        end_time: time(object, "end_time"),
        duration: object.get("duration").and_then(Value::as_i64),
    }
}
