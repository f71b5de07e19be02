//! The Participant binding against a mock server: the exact wire of fetch, update and list.

use crate::common::*;
use serde_json::json;
use sidekick::twilio::video::v1::{Participant, ParticipantFilter, ParticipantStatus, UpdateParticipant};
use wiremock::matchers::{body_string, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn user_agent_prefix() -> String {
    format!(
        "sidekick/{} ({} {}) rust/",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS,
        std::env::consts::ARCH
    )
}

#[tokio::test]
async fn fetch_sends_exact_request_and_decodes_the_seed_example() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/Rooms/DailyStandup/Participants/Alice"))
        .and(header("authorization", EXPECTED_AUTHORIZATION))
        .and(header("accept", "application/json"))
        .respond_with(ResponseTemplate::new(200).set_body_json(seed_fetch_body()))
        .expect(1)
        .mount(&server)
        .await;

    let alice = Participant::fetch(&client_for(&server), "DailyStandup", "Alice").await.unwrap();

    assert_eq!(alice.sid.as_deref(), Some("Alice"));
    assert_eq!(alice.room_sid.as_deref(), Some("DailyStandup"));
    assert_eq!(alice.identity.as_deref(), Some("bob"));
    assert_eq!(alice.status, Some(ParticipantStatus::Connected));
    assert_eq!(alice.start_time.unwrap().to_rfc3339(), "2015-07-30T20:00:00+00:00");
    assert_eq!(alice.end_time, None);
    assert_eq!(alice.duration, None);
    assert_eq!(alice.links.as_ref().unwrap().len(), 4);

    let request = &server.received_requests().await.unwrap()[0];
    assert!(request.url.query().is_none());
    assert!(request.body.is_empty());
    assert!(request.headers.get("content-type").is_none());
    let agent = request.headers["user-agent"].to_str().unwrap();
    assert!(agent.starts_with(&user_agent_prefix()), "{agent}");
}

#[tokio::test]
async fn every_awkward_identity_reaches_the_server_as_one_segment() {
    let cases = [
        ("a/b", "a%2Fb"),
        ("a?b", "a%3Fb"),
        ("a#b", "a%23b"),
        ("bob smith", "bob%20smith"),
        ("é", "%C3%A9"),
        ("50%", "50%25"),
        ("user.123", "user.123"),
    ];
    let server = MockServer::start().await;
    for (identity, encoded) in cases {
        Mock::given(method("GET"))
            .and(path(format!("/v1/Rooms/My%20Room/Participants/{encoded}")))
            .respond_with(ResponseTemplate::new(200).set_body_json(participant_json("PA1", identity)))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = client_for(&server);
    for (identity, _) in cases {
        let p = Participant::fetch(&client, "My Room", identity).await.unwrap();
        assert_eq!(p.identity.as_deref(), Some(identity));
    }
    let paths: Vec<String> =
        server.received_requests().await.unwrap().iter().map(|r| r.url.path().to_owned()).collect();
    let expected: Vec<String> =
        cases.iter().map(|(_, e)| format!("/v1/Rooms/My%20Room/Participants/{e}")).collect();
    assert_eq!(paths, expected);
}

#[tokio::test]
async fn empty_path_parameters_fail_before_sending() {
    let server = MockServer::start().await;
    let client = client_for(&server);
    let err = Participant::fetch(&client, "DailyStandup", "").await.unwrap_err();
    assert!(matches!(err, sidekick::Error::InvalidInput(_)), "{err:?}");
    assert!(err.to_string().contains("`sid` is empty"), "{err}");
    let err = Participant::kick(&client, "", "Alice").await.unwrap_err();
    assert!(err.to_string().contains("`room_sid` is empty"), "{err}");
    let err = Participant::list(&client, "", &ParticipantFilter::new()).collect().await.unwrap_err();
    assert!(err.to_string().contains("`room_sid` is empty"), "{err}");
    let err = Participant::fetch(&client, "DailyStandup", "..").await.unwrap_err();
    assert!(matches!(err, sidekick::Error::InvalidInput(_)), "{err:?}");
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn kick_posts_the_status_form_and_accepts_202() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/Rooms/DailyStandup/Participants/Alice"))
        .and(header("authorization", EXPECTED_AUTHORIZATION))
        .and(header("content-type", "application/x-www-form-urlencoded"))
        .and(body_string("Status=disconnected"))
        .respond_with(ResponseTemplate::new(202).set_body_json(seed_update_body()))
        .expect(2)
        .mount(&server)
        .await;
    let client = client_for(&server);

    let kicked = Participant::kick(&client, "DailyStandup", "Alice").await.unwrap();
    assert_eq!(kicked.status, Some(ParticipantStatus::Disconnected));
    assert_eq!(kicked.duration, Some(1));
    assert_eq!(kicked.end_time.unwrap().to_rfc3339(), "2017-07-30T20:00:01+00:00");

    let same = Participant::update(&client, "DailyStandup", "Alice", &UpdateParticipant::disconnect())
        .await
        .unwrap();
    assert_eq!(same, kicked);
}

#[tokio::test]
async fn list_sends_filters_and_page_size_as_query() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/Rooms/DailyStandup/Participants"))
        .respond_with(ResponseTemplate::new(200).set_body_json(seed_empty_list_body()))
        .mount(&server)
        .await;
    let client = client_for(&server);

    let after = chrono::DateTime::parse_from_rfc3339("2017-01-01T10:00:01+10:00").unwrap();
    let before = chrono::DateTime::parse_from_rfc3339("2017-12-31T18:59:59-05:00").unwrap();
    let filter =
        ParticipantFilter::disconnected().identity("alice smith").created_after(after).created_before(before);
    let items = Participant::list(&client, "DailyStandup", &filter).limit(20).collect().await.unwrap();
    assert!(items.is_empty());

    let plain =
        Participant::list(&client, "DailyStandup", &ParticipantFilter::new()).collect().await.unwrap();
    assert!(plain.is_empty());

    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 2);
    let pairs: Vec<(String, String)> = requests[0].url.query_pairs().into_owned().collect();
    let expected = [
        ("DateCreatedAfter", "2017-01-01T00:00:01Z"),
        ("DateCreatedBefore", "2017-12-31T23:59:59Z"),
        ("Identity", "alice smith"),
        ("Status", "disconnected"),
        ("PageSize", "20"),
    ];
    let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(pairs, expected);
    assert_eq!(requests[0].headers["authorization"], EXPECTED_AUTHORIZATION);
    assert!(requests[1].url.query().is_none(), "{:?}", requests[1].url);
}

