//! Rooms: create, fetch, complete, list.

use chrono::TimeDelta;

use crate::support::{Api, at, field};

/// Every property of `video.v1.room` in the spec.
const ROOM_KEYS: [&str; 24] = [
    "sid",
    "status",
    "date_created",
    "date_updated",
    "account_sid",
    "enable_turn",
    "unique_name",
    "status_callback",
    "status_callback_method",
    "end_time",
    "duration",
    "type",
    "max_participants",
    "max_participant_duration",
    "max_concurrent_published_tracks",
    "record_participants_on_connect",
    "video_codecs",
    "media_region",
    "audio_only",
    "empty_room_timeout",
    "unused_room_timeout",
    "large_room",
    "url",
    "links",
];

#[tokio::test]
async fn create_answers_201_with_every_room_property() {
    let api = Api::start().await;
    api.emu.clock().set(at(0));
    let reply = api.post("/v1/Rooms", &[("UniqueName", "DailyStandup")]).await;
    assert_eq!(reply.status, 201, "{}", reply.text);
    let room = reply.json.as_object().unwrap();
    assert_eq!(room.len(), ROOM_KEYS.len());
    for key in ROOM_KEYS {
        assert!(room.contains_key(key), "missing {key}");
    }
    let sid = room["sid"].as_str().unwrap();
    assert!(sid.starts_with("RM") && sid.len() == 34);
    assert_eq!(room["status"], "in-progress");
    assert_eq!(room["type"], "group");
    assert_eq!(room["unique_name"], "DailyStandup");
    assert_eq!(room["date_created"], "2015-07-30T20:00:00Z");
    assert!(room["end_time"].is_null() && room["duration"].is_null());
    assert!(room["status_callback"].is_null());
    assert_eq!(room["account_sid"], api.emu.account_sid());
    let url = format!("{}/v1/Rooms/{sid}", api.emu.base_url());
    assert_eq!(room["url"], url.as_str());
    assert_eq!(room["links"]["participants"], format!("{url}/Participants"));
    assert_eq!(room["links"]["recordings"], format!("{url}/Recordings"));
    assert_eq!(room["links"]["recording_rules"], format!("{url}/RecordingRules"));

    let again = api.post("/v1/Rooms", &[("UniqueName", "DailyStandup")]).await;
    again.assert_error(400, 53113);
    assert_eq!(again.message(), "Room exists");
}

#[tokio::test]
async fn create_accepts_spec_fields_and_ignores_unknown_ones() {
    let api = Api::start().await;
    let reply = api
        .post(
            "/v1/Rooms",
            &[
                ("UniqueName", "Configured"),
                ("Type", "peer-to-peer"),
                ("MaxParticipants", "7"),
                ("StatusCallback", "https://example.com/cb"),
                ("StatusCallbackMethod", "GET"),
                ("VideoCodecs", "VP8"),
                ("VideoCodecs", "H264"),
                ("AudioOnly", "true"),
                ("RecordParticipantsOnConnect", "false"),
                ("MediaRegion", "de1"),
                ("EmptyRoomTimeout", "10"),
                ("TranscribeParticipantsOnConnect", "true"),
                ("SomethingNew", "whatever"),
            ],
        )
        .await;
    assert_eq!(reply.status, 201, "{}", reply.text);
    let room = &reply.json;
    assert_eq!(room["type"], "peer-to-peer");
    assert_eq!(room["max_participants"], 7);
    assert_eq!(room["status_callback"], "https://example.com/cb");
    assert_eq!(room["status_callback_method"], "GET");
    assert_eq!(room["video_codecs"], serde_json::json!(["VP8", "H264"]));
    assert_eq!(room["audio_only"], true);
    assert_eq!(room["media_region"], "de1");
    assert_eq!(room["empty_room_timeout"], 10);

    let unnamed = api.post("/v1/Rooms", &[]).await;
    assert_eq!(unnamed.status, 201);
    assert_eq!(unnamed.json["unique_name"], unnamed.json["sid"]);
}

#[tokio::test]
async fn create_rejects_invalid_values() {
    let api = Api::start().await;
    for (name, value) in [
        ("Type", "huge"),
        ("MaxParticipants", "many"),
        ("MaxParticipants", "0"),
        ("AudioOnly", "yes"),
        ("VideoCodecs", "AV1"),
        ("StatusCallbackMethod", "PUT"),
    ] {
        let reply = api.post("/v1/Rooms", &[("UniqueName", "X"), (name, value)]).await;
        reply.assert_error(400, 20001);
        assert!(reply.message().contains(name), "{name}: {}", reply.text);
    }
    assert!(api.emu.room("X").is_err(), "nothing was created");
}

#[tokio::test]
async fn fetch_by_sid_or_unique_name() {
    let api = Api::start().await;
    let sid = api.emu.create_room("DailyStandup").unwrap();
    let by_name = api.get("/v1/Rooms/DailyStandup").await;
    assert_eq!(by_name.status, 200);
    assert_eq!(by_name.json["sid"], sid.as_str());
    let by_sid = api.get(&format!("/v1/Rooms/{sid}")).await;
    assert_eq!(by_sid.json, by_name.json);
    api.get("/v1/Rooms/Nope").await.assert_error(404, 20404);
}

