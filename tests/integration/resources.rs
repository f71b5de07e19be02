//! Resources of other shapes, written with the derive, against a mock server.

use crate::common::*;
use serde::{Deserialize, Serialize};
use serde_json::json;
use sidekick::{OperationKind, Params, Resource};
use wiremock::matchers::{body_string, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A singleton: its path ends in a literal segment. Placeholders spelled as in Twilio's spec
/// become snake_case parameters (`room_sid`).
#[derive(Debug, Clone, PartialEq, Deserialize, Resource)]
#[resource(base_url = VIDEO, path = "/v1/Rooms/<RoomSid>/RecordingRules", fetch, update = UpdateRecordingRules)]
struct RecordingRules {
    room_sid: Option<String>,
    rules: Vec<serde_json::Value>,
}

#[derive(Serialize, Params)]
struct UpdateRecordingRules {
    #[serde(rename = "Rules")]
    rules: serde_json::Value,
}

/// An instance resource with create and delete.
#[derive(Debug, Clone, PartialEq, Deserialize, Resource)]
#[resource(base_url = VIDEO, path = "/v1/Compositions/<sid>", fetch, create = NewComposition, delete, list)]
struct Composition {
    sid: Option<String>,
    room_sid: Option<String>,
    audio_sources: Vec<String>,
}

#[derive(Serialize, Params)]
struct NewComposition {
    #[serde(rename = "RoomSid")]
    room_sid: String,
    #[serde(rename = "AudioSources")]
    audio_sources: Vec<String>,
    #[serde(rename = "Trim")]
    trim: bool,
}

/// Two placeholder parents above the instance.
#[derive(Debug, Clone, PartialEq, Deserialize, Resource)]
#[resource(base_url = VIDEO, path = "/v1/Rooms/<room>/Participants/<participant>/PublishedTracks/<sid>", fetch, list)]
struct PublishedTrack {
    sid: Option<String>,
    name: Option<String>,
}

/// An irregular API on another host: explicit list path and key.
#[derive(Debug, Clone, PartialEq, Deserialize, Resource)]
#[resource(
    base_url = "https://things.example.com",
    path = "/v2/Services/<service>/Things/<sid>",
    fetch,
    list(path = "/v2/Services/<service>/AllThings", key = "items")
)]
struct Thing {
    sid: String,
}

const VIDEO: &str = "https://video.twilio.com";

mod renamed {
    pub use sidekick as facade;
}

/// The facade reached through a re-export.
#[derive(Debug, Deserialize, Resource)]
#[resource(
    base_url = "https://video.twilio.com",
    path = "/v1/Recordings/<sid>",
    fetch,
    crate = "crate::resources::renamed::facade"
)]
struct Recording {
    sid: Option<String>,
}

/// A client whose traffic for `https://things.example.com` goes to `server`.
fn things_client(server: &MockServer) -> sidekick::Client {
    sidekick::Client::builder()
        .auth_token(ACCOUNT_SID, AUTH_TOKEN)
        .base_url_override("https://things.example.com", server.uri())
        .build()
        .unwrap()
}

fn list_page(key: &str, items: serde_json::Value) -> serde_json::Value {
    json!({ key: items, "meta": { "page": 0, "page_size": 50, "next_page_url": null, "key": key } })
}

#[test]
fn derived_data_matches_the_declarations() {
    use OperationKind::*;
    assert_eq!(RecordingRules::PATH.to_string(), "/v1/Rooms/<room_sid>/RecordingRules");
    assert!(RecordingRules::operation(List).is_none() && RecordingRules::operation(Create).is_none());
    let composition_list = Composition::operation(List).unwrap();
    assert_eq!(composition_list.path.to_string(), "/v1/Compositions");
    assert_eq!(composition_list.list_key, "compositions");
    assert_eq!(Composition::operation(Create).unwrap().path.to_string(), "/v1/Compositions");
    let tracks = PublishedTrack::operation(List).unwrap();
    assert_eq!(tracks.list_key, "published_tracks");
    assert_eq!(tracks.path.to_string(), "/v1/Rooms/<room>/Participants/<participant>/PublishedTracks");
    assert_eq!(Thing::BASE_URL, "https://things.example.com");
    assert_eq!(Thing::operation(List).unwrap().list_key, "items");
    assert_eq!(Recording::BASE_URL, "https://video.twilio.com");
    assert_eq!(Recording::OPERATIONS.len(), 1);
}

#[tokio::test]
async fn singleton_fetch_and_update() {
    let server = MockServer::start().await;
    let body = json!({"room_sid": "RM1", "rules": [{"type": "include", "all": true}]});
    Mock::given(method("GET"))
        .and(path("/v1/Rooms/DailyStandup/RecordingRules"))
        .respond_with(ResponseTemplate::new(200).set_body_json(&body))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/Rooms/DailyStandup/RecordingRules"))
        .and(body_string(
            "Rules=%7B%22rules%22%3A%5B%7B%22all%22%3Atrue%2C%22type%22%3A%22include%22%7D%5D%7D",
        ))
        .respond_with(ResponseTemplate::new(202).set_body_json(&body))
        .expect(1)
        .mount(&server)
        .await;
    let client = client_for(&server);

    let rules = RecordingRules::fetch(&client, "DailyStandup").await.unwrap();
    assert_eq!(rules.room_sid.as_deref(), Some("RM1"));
    let params = UpdateRecordingRules { rules: json!({"rules": [{"type": "include", "all": true}]}) };
    let updated = RecordingRules::update(&client, "DailyStandup", &params).await.unwrap();
    assert_eq!(updated, rules);
}

