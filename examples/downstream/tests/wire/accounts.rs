//! Accounts v1 messaging geo permissions: a singleton fetched with an optional query filter
//! and patched with JSON-typed form fields.

use downstream::accounts::{
    BASE_URL, GeoPermissionChange, GeoPermissionsFilter, MessagingGeoPermissions, UpdateGeoPermissions,
};
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::*;

const SINGLETON: &str = "/v1/Messaging/GeoPermissions";

#[tokio::test]
async fn fetch_sends_country_code_only_when_set() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(SINGLETON))
        .respond_with(ResponseTemplate::new(200).set_body_json(fixture("geo_permissions_fetch.json")))
        .expect(2)
        .mount(&server)
        .await;
    let client = twilio_client(&server, BASE_URL);

    let filtered = GeoPermissionsFilter { country_code: Some("IN,PK".into()) };
    let some = MessagingGeoPermissions::fetch(&client, &filtered).await.unwrap();
    MessagingGeoPermissions::fetch(&client, &GeoPermissionsFilter::default()).await.unwrap();

    let requests = received(&server).await;
    assert_eq!(requests.len(), 2);
    Sent(&requests[0])
        .method("GET")
        .path(SINGLETON)
        .query(&[("CountryCode", "IN,PK")])
        .raw_query_contains("CountryCode=IN%2CPK")
        .twilio_auth()
        .no_body();
    Sent(&requests[1]).method("GET").path(SINGLETON).no_query().twilio_auth().no_body();

    assert_eq!(some.permissions.len(), 2);
    let (india, pakistan) = (&some.permissions[0], &some.permissions[1]);
    assert_eq!((india.country_code.as_str(), india.enabled), ("IN", Some(false)));
    assert_eq!(india.prefix.as_deref(), Some("+91"));
    assert_eq!(pakistan.message.as_deref(), Some("High Risk Country"));
    assert_eq!(pakistan.kind.as_deref(), Some("country"));
}

#[tokio::test]
async fn update_patches_one_json_text_field_per_permission() {
    let server = MockServer::start().await;
    Mock::given(method("PATCH"))
        .and(path(SINGLETON))
        .respond_with(ResponseTemplate::new(200).set_body_json(fixture("geo_permissions_update.json")))
        .expect(1)
        .mount(&server)
        .await;
    let client = twilio_client(&server, BASE_URL);

    let params = UpdateGeoPermissions {
        permissions: vec![
            GeoPermissionChange::country("IN", false),
            GeoPermissionChange::country("PK", true),
        ],
    };
    let result = MessagingGeoPermissions::update(&client, &params).await.unwrap();

    let request = only_request(&server).await;
    Sent(&request)
        .method("PATCH")
        .path(SINGLETON)
        .no_query()
        .twilio_auth()
        .header("content-type", "application/x-www-form-urlencoded");
    // As in the spec's example request: `Permissions` repeated, each value one JSON object.
    let fields = pairs(std::str::from_utf8(&request.body).unwrap());
    assert!(fields.iter().all(|(name, _)| name == "Permissions"), "{fields:?}");
    let sent: Vec<Value> = fields.iter().map(|(_, text)| serde_json::from_str(text).unwrap()).collect();
    assert_eq!(
        sent,
        [
            json!({"country_code": "IN", "type": "country", "enabled": false}),
            json!({"country_code": "PK", "type": "country", "enabled": true}),
        ]
    );

    let pakistan = &result.permissions[1];
    assert_eq!(pakistan.error_code, Some(30649));
    assert_eq!(pakistan.error_messages, ["High risk country permission cannot be updated"]);
    assert_eq!(result.permissions[0].error_messages, Vec::<String>::new());
}
