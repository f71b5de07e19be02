//! Conversations v1: `X-Twilio-Webhook-Enabled` is a header, sent only when set and never in
//! the form body.

use chrono::{TimeZone, Utc};
use downstream::conversations::{BASE_URL, Conversation, ConversationState, CreateConversation};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::*;

#[tokio::test]
async fn webhook_enabled_is_a_header_sent_only_when_set() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/Conversations"))
        .respond_with(ResponseTemplate::new(201).set_body_json(fixture("conversation_create.json")))
        .expect(2)
        .mount(&server)
        .await;
    let client = twilio_client(&server, BASE_URL);

    let with_header = CreateConversation {
        friendly_name: Some("friendly_name".into()),
        unique_name: Some("unique_name".into()),
        attributes: Some(r#"{ "topic": "feedback" }"#.into()),
        timers_inactive: Some("PT1M".into()),
        timers_closed: Some("PT10M".into()),
        webhook_enabled: Some(true),
        ..CreateConversation::default()
    };
    let created = Conversation::create(&client, &with_header).await.unwrap();
    let without = CreateConversation { friendly_name: Some("quiet".into()), ..CreateConversation::default() };
    Conversation::create(&client, &without).await.unwrap();

    let requests = received(&server).await;
    assert_eq!(requests.len(), 2);
    Sent(&requests[0])
        .method("POST")
        .path("/v1/Conversations")
        .no_query()
        .twilio_auth()
        .header("x-twilio-webhook-enabled", "true")
        .form(&[
            ("FriendlyName", "friendly_name"),
            ("UniqueName", "unique_name"),
            ("Attributes", r#"{ "topic": "feedback" }"#),
            ("Timers.Inactive", "PT1M"),
            ("Timers.Closed", "PT10M"),
        ]);
    Sent(&requests[1])
        .method("POST")
        .path("/v1/Conversations")
        .no_query()
        .twilio_auth()
        .no_header("x-twilio-webhook-enabled")
        .form(&[("FriendlyName", "quiet")]);

    assert_eq!(created.sid, "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    assert_eq!(created.state, Some(ConversationState::Inactive));
    assert_eq!(created.attributes.as_deref(), Some(r#"{ "topic": "feedback" }"#));
    assert_eq!(created.date_created, Some(Utc.with_ymd_and_hms(2015, 12, 16, 22, 18, 37).unwrap()));
    let timers = created.timers.unwrap();
    assert_eq!(timers.date_closed, Some(Utc.with_ymd_and_hms(2015, 12, 16, 22, 28, 38).unwrap()));
    assert_eq!(created.bindings.unwrap().email, None);
    assert_eq!(created.links.unwrap().len(), 4);
}