#[tokio::test]
async fn create_posts_to_the_list_path_and_delete_accepts_204() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/Compositions"))
        .and(body_string("AudioSources=alice&AudioSources=bob&RoomSid=RM1&Trim=true"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "sid": "CJ1", "room_sid": "RM1", "audio_sources": ["alice", "bob"]
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/v1/Compositions/CJ1"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let client = client_for(&server);

    let params = NewComposition {
        room_sid: "RM1".into(),
        audio_sources: vec!["alice".into(), "bob".into()],
        trim: true,
    };
    let made = Composition::create(&client, &params).await.unwrap();
    assert_eq!(made.audio_sources, ["alice", "bob"]);
    Composition::delete(&client, made.sid.unwrap()).await.unwrap();

    let missing = Composition::delete(&client, "").await.unwrap_err();
    assert!(matches!(missing, sidekick::Error::InvalidInput(_)));
}

#[tokio::test]
async fn two_parent_placeholders_fill_in_order() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/Rooms/Daily%20Standup/Participants/a%2Fb/PublishedTracks"))
        .and(query_param("PageSize", "5"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(list_page("published_tracks", json!([{"sid": "MT1", "name": "camera"}]))),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/Rooms/Daily%20Standup/Participants/a%2Fb/PublishedTracks/MT1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"sid": "MT1", "name": "camera"})))
        .expect(1)
        .mount(&server)
        .await;
    let client = client_for(&server);

    let tracks = PublishedTrack::list(&client, "Daily Standup", "a/b").limit(5).collect().await.unwrap();
    assert_eq!(tracks.len(), 1);
    let track = PublishedTrack::fetch(&client, "Daily Standup", String::from("a/b"), "MT1").await.unwrap();
    assert_eq!(track, tracks[0]);
}

#[tokio::test]
async fn other_hosts_list_paths_and_keys() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v2/Services/S1/AllThings"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(list_page("items", json!([{"sid": "T1"}, {"sid": "T2"}]))),
        )
        .expect(1)
        .mount(&server)
        .await;
    let client = things_client(&server);
    let things = Thing::list(&client, "S1").collect().await.unwrap();
    assert_eq!(things, [Thing { sid: "T1".into() }, Thing { sid: "T2".into() }]);
}

#[tokio::test]
async fn renamed_facade_works() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/Recordings/RT1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"sid": "RT1"})))
        .mount(&server)
        .await;
    let recording = Recording::fetch(&client_for(&server), "RT1").await.unwrap();
    assert_eq!(recording.sid.as_deref(), Some("RT1"));
}

/// Operations whose answer has no body: `response = "empty"` gives `()` for a 204, whatever
/// the method.
#[derive(Debug, Deserialize, Resource)]
#[resource(
    base_url = "https://things.example.com",
    path = "/v2/Rules/<sid>",
    create(params = NewRule, response = "empty"),
    update(params = NewRule, method = "PUT", body = "json", response = "empty")
)]
struct Rule {}

#[derive(Serialize, Params)]
struct NewRule {
    name: &'static str,
}

#[tokio::test]
async fn a_post_or_put_answered_204_gives_unit() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v2/Rules"))
        .and(body_string("name=quiet"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path("/v2/Rules/RL1"))
        .and(wiremock::matchers::header("content-type", "application/json"))
        .and(body_string(r#"{"name":"loud"}"#))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let client = things_client(&server);
    let created: () = Rule::create(&client, &NewRule { name: "quiet" }).await.unwrap();
    let replaced: () = Rule::update(&client, "RL1", &NewRule { name: "loud" }).await.unwrap();
    assert_eq!((created, replaced), ((), ()));
}

#[tokio::test]
async fn a_204_to_an_operation_expecting_json_says_how_to_declare_it() {
    let server = MockServer::start().await;
    Mock::given(method("GET")).respond_with(ResponseTemplate::new(204)).mount(&server).await;
    let client = client_for(&server);
    let err = Composition::fetch(&client, "CJ1").await.unwrap_err();
    assert!(matches!(err, sidekick::Error::Decode { .. }), "{err:?}");
    assert!(err.to_string().contains("declare it with `response = \"empty\"`"), "{err}");
}

/// An operation whose answer is not the resource: a new key alone carries its secret.
#[derive(Debug, Deserialize, Resource)]
#[resource(
    base_url = "https://things.example.com",
    path = "/v2/Keys/<sid>",
    fetch,
    create(params = NewKey, returns = KeyWithSecret)
)]
struct Key {
    sid: String,
}

#[derive(Serialize, Params)]
struct NewKey {
    #[serde(rename = "FriendlyName")]
    friendly_name: &'static str,
}

#[derive(Debug, Deserialize)]
struct KeyWithSecret {
    sid: String,
    secret: String,
}

#[tokio::test]
async fn an_operation_may_return_another_type_than_the_resource() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v2/Keys"))
        .and(body_string("FriendlyName=ci"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"sid": "SK1", "secret": "s3cr3t"})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v2/Keys/SK1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"sid": "SK1"})))
        .expect(1)
        .mount(&server)
        .await;
    let client = things_client(&server);
    let created: KeyWithSecret = Key::create(&client, &NewKey { friendly_name: "ci" }).await.unwrap();
    assert_eq!((created.sid.as_str(), created.secret.as_str()), ("SK1", "s3cr3t"));
    let fetched: Key = Key::fetch(&client, "SK1").await.unwrap();
    assert_eq!(fetched.sid, "SK1");
}
