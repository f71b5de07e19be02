//! The reduction on small hand-written descriptions.

mod common;

use serde_json::{Value, json};
use sidekick_codegen::{extract_document, render};

const SERVER: &str = "https://video.twilio.com";

/// A minimal description around `paths` and `schemas`.
fn spec(paths: Value, schemas: Value) -> String {
    json!({
        "openapi": "3.0.1",
        "info": {"title": "Twilio - Video", "description": "prose", "version": "1.0.0"},
        "servers": [{"url": SERVER}],
        "security": [{"accountSid_authToken": []}],
        "tags": [{"name": "VideoV1Room", "description": "prose"}],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "accountSid_authToken": {"type": "http", "scheme": "basic", "description": "prose"},
                "unused": {"type": "http", "scheme": "bearer"}
            }
        }
    })
    .to_string()
}

fn extract(paths: Value, schemas: Value) -> Value {
    extract_document(&spec(paths, schemas)).unwrap_or_else(|e| panic!("extraction failed: {e}"))
}

fn ok(schema: Value) -> Value {
    json!({"200": {"description": "OK", "content": {"application/json": {"schema": schema}}}})
}

#[test]
fn prose_is_stripped_at_every_depth_and_facts_stay() {
    let paths = json!({"/v1/Rooms/{Sid}": {
        "description": "prose", "summary": "prose",
        "servers": [{"url": SERVER, "description": "prose"}],
        "x-twilio": {"pathType": "instance", "defaultOutputProperties": ["sid"],
                     "dependentProperties": {"participants": {"mapping": {"room_sid": "sid"}, "resource_url": "/v1/Rooms/{room_sid}/Participants"}}},
        "get": {
            "operationId": "FetchRoom", "description": "prose", "summary": "prose", "tags": ["VideoV1Room"],
            "parameters": [{"name": "Sid", "in": "path", "required": true, "description": "prose",
                            "x-twilio": {"pii": {"handling": "standard"}},
                            "schema": {"type": "string", "title": "prose", "description": "prose", "minLength": 34, "pattern": "^RM[0-9a-fA-F]{32}$"}}],
            "responses": ok(json!({"$ref": "#/components/schemas/room"}))
        }
    }});
    let schemas = json!({"room": {
        "type": "object", "title": "prose", "description": "prose", "x-class-extra-annotation": "@JacksonXmlRootElement",
        "properties": {
            // A field named like a prose key is a fact and stays.
            "description": {"type": "string", "nullable": true, "description": "prose", "x-twilio": {"pii": {"handling": "standard"}}},
            "price": {"type": "number", "x-twilio": {"overrideType": "string", "shortDescription": "prose"}},
            "links": {"type": "object", "format": "uri-map", "additionalProperties": {"type": "string", "description": "prose"}},
            "tracks": {"type": "array", "items": {"type": "object", "properties": {"kind": {"type": "string", "description": "deep prose"}}}}
        }
    }});
    let out = extract(paths, schemas);
    assert_eq!(common::prose_keys(&out), Vec::<String>::new(), "{out:#}");
    let text = out.to_string();
    for gone in
        ["prose", "pii", "shortDescription", "defaultOutputProperties", "minLength", "JacksonXml", "tags"]
    {
        assert!(!text.contains(gone), "{gone} survived: {out:#}");
    }
    let room = &out["components"]["schemas"]["room"];
    assert_eq!(room["properties"]["description"], json!({"type": "string", "nullable": true}));
    assert_eq!(room["properties"]["price"]["x-twilio"], json!({"overrideType": "string"}));
    assert_eq!(room["properties"]["tracks"]["items"]["properties"]["kind"], json!({"type": "string"}));
    let item = &out["paths"]["/v1/Rooms/{Sid}"];
    assert!(item.get("servers").is_none(), "the file's own server is not repeated");
    assert_eq!(
        item["x-twilio"]["dependentProperties"]["participants"]["mapping"],
        json!({"room_sid": "sid"})
    );
    assert_eq!(
        item["get"]["parameters"],
        json!([{"name": "Sid", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^RM[0-9a-fA-F]{32}$"}}])
    );
    assert_eq!(out["server"], SERVER);
    assert_eq!(
        out["components"]["securitySchemes"],
        json!({"accountSid_authToken": {"type": "http", "scheme": "basic"}})
    );
}

#[test]
fn path_parameters_are_merged_into_each_operation() {
    let paths = json!({"/v1/Rooms/{RoomSid}/Participants": {
        "parameters": [
            {"name": "RoomSid", "in": "path", "required": true, "schema": {"type": "string"}},
            {"name": "Status", "in": "query", "schema": {"type": "string"}}
        ],
        "get": {
            "operationId": "ListRoomParticipant",
            "parameters": [
                // Overrides the path-level one in place.
                {"name": "Status", "in": "query", "schema": {"$ref": "#/components/schemas/status"}},
                {"name": "PageSize", "in": "query", "schema": {"type": "integer", "format": "int64", "minimum": 1, "maximum": 1000}}
            ],
            "responses": ok(json!({"type": "object"}))
        },
        "post": {"operationId": "CreateRoomParticipant", "responses": {"201": {"description": "Created"}}}
    }});
    let out = extract(paths, json!({"status": {"type": "string", "enum": ["connected"]}}));
    let item = &out["paths"]["/v1/Rooms/{RoomSid}/Participants"];
    assert!(item.get("parameters").is_none(), "parameters live in the operations");
    let names = |method: &str| -> Vec<Value> {
        item[method]["parameters"].as_array().into_iter().flatten().map(|p| p["name"].clone()).collect()
    };
    assert_eq!(names("get"), [json!("RoomSid"), json!("Status"), json!("PageSize")]);
    assert_eq!(names("post"), [json!("RoomSid"), json!("Status")]);
    assert_eq!(item["get"]["parameters"][1]["schema"], json!({"$ref": "#/components/schemas/status"}));
    assert_eq!(item["post"]["parameters"][1]["schema"], json!({"type": "string"}));
    assert_eq!(
        item["get"]["parameters"][2]["schema"],
        json!({"type": "integer", "format": "int64", "minimum": 1, "maximum": 1000})
    );
    assert!(out["components"]["schemas"].get("status").is_some());
}

#[test]
fn only_success_responses_are_kept() {
    let error = json!({"description": "Error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/error"}}}});
    let paths = json!({"/v1/authorize": {"get": {
        "operationId": "FetchAuthorize",
        "security": [],
        "responses": {
            "302": {"description": "Found", "headers": {"Location": {"description": "prose", "schema": {"type": "string"}}},
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/redirect"}}}},
            "400": error.clone(), "404": error.clone(), "500": error, "default": {"description": "prose"}
        }
    }}, "/v1/Rooms/{Sid}": {"delete": {
        "operationId": "DeleteRoom",
        "security": [{"accountSid_authToken": []}],
        "responses": {"204": {"description": "The resource was deleted successfully.", "headers": {"X-Rate-Limit": {"schema": {"type": "string"}}}}}
    }}});
    let schemas = json!({
        "redirect": {"type": "object", "properties": {"redirect_to": {"type": "string", "format": "uri"}}},
        "error": {"type": "object", "properties": {"code": {"type": "integer"}}}
    });
    let out = extract(paths, schemas);
    let authorize = &out["paths"]["/v1/authorize"]["get"];
    assert_eq!(
        authorize["responses"].as_object().map(|r| r.keys().collect::<Vec<_>>()),
        Some(vec![&"302".to_owned()])
    );
    assert_eq!(authorize["responses"]["302"]["headers"], json!(["Location"]));
    assert_eq!(authorize["security"], json!([]), "no auth differs from the default");
    let delete = &out["paths"]["/v1/Rooms/{Sid}"]["delete"];
    assert_eq!(delete["responses"], json!({"204": {}}), "no body, and header names only for redirects");
    assert!(delete.get("security").is_none(), "the default is not repeated");
    let schemas = out["components"]["schemas"].as_object().map(|s| s.keys().cloned().collect::<Vec<_>>());
    assert_eq!(schemas, Some(vec!["redirect".to_owned()]), "error schemas go with the error responses");
}

#[test]
fn referenced_schemas_are_kept_transitively_and_others_dropped() {
    let paths = json!({"/v1/Things": {"post": {
        "operationId": "CreateThing",
        "requestBody": {"required": true, "content": {"application/x-www-form-urlencoded": {"schema": {
            "type": "object", "title": "CreateThingRequest", "required": ["Kind"],
            "properties": {"Kind": {"$ref": "#/components/schemas/kind", "description": "prose"}}
        }}}},
        "responses": ok(json!({"$ref": "#/components/schemas/thing"}))
    }}});
    let schemas = json!({
        "thing": {"type": "object", "properties": {"parts": {"type": "array", "items": {"$ref": "#/components/schemas/part"}}}},
        "part": {"oneOf": [{"$ref": "#/components/schemas/a"}], "discriminator": {"propertyName": "kind", "mapping": {"B": "#/components/schemas/b"}}},
        "a": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/deep"}},
        "b": {"type": "object"},
        "deep": {"type": "string"},
        "kind": {"type": "string", "enum": ["x", "y"]},
        "unused": {"type": "object", "properties": {"x": {"$ref": "#/components/schemas/also_unused"}}},
        "also_unused": {"type": "string"}
    });
    let out = extract(paths, schemas);
    let kept = out["components"]["schemas"].as_object().map(|s| s.keys().cloned().collect::<Vec<_>>());
    assert_eq!(kept, Some(["a", "b", "deep", "kind", "part", "thing"].map(String::from).to_vec()));
    let body = &out["paths"]["/v1/Things"]["post"]["requestBody"];
    assert_eq!(
        *body,
        json!({"required": true, "content": {"application/x-www-form-urlencoded": {"schema": {
            "type": "object", "required": ["Kind"], "properties": {"Kind": {"$ref": "#/components/schemas/kind"}}
        }}}})
    );
}

#[test]
fn the_first_example_in_document_order_is_kept_verbatim() {
    // `zeta` comes first in the document but last alphabetically.
    let text = format!(
        r##"{{"openapi": "3.0.1", "servers": [{{"url": "{SERVER}"}}], "paths": {{"/v1/Rooms": {{"get": {{
            "operationId": "ListRoom",
            "responses": {{"200": {{"description": "OK", "content": {{"application/json": {{
                "schema": {{"type": "object"}},
                "examples": {{
                    "zeta": {{"summary": "prose", "value": {{"rooms": [{{"sid": "RM1", "description": null, "n": 12345678901234567, "x": 0.1}}]}}}},
                    "alpha": {{"value": {{"rooms": []}}}}
                }}
            }}}}}},
            "201": {{"description": "Created", "content": {{"application/json": {{
                "examples": {{"shared": {{"$ref": "#/components/examples/shared"}}, "other": {{"value": 2}}}}
            }}}}}}
            }}
        }}}}}}, "components": {{"examples": {{"shared": {{"value": {{"from": "components"}}}}}}}}}}"##
    );
    let out = extract_document(&text).unwrap_or_else(|e| panic!("{e}"));
    let responses = &out["paths"]["/v1/Rooms"]["get"]["responses"];
    assert_eq!(
        responses["200"]["content"]["application/json"]["example"],
        json!({"rooms": [{"sid": "RM1", "description": null, "n": 12345678901234567_u64, "x": 0.1}]})
    );
    assert_eq!(responses["201"]["content"]["application/json"]["example"], json!({"from": "components"}));
    assert_eq!(out["security"], json!([]), "no default security means none");
}

