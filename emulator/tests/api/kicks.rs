//! Kicking participants: `POST Status=disconnected`.

use chrono::TimeDelta;

use crate::support::{Api, at};

#[tokio::test]
async fn kick_by_identity_sets_end_time_and_duration_and_answers_202() {
    let api = Api::start().await;
    let clock = api.emu.clock();
    clock.set(at(0));
    api.emu.create_room("DailyStandup").unwrap();
    let sid = api.emu.join("DailyStandup", "Alice").unwrap();
    clock.advance(TimeDelta::seconds(125));

    let reply = api.post("/v1/Rooms/DailyStandup/Participants/Alice", &[("Status", "disconnected")]).await;
    assert_eq!(reply.status, 202, "{}", reply.text);
    let p = &reply.json;
    assert_eq!(p["sid"], sid.as_str());
    assert_eq!(p["status"], "disconnected");
    assert_eq!(p["start_time"], "2015-07-30T20:00:00Z");
    assert_eq!(p["end_time"], "2015-07-30T20:02:05Z");
    assert_eq!(p["date_updated"], "2015-07-30T20:02:05Z");
    assert_eq!(p["date_created"], "2015-07-30T20:00:00Z");
    assert_eq!(p["duration"], 125);

    api.get("/v1/Rooms/DailyStandup/Participants/Alice").await.assert_error(404, 20404);
    let fetched = api.get(&format!("/v1/Rooms/DailyStandup/Participants/{sid}")).await;
    assert_eq!(fetched.json, reply.json);
}

#[tokio::test]
async fn kicking_again_by_sid_returns_it_unchanged() {
    let api = Api::start().await;
    let clock = api.emu.clock();
    clock.set(at(0));
    api.emu.create_room("DailyStandup").unwrap();
    let sid = api.emu.join("DailyStandup", "Bob").unwrap();
    clock.advance(TimeDelta::seconds(10));
    let path = format!("/v1/Rooms/DailyStandup/Participants/{sid}");
    let first = api.post(&path, &[("Status", "disconnected")]).await;
    clock.advance(TimeDelta::seconds(50));
    let second = api.post(&path, &[("Status", "disconnected")]).await;
    assert_eq!(second.status, 202);
    assert_eq!(second.json, first.json);
    assert_eq!(second.json["duration"], 10);
    // By identity, a disconnected participant is not found.
    api.post("/v1/Rooms/DailyStandup/Participants/Bob", &[("Status", "disconnected")])
        .await
        .assert_error(404, 20404);
}

#[tokio::test]
async fn bad_or_missing_status_is_400() {
    let api = Api::demo().await;
    let path = "/v1/Rooms/DailyStandup/Participants/Alice";
    let missing = api.post(path, &[]).await;
    missing.assert_error(400, 20001);
    assert!(missing.message().contains("Status"), "{}", missing.text);
    let lower_case_name = api.post(path, &[("status", "disconnected")]).await;
    lower_case_name.assert_error(400, 20001);
    for value in ["connected", "reconnecting", "gone", "Disconnected", ""] {
        let reply = api.post(path, &[("Status", value)]).await;
        reply.assert_error(400, 20001);
        assert!(reply.message().contains("Status"), "{}", reply.text);
    }
    // Nothing changed.
    assert_eq!(api.get(path).await.json["status"], "connected");
}

#[tokio::test]
async fn unknown_form_fields_are_ignored() {
    let api = Api::demo().await;
    let reply = api
        .post(
            "/v1/Rooms/DailyStandup/Participants/Bob",
            &[("Status", "disconnected"), ("Reason", "test"), ("X-Extra", "1")],
        )
        .await;
    assert_eq!(reply.status, 202);
    assert_eq!(reply.json["status"], "disconnected");
}

#[tokio::test]
async fn kicks_in_completed_rooms_return_the_participant_unchanged() {
    let api = Api::demo().await;
    let alice = api.emu.participant("DailyStandup", "Alice").unwrap();
    let room = api.emu.complete_room("DailyStandup").unwrap();
    let reply = api
        .post(&format!("/v1/Rooms/{}/Participants/{}", room.sid, alice.sid), &[("Status", "disconnected")])
        .await;
    assert_eq!(reply.status, 202);
    assert_eq!(reply.json["status"], "disconnected");
    assert!(reply.json["end_time"].is_string());
}
