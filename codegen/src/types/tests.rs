use serde_json::{Value, json};

use super::*;

fn components() -> Value {
    json!({"schemas": {
        "message_enum_status": {"type": "string", "enum": ["queued", "sent"]},
        "api.v2010.account.message": {"type": "object", "properties": {"sid": {"type": "string"}}},
        "build_enum_status": {"type": "string", "enum": ["building"]},
        "serverless.v1.service.build.build_status": {"type": "object", "properties": {"status": {}}},
        "friendly_name": {"type": "string"},
        "alias": {"$ref": "#/components/schemas/friendly_name"},
        "plain": {"type": "object"},
        "either": {"oneOf": [{"$ref": "#/components/schemas/plain"}]},
        "tollfree_verification_enum_use_case_categories": {"type": "array", "items": {"type": "string", "enum": ["EMAIL"]}},
        "loop_a": {"$ref": "#/components/schemas/loop_b"},
        "loop_b": {"$ref": "#/components/schemas/loop_a"}
    }})
}

fn ty(schema: Value) -> RustType {
    field_type(&schema, &components()).unwrap_or_else(|e| panic!("{schema}: {e}"))
}

fn err(schema: Value) -> String {
    field_type(&schema, &components()).unwrap_err().to_string()
}

#[test]
fn strings_and_their_formats() {
    assert_eq!(ty(json!({"type": "string"})), RustType::String);
    for format in ["uri", "phone-number", "email", "currency", "Sid", "AccountSid", "http-method", "twiml"] {
        assert_eq!(ty(json!({"type": "string", "format": format})), RustType::String, "{format}");
    }
    assert_eq!(ty(json!({"type": "string", "pattern": "^SM[0-9a-fA-F]{32}$"})), RustType::String);
    let date_time = ty(json!({"type": "string", "format": "date-time", "nullable": true}));
    assert_eq!(date_time.render(), "chrono::DateTime<chrono::Utc>");
    assert_eq!(date_time.with(), Some("sidekick::timestamp::option"));
    let rfc2822 = ty(json!({"type": "string", "format": "date-time-rfc-2822"}));
    assert_eq!(rfc2822.render_field(), "Option<chrono::DateTime<chrono::Utc>>");
    let with = rfc2822.serde_with().unwrap();
    assert_eq!((with.path, with.for_option), ("sidekick::timestamp::rfc2822::option", true));
    assert_eq!(rfc2822.with(), Some("sidekick::timestamp::rfc2822::option"));
    assert_eq!(ty(json!({"type": "string", "format": "date"})).render(), "chrono::NaiveDate");
    // `ignoreFormat` drops the format (`MediaUrl`).
    let ignored = json!({"type": "string", "format": "not-known", "x-twilio": {"ignoreFormat": true}});
    assert_eq!(ty(ignored), RustType::String);
}

#[test]
fn numbers_booleans_and_maps() {
    assert_eq!(ty(json!({"type": "integer"})).render(), "i64");
    assert_eq!(ty(json!({"type": "integer", "format": "int64"})).render(), "i64");
    assert_eq!(ty(json!({"type": "integer", "format": "int32"})).render(), "i32");
    assert_eq!(ty(json!({"type": "number"})).render(), "sidekick::Decimal");
    assert_eq!(ty(json!({"type": "number", "format": "float"})), RustType::Decimal);
    let price = json!({"type": "number", "x-twilio": {"overrideType": "string"}});
    assert_eq!(ty(price), RustType::Decimal);
    assert_eq!(ty(json!({"type": "boolean"})).render(), "bool");
    let uri_map = ty(json!({"type": "object", "format": "uri-map", "nullable": true}));
    assert_eq!((uri_map.render(), uri_map.with()), ("sidekick::Links".into(), None));
    let add_ons = json!({"type": "object", "format": "prefixed-collapsible-map-AddOns"});
    assert_eq!(ty(add_ons), RustType::Json);
}