#[test]
fn path_servers_are_kept_only_when_they_differ() {
    let op = json!({"operationId": "FetchX", "responses": ok(json!({"type": "object"}))});
    let paths = json!({
        "/v1/Same": {"servers": [{"url": SERVER}], "get": op.clone()},
        "/v1/Other": {"servers": [{"url": "https://elsewhere.twilio.com"}], "get": op}
    });
    let out = extract(paths, json!({}));
    assert!(out["paths"]["/v1/Same"].get("servers").is_none());
    assert_eq!(out["paths"]["/v1/Other"]["servers"], json!(["https://elsewhere.twilio.com"]));
}

#[test]
fn errors_name_the_json_pointer() {
    let paths = json!({"/v1/Rooms": {"get": {"operationId": "ListRoom", "responses": ok(json!({"$ref": "#/components/schemas/missing"}))}}});
    let err = extract_document(&spec(paths, json!({}))).err().map(|e| e.to_string());
    assert_eq!(
        err.as_deref(),
        Some(
            "<input>: at /paths/~1v1~1Rooms/get/responses/200/content/application~1json/schema/$ref: \
             `$ref` names the schema \"missing\", which components.schemas lacks"
        )
    );

    let unknown = json!({"room": {"type": "object", "discriminatorX": {}}});
    let paths = json!({"/v1/Rooms": {"get": {"operationId": "ListRoom", "responses": ok(json!({"$ref": "#/components/schemas/room"}))}}});
    let err = extract_document(&spec(paths, unknown)).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("at /components/schemas/room/discriminatorX: unknown schema keyword"), "{err}");

    let err = extract_document("{").err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.starts_with("<input>: not JSON"), "{err}");
}

#[test]
fn output_is_pretty_sorted_and_ends_with_a_newline() {
    let paths = json!({"/v1/B": {"get": {"operationId": "FetchB", "responses": ok(json!({"type": "object"}))}},
                       "/v1/A": {"post": {"operationId": "CreateA", "responses": {"201": {"description": ""}}},
                                 "get": {"operationId": "FetchA", "responses": ok(json!({"type": "object"}))}}});
    let text = render(&extract(paths.clone(), json!({})));
    assert_eq!(text, render(&extract(paths, json!({}))), "deterministic");
    assert!(text.ends_with("}\n") && !text.ends_with("\n\n"));
    assert!(text.contains("\n  \"paths\": {\n    \"/v1/A\": {\n      \"get\": {"), "{text}");
    assert!(text.find("\"/v1/A\"") < text.find("\"/v1/B\""));
    assert!(text.find("\"get\"") < text.find("\"post\""));
}
