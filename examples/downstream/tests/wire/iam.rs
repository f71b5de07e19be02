//! Organizations SCIM users: bearer auth, SCIM paging by `startIndex`, a `filter` query, and
//! an `ETag` read with `.response()` sent back as `If-Match`.

use chrono::{TimeZone, Utc};
use downstream::iam::{
    BASE_URL, PATCH_SCHEMA, PatchScimUser, ReplaceScimUser, ScimName, ScimPatchOperation, ScimUser,
    ScimUserFilter, USER_SCHEMA,
};
use serde_json::{Value, json};
use wiremock::matchers::{method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::*;

const ORG: &str = "OR33f4f3aa6fffe840d000f8ef22e883db";
const USERS: &str = "/Organizations/OR33f4f3aa6fffe840d000f8ef22e883db/scim/Users";
const TOKEN: &str = "eyJ-organization-access-token";
const LIST_SCHEMA: &str = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

/// A user in the spec's `ScimUser` schema (it has no example).
fn user(n: u32) -> Value {
    json!({
        "schemas": [USER_SCHEMA],
        "id": format!("US{n:032}"),
        "externalId": format!("ext-{n}"),
        "userName": format!("user{n}@example.com"),
        "displayName": format!("User {n}"),
        "name": {"givenName": "User", "familyName": format!("{n}")},
        "emails": [{"value": format!("user{n}@example.com"), "primary": true, "type": "work"}],
        "active": true,
        "locale": "en-US",
        "timezone": "America/Los_Angeles",
        "meta": {
            "resourceType": "User",
            "created": "2024-06-01T10:00:00Z",
            "lastModified": "2024-06-02T11:30:00Z",
            "version": "W/\"4\""
        }
    })
}

/// A SCIM list page of these users; `start_index` is left out when `None` (as in Twilio's
/// `ScimUserPage` schema, which lists only `Resources`, `totalResults` and `schemas`).
fn scim_page(users: &[u32], total: u32, start_index: Option<u32>) -> Value {
    let mut page = json!({
        "schemas": [LIST_SCHEMA],
        "totalResults": total,
        "Resources": users.iter().map(|n| user(*n)).collect::<Vec<_>>(),
    });
    if let Some(start) = start_index {
        page["startIndex"] = json!(start);
        page["itemsPerPage"] = json!(users.len());
    }
    page
}

async fn mount_two_pages(server: &MockServer, with_start_index: bool) {
    let start = |n| with_start_index.then_some(n);
    Mock::given(method("GET"))
        .and(path(USERS))
        .and(query_param("startIndex", "3"))
        .respond_with(ResponseTemplate::new(200).set_body_json(scim_page(&[3], 3, start(3))))
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path(USERS))
        .and(query_param_is_missing("startIndex"))
        .respond_with(ResponseTemplate::new(200).set_body_json(scim_page(&[1, 2], 3, start(1))))
        .mount(server)
        .await;
}