#[test]
fn free_form_and_inline_shapes() {
    for free in [
        json!({}),
        json!({"nullable": true}),
        json!({"type": "object"}),
        json!({"type": "object", "properties": {}}),
        json!({"type": "object", "additionalProperties": {"type": "string"}}),
        json!({"oneOf": [{"type": "string"}, {"type": "integer"}]}),
    ] {
        assert_eq!(ty(free.clone()).render(), "serde_json::Value", "{free}");
    }
    let capabilities = json!({"type": "object", "format": "phone-number-capabilities",
        "properties": {"sms": {"type": "boolean"}}});
    assert_eq!(ty(capabilities).render(), "std::collections::BTreeMap<String, bool>");
    let prices = json!({"type": "object", "format": "inbound-call-price",
        "properties": {"base_price": {"type": "number"}}});
    let inline = ty(prices);
    assert_eq!((inline.clone(), inline.needs_name()), (RustType::InlineObject, true));
    assert_eq!(inline.named("Capabilities").render(), "Capabilities");
    let method = ty(json!({"type": "string", "format": "http-method", "enum": ["GET", "POST"]}));
    assert_eq!(method, RustType::InlineEnum(vec!["GET".into(), "POST".into()]));
    assert_eq!(method.render(), "String");
    let methods = ty(json!({"type": "array", "items": {"type": "string", "enum": ["a"]}}));
    assert!(methods.needs_name());
    assert_eq!(methods.named("Event").render(), "Vec<Event>");
}

#[test]
fn arrays_and_refs() {
    assert_eq!(ty(json!({"type": "array", "items": {"type": "string"}})).render(), "Vec<String>");
    assert_eq!(ty(json!({"type": "array", "items": {}})).render(), "Vec<serde_json::Value>");
    assert_eq!(ty(json!({"type": "array"})).render(), "Vec<serde_json::Value>");
    let status = json!({"$ref": "#/components/schemas/message_enum_status"});
    assert_eq!(ty(status.clone()).render(), "MessageStatus");
    assert_eq!(ty(json!({"type": "array", "items": status})).render(), "Vec<MessageStatus>");
    assert_eq!(ty(json!({"$ref": "#/components/schemas/api.v2010.account.message"})).render(), "Message");
    // A struct that clashes with an enum's name takes its parent.
    let build = json!({"$ref": "#/components/schemas/serverless.v1.service.build.build_status"});
    assert_eq!(ty(build).render(), "BuildBuildStatus");
    assert_eq!(ty(json!({"$ref": "#/components/schemas/build_enum_status"})).render(), "BuildStatus");
    // Aliases resolve; free-form and `oneOf` components are JSON.
    assert_eq!(ty(json!({"$ref": "#/components/schemas/alias"})), RustType::String);
    assert_eq!(ty(json!({"$ref": "#/components/schemas/plain"})), RustType::Json);
    assert_eq!(ty(json!({"$ref": "#/components/schemas/either"})), RustType::Json);
    let categories = json!({"$ref": "#/components/schemas/tollfree_verification_enum_use_case_categories"});
    assert_eq!(ty(categories).render(), "Vec<TollfreeVerificationUseCaseCategories>");
}

#[test]
fn unknown_schemas_are_errors() {
    let e = err(json!({"type": "string", "format": "ipv4"}));
    assert!(e.contains("at /format") && e.contains("`type: string` with `format: ipv4`"), "{e}");
    // A known format on another type is unknown too.
    assert!(err(json!({"type": "integer", "format": "uri"})).contains("not in the format table"));
    assert!(err(json!({"type": "tuple"})).contains("unknown type `tuple`"));
    assert!(err(json!({"type": "string", "format": "verb", "enum": ["GET"]})).contains("`format: verb`"));
    assert!(err(json!({"type": "integer", "enum": [1, 2]})).contains("only enums of `type: string`"));
    assert!(err(json!({"type": "string", "x-twilio": {"overrideType": "int"}})).contains("unknown override"));
    let e = err(json!({"type": "array", "items": {"$ref": "#/components/schemas/missing"}}));
    assert!(e.contains("at /items/$ref") && e.contains("`missing`"), "{e}");
    assert!(err(json!({"$ref": "#/components/schemas/loop_a"})).contains("`$ref`s in a row"));
    let e = err(json!({"type": "array", "items": {"type": "string", "format": "date-time-rfc-2822"}}));
    assert!(e.contains("array of RFC 2822 dates"), "{e}");
}

