use serde_json::{Value, json};

use super::layout::{file_stem, replace_block};
use super::resource::{derive_path, pattern_prefix};
use super::space::pascal;
use super::*;

#[test]
fn modules_follow_the_file_names() {
    let cases = [
        ("twilio_api_v2010", "api::v2010", "twilio-api"),
        ("twilio_ip_messaging_v2", "ip_messaging::v2", "twilio-ip-messaging"),
        ("twilio_iam_organizations", "iam::organizations", "twilio-iam"),
        ("twilio_preview", "preview", "twilio-preview"),
    ];
    for (stem, path, feature) in cases {
        let module = module_of(stem);
        assert_eq!((module.path().as_str(), module.feature().as_str()), (path, feature), "{stem}");
    }
    assert_eq!(module_of("twilio_preview").dir(), "src/twilio/preview");
}

#[test]
fn names_and_paths_become_rust() {
    assert_eq!(
        derive_path("/v1/Rooms/{RoomSid}/Participants/{Sid}"),
        "/v1/Rooms/<room_sid>/Participants/<sid>"
    );
    assert_eq!(derive_path("/v1/Things/{Type}/Data.json"), "/v1/Things/<type_>/Data.json");
    assert_eq!(pascal("date_created_after"), "DateCreatedAfter");
    assert_eq!(file_stem("CallRecording"), "call_recording");
    assert_eq!(file_stem("Type"), "type_resource");
    assert!(replace_block("[features]\n", "x").is_err());
    for secret in ["secret", "client_secret", "password", "sip_auth_password", "refresh_token", "private_key"]
    {
        assert!(super::secrets::is_secret(secret), "{secret}");
    }
    for plain in ["token_type", "access_token_ttl", "secret_sid", "credential_sid", "certificate"] {
        assert!(!super::secrets::is_secret(plain), "{plain}");
    }
}

