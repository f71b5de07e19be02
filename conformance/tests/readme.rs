//! The README's Twilio snippets, run against a loopback server: sending an SMS, listing calls
//! across pages, fetching a participant. Each checks what went over the wire.

use chrono::{TimeZone, Utc};
use serde_json::json;
use sidekick::twilio::api::v2010::{Call, CallFilter, CallStatus, CreateMessage, Message, MessageStatus};
use sidekick::twilio::video::v1::{Participant, ParticipantStatus};
use sidekick::{Client, RetryPolicy};
use wiremock::matchers::{body_string, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const ACCOUNT_SID: &str = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

fn client(server: &MockServer, base: &str) -> Client {
    Client::builder()
        .auth_token(ACCOUNT_SID, "readme-token")
        .base_url_override(base, server.uri())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap()
}

#[tokio::test]
async fn send_an_sms() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!("/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json")))
        .and(body_string("Body=Hi&From=%2B15017122661&To=%2B15558675310"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "sid": "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "status": "queued",
            "date_created": "Thu, 24 Aug 2023 05:01:45 +0000",
            "price": null,
            "subresource_uris": {"media": "/2010-04-01/Accounts/AC/Messages/SM/Media.json", "feedback": null}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server, sidekick::twilio::api::v2010::BASE_URL);

    let sent = Message::create(&client, &CreateMessage::new("+15558675310").from("+15017122661").body("Hi"))
        .await
        .unwrap();

    assert_eq!(sent.status, Some(MessageStatus::Queued));
    assert_eq!(sent.date_created, Some(Utc.with_ymd_and_hms(2023, 8, 24, 5, 1, 45).unwrap()));
    assert_eq!(sent.subresource_uris.unwrap().len(), 1, "the null link is dropped");
}

#[tokio::test]
async fn list_calls_across_pages() {
    let server = MockServer::start().await;
    let calls = format!("/2010-04-01/Accounts/{ACCOUNT_SID}/Calls.json");
    let call = |sid: &str, status: &str| json!({"sid": sid, "from": "+15017122661", "to": "+15558675310", "status": status});
    Mock::given(method("GET"))
        .and(path(calls.clone()))
        .and(query_param("Page", "1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "calls": [call("CA2", "busy")], "next_page_uri": null, "page": 1
        })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(calls.clone()))
        .and(query_param("StartTime>", "2024-05-01T00:00:00Z"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "calls": [call("CA1", "completed")],
            "next_page_uri": format!("{calls}?StartTime%3E=2024-05-01T00%3A00%3A00Z&PageSize=1&Page=1&PageToken=PACA1"),
            "page": 0
        })))
        .mount(&server)
        .await;
    let client = client(&server, sidekick::twilio::api::v2010::BASE_URL);

    let since = Utc.with_ymd_and_hms(2024, 5, 1, 0, 0, 0).unwrap();
    let calls =
        Call::list(&client, &CallFilter::new().start_time_after(since)).limit(200).collect().await.unwrap();

    let seen: Vec<(Option<&str>, Option<CallStatus>)> =
        calls.iter().map(|c| (c.sid.as_deref(), c.status.clone())).collect();
    assert_eq!(seen, [(Some("CA1"), Some(CallStatus::Completed)), (Some("CA2"), Some(CallStatus::Busy))]);
}

#[tokio::test]
async fn fetch_a_participant() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/Rooms/DailyStandup/Participants/Alice"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "sid": "PAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "identity": "Alice", "status": "connected", "duration": null
        })))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server, sidekick::twilio::video::v1::BASE_URL);

    let alice = Participant::fetch(&client, "DailyStandup", "Alice").await.unwrap();

    assert_eq!(alice.status, Some(ParticipantStatus::Connected));
    assert_eq!(alice.identity.as_deref(), Some("Alice"));
}