#[tokio::test]
async fn list_pages_by_start_index_with_a_filter_and_a_bearer_token() {
    let server = MockServer::start().await;
    mount_two_pages(&server, true).await;
    let client = bearer_client(&server, BASE_URL, TOKEN);

    let filter = ScimUserFilter { filter: Some(r#"userName co "@example.com""#.into()) };
    let users = ScimUser::list(&client, ORG, &filter).page_size(2).collect().await.unwrap();

    let names: Vec<&str> = users.iter().map(|u| u.user_name.as_str()).collect();
    assert_eq!(names, ["user1@example.com", "user2@example.com", "user3@example.com"]);
    // `totalResults` said 3: allocated for exactly those, not grown to 4.
    assert_eq!(users.capacity(), 3);
    let requests = received(&server).await;
    assert_eq!(requests.len(), 2);
    Sent(&requests[0])
        .method("GET")
        .path(USERS)
        .query(&[("filter", r#"userName co "@example.com""#), ("count", "2")])
        .raw_query_contains("filter=userName+co+%22%40example.com%22")
        .bearer(TOKEN)
        .no_body();
    Sent(&requests[1])
        .method("GET")
        .path(USERS)
        .query(&[("filter", r#"userName co "@example.com""#), ("count", "2"), ("startIndex", "3")])
        .bearer(TOKEN)
        .no_body();

    let first = &users[0];
    assert_eq!(first.id.as_deref(), Some("US00000000000000000000000000000001"));
    assert_eq!(first.emails[0].kind.as_deref(), Some("work"));
    let meta = first.meta.as_ref().unwrap();
    assert_eq!(meta.created, Some(Utc.with_ymd_and_hms(2024, 6, 1, 10, 0, 0).unwrap()));
    assert_eq!(meta.version.as_deref(), Some("W/\"4\""));
}

#[tokio::test]
async fn list_pages_without_start_index_in_the_answers() {
    let server = MockServer::start().await;
    mount_two_pages(&server, false).await;
    let client = bearer_client(&server, BASE_URL, TOKEN);

    let users = ScimUser::list(&client, ORG, &ScimUserFilter::default()).page_size(2).collect().await;

    let queries: Vec<_> =
        received(&server).await.iter().map(|r| r.url.query().unwrap_or("").to_owned()).collect();
    assert_eq!(queries, ["count=2", "count=2&startIndex=3"], "then stop: 3 of totalResults 3 were read");
    assert_eq!(users.unwrap().len(), 3);
}

#[tokio::test]
async fn an_etag_read_with_response_is_sent_back_as_if_match() {
    let server = MockServer::start().await;
    let instance = format!("{USERS}/US00000000000000000000000000000001");
    Mock::given(method("GET"))
        .and(path(instance.as_str()))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("ETag", "W/\"4\"")
                .insert_header("Content-Type", "application/scim+json")
                .set_body_json(user(1)),
        )
        .expect(1)
        .mount(&server)
        .await;
    let mut updated = user(1);
    updated["displayName"] = json!("Ada L.");
    updated["meta"]["version"] = json!("W/\"5\"");
    Mock::given(method("PUT"))
        .and(path(instance.as_str()))
        .respond_with(ResponseTemplate::new(200).insert_header("ETag", "W/\"5\"").set_body_json(updated))
        .expect(1)
        .mount(&server)
        .await;
    let client = bearer_client(&server, BASE_URL, TOKEN);

    let read = ScimUser::fetch(&client, ORG, "US00000000000000000000000000000001").response().await.unwrap();
    assert_eq!(read.status, 200);
    let etag = read.headers.get("etag").and_then(|v| v.to_str().ok()).map(str::to_owned);
    assert_eq!(etag.as_deref(), Some("W/\"4\""));
    let mut replacement = ReplaceScimUser::from_user(&read.value, etag);
    replacement.display_name = Some("Ada L.".into());
    replacement.name = Some(ScimName { given_name: Some("Ada".into()), family_name: None });
    let written = ScimUser::update(&client, ORG, "US00000000000000000000000000000001", &replacement)
        .response()
        .await
        .unwrap();

    let requests = received(&server).await;
    assert_eq!(requests.len(), 2);
    Sent(&requests[0]).method("GET").path(&instance).no_query().bearer(TOKEN).no_header("if-match").no_body();
    Sent(&requests[1])
        .method("PUT")
        .path(&instance)
        .no_query()
        .bearer(TOKEN)
        .header("if-match", "W/\"4\"")
        .json(
            "application/scim+json",
            &json!({
                "schemas": [USER_SCHEMA],
                "userName": "user1@example.com",
                "displayName": "Ada L.",
                "name": {"givenName": "Ada"},
                "emails": [{"value": "user1@example.com", "primary": true, "type": "work"}],
                "active": true,
                "locale": "en-US",
                "timezone": "America/Los_Angeles"
            }),
        );
    assert_eq!(written.value.display_name.as_deref(), Some("Ada L."));
    assert_eq!(written.headers.get("etag").unwrap(), "W/\"5\"");
}

#[tokio::test]
async fn a_patch_amends_with_scim_json_beside_the_replacing_put() {
    let server = MockServer::start().await;
    let instance = format!("{USERS}/US00000000000000000000000000000001");
    let mut deactivated = user(1);
    deactivated["active"] = json!(false);
    Mock::given(method("PATCH"))
        .and(path(instance.as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(deactivated))
        .expect(1)
        .mount(&server)
        .await;
    let client = bearer_client(&server, BASE_URL, TOKEN);
    let mut patch = PatchScimUser::new(vec![ScimPatchOperation {
        op: "replace".into(),
        path: Some("active".into()),
        value: Some(json!(false)),
    }]);
    patch.if_match = Some("W/\"4\"".into());

    let user = ScimUser::patch(&client, ORG, "US00000000000000000000000000000001", &patch).await.unwrap();

    assert_eq!(user.active, Some(false));
    let requests = received(&server).await;
    assert_eq!(requests.len(), 1);
    Sent(&requests[0])
        .method("PATCH")
        .path(&instance)
        .no_query()
        .bearer(TOKEN)
        .header("if-match", "W/\"4\"")
        .json(
            "application/scim+json",
            &json!({
                "schemas": [PATCH_SCHEMA],
                "Operations": [{"op": "replace", "path": "active", "value": false}]
            }),
        );
}
