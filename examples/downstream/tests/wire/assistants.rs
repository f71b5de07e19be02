//! Assistants v1: update with `PUT` and a JSON body.

use chrono::{TimeZone, Utc};
use downstream::assistants::{Assistant, BASE_URL, CustomerAi, UpdateAssistant};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::*;

const ID: &str = "aia_asst_00000000-1111-2222-3333-444444444444";

#[tokio::test]
async fn update_puts_json_with_only_the_given_properties() {
    let server = MockServer::start().await;
    let instance = format!("/v1/Assistants/{ID}");
    // The spec has no example answer here; this one follows its `assistant` schema.
    let answer = json!({
        "account_sid": ACCOUNT_SID,
        "customer_ai": {"perception_engine_enabled": true, "personalization_engine_enabled": false},
        "id": ID,
        "model": "gpt-4o",
        "name": "Concierge",
        "owner": "support",
        "url": format!("https://assistants.twilio.com/v1/Assistants/{ID}"),
        "personality_prompt": "Be brief.",
        "date_created": "2024-10-01T12:00:00Z",
        "date_updated": "2024-10-02T08:30:00Z"
    });
    Mock::given(method("PUT"))
        .and(path(instance.as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(answer))
        .expect(1)
        .mount(&server)
        .await;
    let client = twilio_client(&server, BASE_URL);

    let params = UpdateAssistant {
        name: Some("Concierge".into()),
        personality_prompt: Some("Be brief.".into()),
        customer_ai: Some(CustomerAi {
            perception_engine_enabled: true,
            personalization_engine_enabled: false,
        }),
        ..UpdateAssistant::default()
    };
    let assistant = Assistant::update(&client, ID, &params).await.unwrap();

    Sent(&only_request(&server).await).method("PUT").path(&instance).no_query().twilio_auth().json(
        "application/json",
        &json!({
            "name": "Concierge",
            "personality_prompt": "Be brief.",
            "customer_ai": {"perception_engine_enabled": true, "personalization_engine_enabled": false}
        }),
    );
    assert_eq!(assistant.id, ID);
    assert_eq!(assistant.model.as_deref(), Some("gpt-4o"));
    assert_eq!(assistant.date_updated, Some(Utc.with_ymd_and_hms(2024, 10, 2, 8, 30, 0).unwrap()));
}