#[tokio::test]
async fn completing_a_room_disconnects_everyone_and_frees_the_name() {
    let api = Api::demo().await;
    let clock = api.emu.clock();
    clock.set(at(0));
    api.emu.create_room("Timed").unwrap();
    let alice = api.emu.join("Timed", "Alice").unwrap();
    clock.advance(TimeDelta::seconds(300));

    let reply = api.post("/v1/Rooms/Timed", &[("Status", "completed")]).await;
    assert_eq!(reply.status, 202, "{}", reply.text);
    assert_eq!(reply.json["status"], "completed");
    assert_eq!(reply.json["end_time"], "2015-07-30T20:05:00Z");
    assert_eq!(reply.json["duration"], 300);
    let sid = reply.json["sid"].as_str().unwrap();
    let participant = api.get(&format!("/v1/Rooms/{sid}/Participants/{alice}")).await;
    assert_eq!(participant.json["status"], "disconnected");
    assert_eq!(participant.json["end_time"], "2015-07-30T20:05:00Z");
    assert_eq!(participant.json["duration"], 300);

    api.get("/v1/Rooms/Timed").await.assert_error(404, 20404);
    let again = api.post(&format!("/v1/Rooms/{sid}"), &[("Status", "completed")]).await;
    assert_eq!(again.status, 202);
    assert_eq!(again.json, reply.json);
    let recreated = api.post("/v1/Rooms", &[("UniqueName", "Timed")]).await;
    assert_eq!(recreated.status, 201);
    assert_ne!(recreated.json["sid"], sid);
}

#[tokio::test]
async fn room_update_requires_status_completed() {
    let api = Api::demo().await;
    api.post("/v1/Rooms/DailyStandup", &[]).await.assert_error(400, 20001);
    for value in ["in-progress", "failed", "done"] {
        let reply = api.post("/v1/Rooms/DailyStandup", &[("Status", value)]).await;
        reply.assert_error(400, 20001);
        assert!(reply.message().contains("Status"));
    }
    api.post("/v1/Rooms/Nope", &[("Status", "completed")]).await.assert_error(404, 20404);
}

#[tokio::test]
async fn list_filters_rooms_and_pages() {
    let api = Api::start().await;
    let clock = api.emu.clock();
    clock.set(at(0));
    for name in ["R0", "R1", "R2", "R3"] {
        api.emu.create_room(name).unwrap();
        clock.advance(TimeDelta::seconds(60));
    }
    api.emu.complete_room("R1").unwrap();

    let reply = api.get("/v1/Rooms").await;
    let rooms = reply.json["rooms"].as_array().unwrap();
    assert_eq!(field(rooms, "unique_name"), ["R0", "R2", "R3"]);
    assert_eq!(reply.json["meta"]["key"], "rooms");
    assert_eq!(
        reply.json["meta"]["first_page_url"],
        format!("{}/v1/Rooms?PageSize=50&Page=0", api.emu.base_url())
    );
    let completed = api.get_query("/v1/Rooms", &[("Status", "completed")]).await;
    assert_eq!(field(completed.json["rooms"].as_array().unwrap(), "unique_name"), ["R1"]);
    let named = api.get_query("/v1/Rooms", &[("UniqueName", "R2")]).await;
    assert_eq!(field(named.json["rooms"].as_array().unwrap(), "unique_name"), ["R2"]);
    let dated = api
        .get_query(
            "/v1/Rooms",
            &[("DateCreatedAfter", "2015-07-30T20:02:00Z"), ("DateCreatedBefore", "2015-07-30T20:03:00Z")],
        )
        .await;
    assert_eq!(field(dated.json["rooms"].as_array().unwrap(), "unique_name"), ["R2"]);
    let by_day = api.get_query("/v1/Rooms", &[("DateCreatedAfter", "2015-07-31")]).await;
    assert!(by_day.json["rooms"].as_array().unwrap().is_empty());

    let paged = api.collect("/v1/Rooms", &[("PageSize", "1")], "rooms").await;
    assert_eq!(field(&paged, "unique_name"), ["R0", "R2", "R3"]);
    api.get_query("/v1/Rooms", &[("Status", "open")]).await.assert_error(400, 20001);
    api.get_query("/v1/Rooms", &[("PageSize", "5000")]).await.assert_error(400, 20001);
}

#[tokio::test]
async fn a_unique_name_is_one_room_s_even_when_it_is_a_sid() {
    let api = Api::start().await;
    let first = api.emu.create_room("Standup").unwrap();
    let named = api.post("/v1/Rooms", &[("UniqueName", first.as_str())]).await;
    assert_eq!(named.status, 201, "{}", named.text);
    api.post("/v1/Rooms", &[("UniqueName", first.as_str())]).await.assert_error(400, 53113);
}

#[tokio::test]
async fn parameters_twilio_does_not_read_are_ignored() {
    let api = Api::demo().await;
    let account = api.emu.account_sid().to_owned();
    let reply = api
        .post(
            "/v1/Rooms",
            &[("UniqueName", "Quiet"), ("AccountSid", "ACevil"), ("Duration", "abc"), ("unique_name", "x")],
        )
        .await;
    assert_eq!(reply.status, 201, "{}", reply.text);
    assert_eq!(
        (reply.json["account_sid"].as_str(), reply.json["unique_name"].as_str()),
        (Some(account.as_str()), Some("Quiet"))
    );
    let kick = api
        .post("/v1/Rooms/DailyStandup/Participants/Alice", &[("Status", "disconnected"), ("Duration", "abc")])
        .await;
    assert_eq!(kick.status, 202, "{}", kick.text);
    let listed = api.get_query("/v1/Rooms", &[("Duration", "x")]).await;
    assert_eq!(listed.status, 200, "{}", listed.text);
    api.post("/v1/Rooms", &[("UniqueName", "Huge"), ("MaxParticipants", "5000000000")])
        .await
        .assert_error(400, 20001);
}