/// One extract with an operation of each shape the generator has to tell apart.
fn extract() -> Value {
    let thing = json!({"$ref": "#/components/schemas/thing"});
    let form = |properties: Value, required: Value| {
        json!({"content": {"application/x-www-form-urlencoded": {"schema": {
            "type": "object", "properties": properties, "required": required}}}})
    };
    json!({
        "server": "https://things.twilio.com",
        "paths": {
            "/2010-04-01/Accounts/{AccountSid}/Things.json": {
                "get": {
                    "operationId": "ListThing",
                    "parameters": [
                        {"in": "path", "name": "AccountSid", "required": true, "schema": {"type": "string"}},
                        {"in": "query", "name": "DateSent<", "schema": {"type": "string", "format": "date-time"}},
                        {"in": "query", "name": "PageSize", "schema": {"type": "integer"}},
                        {"in": "header", "name": "Authorization", "schema": {"type": "string"}}
                    ],
                    "responses": {"200": {"content": {"application/json": {"schema": {"type": "object", "properties": {
                        "things": {"type": "array", "items": thing}, "next_page_uri": {"type": "string"}}}}}}}
                },
                "post": {
                    "operationId": "CreateThing",
                    "x-twilio": {"conditional": [["to", "type"]]},
                    "parameters": [{"in": "path", "name": "AccountSid", "required": true, "schema": {"type": "string"}}],
                    "requestBody": form(json!({"To": {"type": "string"}, "Type": {"type": "string", "enum": ["a", "b"]}}), json!(["To"])),
                    "responses": {"201": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/new_thing"}}}}}
                }
            },
            "/2010-04-01/Accounts/{AccountSid}/Things/{Sid}.json": {
                "put": {
                    "operationId": "UpdateThing",
                    "parameters": [
                        {"in": "path", "name": "AccountSid", "required": true, "schema": {"type": "string"}},
                        {"in": "path", "name": "Sid", "required": true, "schema": {"type": "string"}},
                        {"in": "header", "name": "If-Match", "schema": {"type": "string"}}
                    ],
                    "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"name": {"type": "string"}}}}}},
                    "responses": {"204": {}}
                },
                "get": {
                    "operationId": "FetchThing",
                    "parameters": [
                        {"in": "path", "name": "AccountSid", "required": true, "schema": {"type": "string"}},
                        {"in": "path", "name": "Sid", "required": true, "schema": {"type": "string"}},
                        {"in": "query", "name": "AddOnsData", "schema": {"type": "object", "format": "prefixed-collapsible-map-AddOns"}}
                    ],
                    "responses": {"307": {"content": {"application/json": {"schema": {"type": "object", "properties": {"redirect_to": {"type": "string"}}}}}}}
                }
            }
        },
        "components": {"schemas": {
            "thing": {"type": "object", "properties": {
                "sid": {"type": "string"}, "date_sent": {"type": "string", "format": "date-time-rfc-2822"},
                "links": {"type": "object", "format": "uri-map"}, "price": {"type": "number"},
                "status": {"$ref": "#/components/schemas/thing_enum_status"},
                "status_callback_method": {"type": "string", "format": "http-method", "enum": ["GET", "POST"]}}},
            "new_thing": {"type": "object", "properties": {"sid": {"type": "string"}, "secret": {"type": "string"}}},
            "thing_enum_status": {"type": "string", "enum": ["queued", "in-progress"]}
        }}
    })
}

#[test]
fn each_operation_shape_becomes_its_attribute() {
    let files = module_files("twilio_things_v1", &extract(), false).unwrap();
    let code = &files.files["src/twilio/things/v1/thing.rs"];
    for expected in [
        "account = \"account_sid\"",
        "fetch(params = FetchThing, response = \"redirect\")",
        "#[serde(flatten)]\n    pub add_ons_data: sidekick::twilio::AddOnsData,",
        "create(params = CreateThing, returns = NewThing)",
        "update(params = UpdateThing, method = \"PUT\", body = \"json\", response = \"empty\")",
        "list(params = ThingFilter, key = \"things\", paging = \"next_page_uri\")",
        "path = \"/2010-04-01/Accounts/<account_sid>/Things/<sid>.json\"",
        // Fields: typed, open enums, dates in RFC 2822, links without nulls, exact decimals.
        "pub status: Option<ThingStatus>",
        "with = \"sidekick::timestamp::rfc2822::option\"",
        "pub links: Option<sidekick::Links>,",
        "pub price: Option<sidekick::Decimal>",
        "pub status_callback_method: Option<sidekick::twilio::WebhookMethod>",
        // Params: required fields in `new`, keywords raw, filters named as Twilio's libraries do.
        "pub to: String",
        "pub r#type: Option<CreateThingType>",
        "pub fn new(to: impl Into<String>) -> Self",
        "#[serde(rename = \"DateSent<\", with = \"sidekick::timestamp::option\")]",
        "pub date_sent_before: Option<chrono::DateTime<chrono::Utc>>",
        "#[param(header)]",
        "Queued = \"queued\"",
        "/// One of these is required: `To` or `Type`.",
        "InProgress = \"in-progress\"",
    ] {
        assert!(code.contains(expected), "`{expected}` missing from:\n{code}");
    }
    // Paging parameters belong to the list request; Authorization to the client.
    assert!(!code.contains("PageSize") && !code.contains("authorization"), "{code}");
    assert_eq!(files.calls.len(), 4);
    let create = files.calls.iter().find(|c| c.operation_id == "CreateThing").unwrap();
    assert!(create.arguments.is_empty(), "the account comes from the client: {create:?}");
}

#[test]
fn a_schema_the_mapping_does_not_know_fails_naming_the_field() {
    let mut extract = extract();
    extract["components"]["schemas"]["thing"]["properties"]["sid"] =
        json!({"type": "string", "format": "novel"});
    let error = module_files("twilio_things_v1", &extract, false).err().expect("an error");
    assert!(error.to_string().contains("Thing.sid"), "{error}");
}

#[test]
fn a_sid_pattern_with_one_prefix_declares_it() {
    assert_eq!(pattern_prefix("^RM[0-9a-fA-F]{32}$"), Some("RM"));
    for other in [
        "^(SM|MM)[0-9a-fA-F]{32}$",
        "^ZS[a-zA-Z0-9]{32}$",
        "IY[0-9a-f]{32}",
        "^rm[0-9a-fA-F]{32}$",
        "^R[0-9a-fA-F]{32}$",
    ] {
        assert_eq!(pattern_prefix(other), None, "{other}");
    }
    let thing = |extract: &Value| {
        let files = module_files("twilio_things_v1", extract, false).unwrap();
        files.files["src/twilio/things/v1/thing.rs"].clone()
    };
    let mut extract = extract();
    assert!(!thing(&extract).contains("sid_prefix"), "no pattern, no prefix");
    extract["components"]["schemas"]["thing"]["properties"]["sid"] =
        json!({"type": "string", "pattern": "^TH[0-9a-fA-F]{32}$"});
    let code = thing(&extract);
    assert!(code.contains("    account = \"account_sid\",\n    sid_prefix = \"TH\",\n"), "{code}");
    extract["components"]["schemas"]["thing"]["properties"]["sid"] =
        json!({"type": "string", "pattern": "^(TH|TX)[0-9a-fA-F]{32}$"});
    assert!(!thing(&extract).contains("sid_prefix"), "two prefixes, none declared");
}