#[test]
fn field_names() {
    for (wire, name) in [
        ("date_created", "date_created"),
        ("DateCreated", "date_created"),
        ("type", "r#type"),
        ("Type", "r#type"),
        ("twilio/call-to-action", "twilio_call_to_action"),
        ("Non-Resident", "non_resident"),
        ("DateSent<", "date_sent_before"),
        ("DateSent>", "date_sent_after"),
        ("DateSent", "date_sent"),
        ("StartTime<", "start_time_before"),
        ("rawId", "raw_id"),
        ("KYT", "kyt"),
        ("Parameter1.Name", "parameter1_name"),
        ("Notifications.NewMessage.Enabled", "notifications_new_message_enabled"),
        ("IPAddress", "ip_address"),
        ("sms2Way", "sms2_way"),
        ("3ds", "n3ds"),
        ("self", "self_"),
        ("Crate", "crate_"),
        ("async", "r#async"),
        ("gen", "r#gen"),
        ("filter", "filter"),
        ("~", "empty"),
    ] {
        assert_eq!(field_name(wire), name, "{wire}");
        assert!(is_identifier(&field_name(wire)), "{wire}");
    }
}

#[test]
fn variant_and_type_names() {
    for (wire, name) in [
        ("in-progress", "InProgress"),
        ("IN_PROGRESS", "InProgress"),
        ("inProgress", "InProgress"),
        ("~predicted-csat", "PredictedCsat"),
        ("Avg. Handle Time (Today)", "AvgHandleTimeToday"),
        ("ONLINE:UPDATING", "OnlineUpdating"),
        ("UK:CRN", "UkCrn"),
        ("USt-IdNr", "UStIdNr"),
        ("TOLL-FREE", "TollFree"),
        ("VP8", "Vp8"),
        ("+1", "N1"),
        ("5G", "N5G"),
        ("unknown", "UnknownValue"),
        ("UNKNOWN", "UnknownValue"),
        ("self", "SelfValue"),
        ("", "Empty"),
    ] {
        assert_eq!(variant_name(wire), name, "{wire}");
    }
    assert_eq!(variant_names(&["a-b", "a_b", "A B", "ab2"]), ["AB", "AB2", "AB3", "Ab2"]);
    assert_eq!(
        variant_names(&["in-progress", "in_progress", "InProgress2"]),
        ["InProgress", "InProgress3", "InProgress2"]
    );
    assert_eq!(variant_names(&["+1", "1"]), ["N1", "N1_2"]);
    for (component, name) in [
        ("message_enum_status", "MessageStatus"),
        ("call_enum_update_status", "CallUpdateStatus"),
        ("hostedNumberOrderEnumStatus", "HostedNumberOrderStatus"),
        ("report_status", "ReportStatus"),
        ("messaging.v2.rcs_carrier_status", "RcsCarrierStatus"),
        ("ValidationError", "ValidationError"),
        ("authenticationActionType", "AuthenticationActionType"),
    ] {
        assert_eq!(enum_type_name(component), name, "{component}");
    }
}

#[test]
fn identifiers_and_keywords() {
    for good in ["a", "_a", "date_sent", "r#type", "r#try", "r#gen", "union", "Self_", "N1"] {
        assert!(is_identifier(good), "{good}");
    }
    for bad in ["", "_", "1a", "a-b", "type", "Self", "r#self", "r#Self", "r#crate", "r#super", "r#foo", "é"]
    {
        assert!(!is_identifier(bad), "{bad}");
    }
    let schemas = json!({"a": {"enum": ["x"]}, "b.a": {"properties": {"x": {}}}});
    let names = type_names(schemas.as_object().unwrap()).unwrap();
    assert_eq!((names["a"].as_str(), names["b.a"].as_str()), ("A", "BA"));
    let clash = json!({"x_enum_y": {"enum": ["a"]}, "x_y": {"enum": ["b"]}});
    assert!(type_names(clash.as_object().unwrap()).unwrap_err().contains("are all named `XY`"));
}