#[tokio::test]
async fn page_token_and_page_give_one_page_access() {
    let server = MockServer::start().await;
    let url = format!("{}/v1/Rooms/R/Participants?PageSize=2&Page=3&PageToken=PT3", server.uri());
    let next = format!("{}/v1/Rooms/R/Participants?PageSize=2&Page=4&PageToken=PT4", server.uri());
    Mock::given(method("GET"))
        .and(path("/v1/Rooms/R/Participants"))
        .and(query_param("PageToken", "PT3"))
        .and(query_param("Page", "3"))
        .and(query_param("PageSize", "2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(participants_page(
            &[("PA7", "g"), ("PA8", "h")],
            3,
            &url,
            Some(&next),
        )))
        .expect(1)
        .mount(&server)
        .await;

    let page = Participant::list(&client_for(&server), "R", &ParticipantFilter::new())
        .page_size(2)
        .page(3)
        .page_token("PT3")
        .first_page()
        .await
        .unwrap();
    assert_eq!(page.items.len(), 2);
    assert_eq!(page.meta.page, Some(3));
    assert_eq!(page.meta.next_page_token().as_deref(), Some("PT4"));
}

#[tokio::test]
async fn models_serialize_back_to_the_same_json() {
    for body in [seed_fetch_body(), seed_update_body()] {
        let participant: Participant = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(serde_json::to_value(&participant).unwrap(), body);
    }
    let mut unknown = seed_fetch_body();
    unknown["status"] = json!("on-hold");
    unknown["links"] = json!({"published_tracks": "https://example.com/x"});
    let participant: Participant = serde_json::from_value(unknown.clone()).unwrap();
    assert_eq!(participant.status, Some(ParticipantStatus::Unknown("on-hold".into())));
    assert_eq!(serde_json::to_value(&participant).unwrap(), unknown);

    let all_null = json!({});
    let empty: Participant = serde_json::from_value(all_null).unwrap();
    assert_eq!(empty.sid, None);
}
