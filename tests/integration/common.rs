//! Shared set-up for the integration tests: a client pointed at a local mock server, and the
//! seed document's example bodies.
#![allow(dead_code)]

use serde_json::{Value, json};
use sidekick::{Client, RetryPolicy};
use wiremock::MockServer;

pub const ACCOUNT_SID: &str = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
pub const AUTH_TOKEN: &str = "test-auth-token";
/// `Basic base64(ACCOUNT_SID:AUTH_TOKEN)`.
pub const EXPECTED_AUTHORIZATION: &str =
    "Basic QUNhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYTp0ZXN0LWF1dGgtdG9rZW4=";

/// A client whose Twilio Video traffic goes to `server`, with retries off unless a test
/// asks for them.
pub fn client_for(server: &MockServer) -> Client {
    builder_for(server).retry_policy(RetryPolicy::none()).build().unwrap()
}

pub fn builder_for(server: &MockServer) -> sidekick::ClientBuilder {
    Client::builder()
        .auth_token(ACCOUNT_SID, AUTH_TOKEN)
        .base_url_override("https://video.twilio.com", server.uri())
}

/// The seed's fetch example, as printed.
pub fn seed_fetch_body() -> Value {
    json!({
      "account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      "room_sid": "DailyStandup",
      "date_created": "2015-07-30T20:00:00Z",
      "date_updated": "2015-07-30T20:00:00Z",
      "start_time": "2015-07-30T20:00:00Z",
      "end_time": null,
      "sid": "Alice",
      "identity": "bob",
      "status": "connected",
      "url": "https://video.twilio.com/v1/Rooms/RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants/PAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      "duration": null,
      "links": {
        "published_tracks": "https://video.twilio.com/v1/Rooms/RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants/PAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/PublishedTracks",
        "subscribed_tracks": "https://video.twilio.com/v1/Rooms/RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants/PAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/SubscribedTracks",
        "subscribe_rules": "https://video.twilio.com/v1/Rooms/RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants/PAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/SubscribeRules",
        "anonymize": "https://video.twilio.com/v1/Rooms/RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants/PAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Anonymize"
      }
    })
}

/// The seed's update (kick) example, as printed.
pub fn seed_update_body() -> Value {
    json!({
      "account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      "room_sid": "DailyStandup",
      "date_created": "2017-07-30T20:00:00Z",
      "date_updated": "2017-07-30T20:00:00Z",
      "start_time": "2017-07-30T20:00:00Z",
      "end_time": "2017-07-30T20:00:01Z",
      "sid": "Alice",
      "identity": "alice",
      "status": "disconnected",
      "url": "https://video.twilio.com/v1/Rooms/RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants/PAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      "duration": 1,
      "links": {
        "published_tracks": "https://video.twilio.com/v1/Rooms/RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants/PAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/PublishedTracks",
        "subscribed_tracks": "https://video.twilio.com/v1/Rooms/RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants/PAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/SubscribedTracks",
        "subscribe_rules": "https://video.twilio.com/v1/Rooms/RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants/PAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/SubscribeRules",
        "anonymize": "https://video.twilio.com/v1/Rooms/RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants/PAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Anonymize"
      }
    })
}

/// The seed's empty list example, as printed.
pub fn seed_empty_list_body() -> Value {
    json!({
      "participants": [],
      "meta": {
        "page": 0,
        "page_size": 50,
        "first_page_url": "https://video.twilio.com/v1/Rooms/RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants?PageSize=50&Page=0",
        "previous_page_url": null,
        "url": "https://video.twilio.com/v1/Rooms/RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants?PageSize=50&Page=0",
        "next_page_url": null,
        "key": "participants"
      }
    })
}

/// A participant with the given SID and identity, in the wire shape.
pub fn participant_json(sid: &str, identity: &str) -> Value {
    let mut body = seed_fetch_body();
    body["sid"] = json!(sid);
    body["identity"] = json!(identity);
    body
}

/// A list page of `participants` with `next` as its `next_page_url`.
pub fn participants_page(items: &[(&str, &str)], page: u64, url: &str, next: Option<&str>) -> Value {
    let items: Vec<Value> = items.iter().map(|(sid, identity)| participant_json(sid, identity)).collect();
    json!({
        "participants": items,
        "meta": {
            "page": page,
            "page_size": items.len(),
            "first_page_url": url,
            "previous_page_url": null,
            "url": url,
            "next_page_url": next,
            "key": "participants"
        }
    })
}
