//! Listing participants: default filters, completed rooms, filters, and their validation.

use chrono::TimeDelta;

use crate::support::{Api, at, field};

const LIST: &str = "/v1/Rooms/DailyStandup/Participants";

#[tokio::test]
async fn in_progress_rooms_list_connected_participants_by_default() {
    let api = Api::demo().await;
    let reply = api.get(LIST).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    let items = reply.json["participants"].as_array().unwrap();
    assert_eq!(field(items, "identity"), ["Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace"]);
    let meta = &reply.json["meta"];
    let room = api.emu.room("DailyStandup").unwrap().sid;
    let list_url = format!("{}/v1/Rooms/{room}/Participants", api.emu.base_url());
    assert_eq!(meta["key"], "participants");
    assert_eq!(meta["page"], 0);
    assert_eq!(meta["page_size"], 50);
    assert_eq!(meta["first_page_url"], format!("{list_url}?PageSize=50&Page=0"));
    assert_eq!(meta["url"], format!("{list_url}?PageSize=50&Page=0"));
    assert!(meta["previous_page_url"].is_null());
    assert!(meta["next_page_url"].is_null());

    let gone = api.get_query(LIST, &[("Status", "disconnected")]).await;
    assert_eq!(field(gone.json["participants"].as_array().unwrap(), "identity"), ["Heidi"]);
    assert!(gone.json["meta"]["url"].as_str().unwrap().contains("Status=disconnected&PageSize=50&Page=0"));

    api.emu.set_reconnecting("DailyStandup", "Dave").unwrap();
    let reconnecting = api.get_query(LIST, &[("Status", "reconnecting")]).await;
    assert_eq!(field(reconnecting.json["participants"].as_array().unwrap(), "identity"), ["Dave"]);
}

#[tokio::test]
async fn identity_filter_matches_exactly() {
    let api = Api::demo().await;
    let bob = api.get_query(LIST, &[("Identity", "Bob")]).await;
    assert_eq!(field(bob.json["participants"].as_array().unwrap(), "identity"), ["Bob"]);
    let none = api.get_query(LIST, &[("Identity", "bob")]).await;
    assert!(none.json["participants"].as_array().unwrap().is_empty());
    let heidi = api.get_query(LIST, &[("Identity", "Heidi"), ("Status", "disconnected")]).await;
    assert_eq!(heidi.json["participants"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn completed_rooms_list_only_disconnected_participants() {
    let api = Api::demo().await;
    let room = api.emu.complete_room("DailyStandup").unwrap().sid;
    let path = format!("/v1/Rooms/{room}/Participants");
    let all = api.get(&path).await;
    let items = all.json["participants"].as_array().unwrap();
    assert_eq!(items.len(), 8);
    assert!(items.iter().all(|p| p["status"] == "disconnected" && p["end_time"].is_string()));
    let connected = api.get_query(&path, &[("Status", "connected")]).await;
    assert_eq!(connected.status, 200);
    assert!(connected.json["participants"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn date_filters_are_strict_and_accept_any_offset() {
    let api = Api::start().await;
    let clock = api.emu.clock();
    clock.set(at(0));
    api.emu.create_room("DailyStandup").unwrap();
    for identity in ["A", "B", "C"] {
        api.emu.join("DailyStandup", identity).unwrap();
        clock.advance(TimeDelta::seconds(10));
    }
    let identities = |reply: &crate::support::Reply| {
        field(reply.json["participants"].as_array().unwrap(), "identity")
            .into_iter()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let after = api.get_query(LIST, &[("DateCreatedAfter", "2015-07-30T20:00:10Z")]).await;
    assert_eq!(identities(&after), ["C"]);
    let before = api.get_query(LIST, &[("DateCreatedBefore", "2015-07-30T20:00:10Z")]).await;
    assert_eq!(identities(&before), ["A"]);
    // The same instants, written with offsets.
    let offset = api.get_query(LIST, &[("DateCreatedAfter", "2015-07-30T22:00:09+02:00")]).await;
    assert_eq!(identities(&offset), ["B", "C"]);
    let negative = api.get_query(LIST, &[("DateCreatedBefore", "2015-07-30T15:00:20-05:00")]).await;
    assert_eq!(identities(&negative), ["A", "B"]);
    let between = api
        .get_query(
            LIST,
            &[("DateCreatedAfter", "2015-07-30T20:00:00Z"), ("DateCreatedBefore", "2015-07-30T20:00:20Z")],
        )
        .await;
    assert_eq!(identities(&between), ["B"]);
    // Filters are echoed (normalised to UTC) into the page URLs.
    assert!(
        offset.json["meta"]["url"].as_str().unwrap().contains("DateCreatedAfter=2015-07-30T20%3A00%3A09Z")
    );
}

#[tokio::test]
async fn malformed_filters_are_400_naming_the_parameter() {
    let api = Api::demo().await;
    for (name, value) in [
        ("DateCreatedAfter", "yesterday"),
        ("DateCreatedBefore", "2015-13-45"),
        ("Status", "online"),
        ("PageSize", "0"),
        ("PageSize", "1001"),
        ("PageSize", "ten"),
        ("Page", "-1"),
        ("PageToken", "garbage"),
    ] {
        let reply = api.get_query(LIST, &[(name, value)]).await;
        reply.assert_error(400, 20001);
        assert!(reply.message().contains(name), "{name}: {}", reply.text);
    }
    for size in ["1", "1000"] {
        assert_eq!(api.get_query(LIST, &[("PageSize", size)]).await.status, 200);
    }
}
