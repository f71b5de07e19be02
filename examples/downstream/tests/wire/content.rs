//! Content v1: create with a JSON body.

use std::collections::BTreeMap;

use downstream::content::{BASE_URL, Content, ContentTypes, CreateContent, TwilioLocation, TwilioText};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::*;

#[tokio::test]
async fn create_posts_exactly_the_json_given() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/Content"))
        .respond_with(ResponseTemplate::new(201).set_body_json(fixture("content_create.json")))
        .expect(1)
        .mount(&server)
        .await;
    let client = twilio_client(&server, BASE_URL);

    let params = CreateContent {
        friendly_name: None,
        language: "en".into(),
        variables: BTreeMap::from([("1".to_owned(), "Foo Bar Co".to_owned())]),
        types: ContentTypes {
            text: Some(TwilioText { body: "{{1}} is located at 39.7392, 104.9903".into() }),
            location: Some(TwilioLocation {
                latitude: 39.7392,
                longitude: 104.9903,
                label: Some("{{1}}".into()),
            }),
            media: None,
        },
    };
    let content = Content::create(&client, &params).await.unwrap();

    Sent(&only_request(&server).await).method("POST").path("/v1/Content").no_query().twilio_auth().json(
        "application/json",
        &json!({
            "language": "en",
            "variables": {"1": "Foo Bar Co"},
            "types": {
                "twilio/text": {"body": "{{1}} is located at 39.7392, 104.9903"},
                "twilio/location": {"latitude": 39.7392, "longitude": 104.9903, "label": "{{1}}"}
            }
        }),
    );

    assert_eq!(content.sid, "HXaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    assert_eq!(content.friendly_name.as_deref(), Some(""));
    let types = content.types.unwrap();
    assert_eq!(types.text.unwrap().body, "Foo Bar Co is located at 39.7392, 104.9903");
    assert_eq!(types.location.unwrap().label.as_deref(), Some("Foo Bar Co"));
    assert_eq!(content.variables.unwrap()["name"], "foo");
}
