//! JSON bodies exactly as Twilio sends them: every documented key present, `null` where unset,
//! timestamps as `2015-07-30T20:00:00Z`, and absolute URLs pointing back at the emulator.

use axum::body::Body;
use axum::http::StatusCode;
use axum::http::header::{CONTENT_TYPE, HeaderValue};
use axum::response::Response;
use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::http::paging::Meta;
use crate::world::model::{ParticipantInfo, RoomInfo};

/// What every rendered resource needs to know about the server it came from.
#[derive(Clone, Copy)]
pub(crate) struct Origin<'a> {
    /// Base of the absolute URLs: the public base URL, or `http://127.0.0.1:PORT`. No trailing
    /// slash.
    pub(crate) base_url: &'a str,
    pub(crate) account_sid: &'a str,
}

/// A response with a JSON body, labelled `application/json` exactly, as Twilio does.
pub(crate) fn json_response(status: StatusCode, bytes: Vec<u8>) -> Response {
    let mut response = Response::new(Body::from(bytes));
    *response.status_mut() = status;
    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

/// Twilio's timestamp form: UTC, whole seconds, `Z`.
pub(crate) fn timestamp(instant: DateTime<Utc>) -> String {
    instant.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// `video.v1.room.room_participant`, keys in the spec's order.
#[derive(Serialize)]
pub(crate) struct ParticipantJson<'a> {
    sid: &'a str,
    room_sid: &'a str,
    account_sid: &'a str,
    status: &'static str,
    identity: &'a str,
    date_created: String,
    date_updated: String,
    start_time: String,
    end_time: Option<String>,
    duration: Option<i64>,
    url: String,
    links: ParticipantLinks,
}

#[derive(Serialize)]
struct ParticipantLinks {
    published_tracks: String,
    subscribed_tracks: String,
    subscribe_rules: String,
    anonymize: String,
}

pub(crate) fn participant_json<'a>(
    origin: Origin<'a>,
    participant: &'a ParticipantInfo,
) -> ParticipantJson<'a> {
    let url =
        format!("{}/v1/Rooms/{}/Participants/{}", origin.base_url, participant.room_sid, participant.sid);
    ParticipantJson {
        sid: &participant.sid,
        room_sid: &participant.room_sid,
        account_sid: origin.account_sid,
        status: participant.status.as_str(),
        identity: &participant.identity,
        date_created: timestamp(participant.date_created),
        date_updated: timestamp(participant.date_updated),
        start_time: timestamp(participant.start_time),
        end_time: participant.end_time.map(timestamp),
        duration: participant.duration,
        links: ParticipantLinks {
            published_tracks: format!("{url}/PublishedTracks"),
            subscribed_tracks: format!("{url}/SubscribedTracks"),
            subscribe_rules: format!("{url}/SubscribeRules"),
            anonymize: format!("{url}/Anonymize"),
        },
        url,
    }
}

/// `video.v1.room`, keys in the spec's order.
#[derive(Serialize)]
pub(crate) struct RoomJson<'a> {
    sid: &'a str,
    status: &'static str,
    date_created: String,
    date_updated: String,
    account_sid: &'a str,
    enable_turn: bool,
    unique_name: &'a str,
    status_callback: Option<&'a str>,
    status_callback_method: &'a str,
    end_time: Option<String>,
    duration: Option<i64>,
    #[serde(rename = "type")]
    room_type: &'a str,
    max_participants: u32,
    max_participant_duration: u32,
    max_concurrent_published_tracks: u32,
    record_participants_on_connect: bool,
    video_codecs: &'a [String],
    media_region: &'a str,
    audio_only: bool,
    empty_room_timeout: u32,
    unused_room_timeout: u32,
    large_room: bool,
    url: String,
    links: RoomLinks,
}

#[derive(Serialize)]
struct RoomLinks {
    participants: String,
    recordings: String,
    transcriptions: String,
    recording_rules: String,
}

pub(crate) fn room_json<'a>(origin: Origin<'a>, room: &'a RoomInfo) -> RoomJson<'a> {
    let url = format!("{}/v1/Rooms/{}", origin.base_url, room.sid);
    let settings = &room.settings;
    RoomJson {
        sid: &room.sid,
        status: room.status.as_str(),
        date_created: timestamp(room.date_created),
        date_updated: timestamp(room.date_updated),
        account_sid: origin.account_sid,
        enable_turn: settings.enable_turn,
        unique_name: &room.unique_name,
        status_callback: settings.status_callback.as_deref(),
        status_callback_method: &settings.status_callback_method,
        end_time: room.end_time.map(timestamp),
        duration: room.duration,
        room_type: &settings.room_type,
        max_participants: settings.max_participants,
        max_participant_duration: settings.max_participant_duration,
        max_concurrent_published_tracks: settings.max_concurrent_published_tracks,
        record_participants_on_connect: settings.record_participants_on_connect,
        video_codecs: &settings.video_codecs,
        media_region: &settings.media_region,
        audio_only: settings.audio_only,
        empty_room_timeout: settings.empty_room_timeout,
        unused_room_timeout: settings.unused_room_timeout,
        large_room: settings.large_room,
        links: RoomLinks {
            participants: format!("{url}/Participants"),
            recordings: format!("{url}/Recordings"),
            transcriptions: format!("{url}/Transcriptions"),
            recording_rules: format!("{url}/RecordingRules"),
        },
        url,
    }
}

/// A list response: `{"<key>": [...], "meta": {...}}`, where the key varies by resource.
pub(crate) struct ListPage<T> {
    pub(crate) key: &'static str,
    pub(crate) items: Vec<T>,
    pub(crate) meta: Meta,
}

impl<T: Serialize> Serialize for ListPage<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry(self.key, &self.items)?;
        map.serialize_entry("meta", &self.meta)?;
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn timestamps_are_utc_seconds_with_z() {
        let instant = Utc.with_ymd_and_hms(2015, 7, 30, 20, 0, 0).unwrap();
        assert_eq!(timestamp(instant), "2015-07-30T20:00:00Z");
    }

    #[test]
    fn timestamps_at_the_ends_of_time_render() {
        // The clock saturates at chrono's range; rendering there must not panic.
        let end = timestamp(DateTime::<Utc>::MAX_UTC);
        assert!(end.starts_with('+') && end.ends_with("-12-31T23:59:59Z"), "{end}");
        let start = timestamp(DateTime::<Utc>::MIN_UTC);
        assert!(start.starts_with('-') && start.ends_with("-01-01T00:00:00Z"), "{start}");
    }
}
