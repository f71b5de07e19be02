//! Fetching participants: by SID (any status) or by identity (connected only), rooms by SID or
//! unique name, and percent-encoded path segments.

use crate::support::{Api, at, seg};

const PARTICIPANT_KEYS: [&str; 12] = [
    "sid",
    "room_sid",
    "account_sid",
    "status",
    "identity",
    "date_created",
    "date_updated",
    "start_time",
    "end_time",
    "duration",
    "url",
    "links",
];

#[tokio::test]
async fn fetch_by_identity_returns_the_full_connected_participant() {
    let api = Api::start().await;
    api.emu.clock().set(at(0));
    let room = api.emu.create_room("DailyStandup").unwrap();
    let sid = api.emu.join("DailyStandup", "Alice").unwrap();

    let reply = api.get("/v1/Rooms/DailyStandup/Participants/Alice").await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.header("content-type"), Some("application/json"));
    let p = &reply.json;
    let object = p.as_object().unwrap();
    assert_eq!(object.len(), 12);
    for key in PARTICIPANT_KEYS {
        assert!(object.contains_key(key), "missing {key}");
    }
    assert_eq!(p["sid"], sid.as_str());
    assert_eq!(p["room_sid"], room.as_str());
    assert_eq!(p["account_sid"], api.emu.account_sid());
    assert_eq!(p["status"], "connected");
    assert_eq!(p["identity"], "Alice");
    assert_eq!(p["date_created"], "2015-07-30T20:00:00Z");
    assert_eq!(p["date_updated"], "2015-07-30T20:00:00Z");
    assert_eq!(p["start_time"], "2015-07-30T20:00:00Z");
    assert!(p["end_time"].is_null());
    assert!(p["duration"].is_null());
    let url = format!("{}/v1/Rooms/{room}/Participants/{sid}", api.emu.base_url());
    assert_eq!(p["url"], url.as_str());
    let links = p["links"].as_object().unwrap();
    assert_eq!(links.len(), 4);
    for (key, suffix) in [
        ("published_tracks", "PublishedTracks"),
        ("subscribed_tracks", "SubscribedTracks"),
        ("subscribe_rules", "SubscribeRules"),
        ("anonymize", "Anonymize"),
    ] {
        assert_eq!(links[key], format!("{url}/{suffix}"));
    }
    assert!(sid.len() == 34 && sid[2..].bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
}

#[tokio::test]
async fn fetch_by_sid_finds_any_status_but_identity_only_connected() {
    let api = Api::demo().await;
    // Heidi left: her identity no longer names anyone, her SID still does.
    let listed = api.get_query("/v1/Rooms/DailyStandup/Participants", &[("Status", "disconnected")]).await;
    let heidi_sid = listed.json["participants"][0]["sid"].as_str().unwrap().to_owned();
    let by_identity = api.get("/v1/Rooms/DailyStandup/Participants/Heidi").await;
    by_identity.assert_error(404, 20404);
    assert_eq!(
        by_identity.message(),
        "The requested resource /v1/Rooms/DailyStandup/Participants/Heidi was not found"
    );
    let by_sid = api.get(&format!("/v1/Rooms/DailyStandup/Participants/{heidi_sid}")).await;
    assert_eq!(by_sid.status, 200);
    assert_eq!(by_sid.json["identity"], "Heidi");
    assert_eq!(by_sid.json["status"], "disconnected");

    // Upper-case hex digits name the same SID.
    let upper = format!("PA{}", heidi_sid[2..].to_ascii_uppercase());
    let by_upper = api.get(&format!("/v1/Rooms/DailyStandup/Participants/{upper}")).await;
    assert_eq!(by_upper.json["sid"], heidi_sid.as_str());
}

#[tokio::test]
async fn reconnecting_participants_are_not_found_by_identity() {
    let api = Api::demo().await;
    let carol = api.emu.set_reconnecting("DailyStandup", "Carol").unwrap();
    api.get("/v1/Rooms/DailyStandup/Participants/Carol").await.assert_error(404, 20404);
    let by_sid = api.get(&format!("/v1/Rooms/DailyStandup/Participants/{}", carol.sid)).await;
    assert_eq!(by_sid.json["status"], "reconnecting");
    api.emu.set_connected("DailyStandup", "Carol").unwrap();
    assert_eq!(api.get("/v1/Rooms/DailyStandup/Participants/Carol").await.status, 200);
}

#[tokio::test]
async fn rejoining_with_an_identity_replaces_the_earlier_participant() {
    let api = Api::demo().await;
    let first = api.emu.participant("DailyStandup", "Alice").unwrap().sid;
    let second = api.emu.join("DailyStandup", "Alice").unwrap();
    let now = api.get("/v1/Rooms/DailyStandup/Participants/Alice").await;
    assert_eq!(now.json["sid"], second.as_str());
    let old = api.get(&format!("/v1/Rooms/DailyStandup/Participants/{first}")).await;
    assert_eq!(old.json["status"], "disconnected");
    assert!(old.json["end_time"].is_string());
}

#[tokio::test]
async fn rooms_are_addressed_by_sid_or_in_progress_unique_name() {
    let api = Api::demo().await;
    let room = api.emu.room("DailyStandup").unwrap().sid;
    let by_sid = api.get(&format!("/v1/Rooms/{room}/Participants/Alice")).await;
    assert_eq!(by_sid.json["room_sid"], room.as_str());

    api.emu.complete_room("DailyStandup").unwrap();
    api.get("/v1/Rooms/DailyStandup/Participants/Alice").await.assert_error(404, 20404);
    api.get("/v1/Rooms/DailyStandup").await.assert_error(404, 20404);
    // Completed: Alice is disconnected, so only her SID finds her.
    api.get(&format!("/v1/Rooms/{room}/Participants/Alice")).await.assert_error(404, 20404);
    let alice = by_sid.json["sid"].as_str().unwrap();
    let fetched = api.get(&format!("/v1/Rooms/{room}/Participants/{alice}")).await;
    assert_eq!(fetched.json["status"], "disconnected");
}

#[tokio::test]
async fn unknown_rooms_and_foreign_sids_are_404() {
    let api = Api::demo().await;
    api.emu.create_room("Other").unwrap();
    let stranger = api.emu.join("Other", "Stranger").unwrap();
    api.get(&format!("/v1/Rooms/DailyStandup/Participants/{stranger}")).await.assert_error(404, 20404);
    api.get("/v1/Rooms/Nowhere/Participants/Alice").await.assert_error(404, 20404);
    api.get("/v1/Rooms/RM00000000000000000000000000000000/Participants/Alice").await.assert_error(404, 20404);
    api.get("/v1/Rooms/DailyStandup/Participants/PA00000000000000000000000000000000")
        .await
        .assert_error(404, 20404);
}

#[tokio::test]
async fn percent_encoded_identities_are_one_segment_each() {
    let api = Api::start().await;
    api.emu.create_room("Team/Alpha").unwrap();
    let identities = ["a/b", "a?b", "a#b", "bob smith", "é", "50%", "user.123", "a+b", "a", "b"];
    for identity in identities {
        api.emu.join("Team/Alpha", identity).unwrap();
    }
    for identity in identities {
        let path = format!("/v1/Rooms/{}/Participants/{}", seg("Team/Alpha"), seg(identity));
        let reply = api.get(&path).await;
        assert_eq!(reply.status, 200, "{identity}: {}", reply.text);
        assert_eq!(reply.json["identity"], identity);
    }
    // `%2F` must not split the route: `a%2Fb` is the participant "a/b", not a deeper path.
    let reply = api.get("/v1/Rooms/Team%2FAlpha/Participants/a%2Fb").await;
    assert_eq!(reply.json["identity"], "a/b");
    let reply = api.get("/v1/Rooms/Team%2FAlpha/Participants/a%2fb").await;
    assert_eq!(reply.json["identity"], "a/b");
    // Unencoded, the same characters are a different (unknown) path.
    api.get("/v1/Rooms/Team%2FAlpha/Participants/a/b").await.assert_error(404, 20404);
    // Identity filter values are decoded too.
    let listed = api.get_query("/v1/Rooms/Team%2FAlpha/Participants", &[("Identity", "bob smith")]).await;
    assert_eq!(listed.json["participants"][0]["identity"], "bob smith");
}
