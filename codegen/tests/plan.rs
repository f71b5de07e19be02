//! The planning step on hand-written fragments, one rule each (the committed extract files are
//! in `plan_extracts.rs`).

use std::collections::BTreeMap;

use serde_json::{Value, json};
use sidekick_codegen::{Kind, ResourcePlan, plan};

fn op(id: &str) -> Value {
    json!({"operationId": id})
}

fn planned(paths: Value) -> Vec<ResourcePlan> {
    plan(&json!({"paths": paths}), "twilio_test_v1").unwrap_or_else(|e| panic!("{e}"))
}

/// `(kind, method, path, needs_path_override)` of each operation.
fn ops(resource: &ResourcePlan) -> Vec<(Kind, &str, &str, bool)> {
    resource
        .operations
        .iter()
        .map(|o| (o.kind, o.method.as_str(), o.path.as_str(), o.needs_path_override))
        .collect()
}

#[test]
fn an_instance_path_pairs_with_its_list_path() {
    let list = "/2010-04-01/Accounts/{AccountSid}/Messages.json";
    let instance = "/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json";
    let r = planned(json!({
        list: {"get": op("ListMessage"), "post": op("CreateMessage")},
        instance: {"delete": op("DeleteMessage"), "get": op("FetchMessage"), "post": op("UpdateMessage")},
    }));
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].name, "Message");
    assert_eq!((r[0].instance_path.as_deref(), r[0].list_path.as_deref()), (Some(instance), Some(list)));
    assert_eq!(
        ops(&r[0]),
        [
            (Kind::Fetch, "GET", instance, false),
            (Kind::Create, "POST", list, false),
            (Kind::Update, "POST", instance, false),
            (Kind::Delete, "DELETE", instance, false),
            (Kind::List, "GET", list, false),
        ]
    );
    assert_eq!(r[0].operation(Kind::Fetch).unwrap().operation_id, "FetchMessage");
}

#[test]
fn disagreeing_class_or_mount_names_split_the_pair() {
    let r = planned(json!({
        "/v1/Keys": {"x-twilio": {"className": "get_api_keys", "mountName": "get_api_keys"},
                     "get": op("ListGetKeys"), "post": op("CreateNewKey")},
        "/v1/Keys/{Sid}": {"x-twilio": {"mountName": "api_key"}, "get": op("FetchKey")},
    }));
    assert_eq!(r.len(), 2);
    assert_eq!(
        (r[0].name.as_str(), r[0].instance_path.as_deref(), r[0].list_path.as_deref()),
        ("GetApiKey", None, Some("/v1/Keys"))
    );
    // A list-only resource's path is a singleton to the derive: create and list need their path.
    assert_eq!(ops(&r[0]), [(Kind::Create, "POST", "/v1/Keys", true), (Kind::List, "GET", "/v1/Keys", true)]);
    assert_eq!(
        (r[1].name.as_str(), r[1].instance_path.as_deref(), r[1].list_path.as_deref()),
        ("Key", Some("/v1/Keys/{Sid}"), None)
    );
    // Agreeing names (here: the same className on both) keep the pair.
    let same = json!({"x-twilio": {"className": "policies"}});
    let mut paths = json!({"/v1/Policies": same.clone(), "/v1/Policies/{Sid}": same});
    paths["/v1/Policies"]["get"] = op("ListPolicies");
    paths["/v1/Policies/{Sid}"]["get"] = op("FetchPolicies");
    let r = planned(paths);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].name, "Policy");
}

#[test]
fn list_shaped_paths_without_an_instance_are_list_only() {
    let r = planned(json!({
        "/v1/Configuration": {"get": op("FetchConfiguration"), "post": op("UpdateConfiguration")},
        "/v1/Rooms/{RoomSid}/RecordingRules": {"get": op("FetchRecordingRule"), "post": op("UpdateRecordingRule")},
        "/v1/Sinks/{Sid}/Test": {"post": op("CreateSinkTest")},
        "/v1/SafeList/Numbers": {"delete": op("DeleteSafelist"), "get": op("FetchSafelist"), "post": op("CreateSafelist")},
    }));
    let names: Vec<&str> = r.iter().map(|r| r.name.as_str()).collect();
    // Singletons and actions keep their segment; a list-only path with a create is a collection.
    assert_eq!(names, ["Configuration", "RecordingRules", "Number", "Test"]);
    assert!(r.iter().all(|r| r.instance_path.is_none() && r.list_path.is_some()));
    // Fetch, update and delete go to the lone path by default; create needs its path.
    assert_eq!(
        ops(&r[0]),
        [
            (Kind::Fetch, "GET", "/v1/Configuration", false),
            (Kind::Update, "POST", "/v1/Configuration", false)
        ]
    );
    assert_eq!(
        ops(&r[2]),
        [
            (Kind::Fetch, "GET", "/v1/SafeList/Numbers", false),
            (Kind::Create, "POST", "/v1/SafeList/Numbers", true),
            (Kind::Delete, "DELETE", "/v1/SafeList/Numbers", false),
        ]
    );
    assert_eq!(ops(&r[3]), [(Kind::Create, "POST", "/v1/Sinks/{Sid}/Test", true)]);
}

#[test]
fn instance_paths_without_a_list_path_are_instance_only() {
    let field = "/v2/PhoneNumbers/{PhoneNumber}/Overrides/{Field}";
    let r = planned(json!({
        "/v1/Users/{Sid}": {"get": op("FetchUser"), "post": op("UpdateUser")},
        field: {"delete": op("DeleteOverride"), "get": op("FetchOverride"), "post": op("CreateOverride"), "put": op("UpdateOverride")},
    }));
    assert_eq!(r.len(), 2);
    assert!(r.iter().all(|r| r.instance_path.is_some() && r.list_path.is_none()));
    assert_eq!(r[0].name, "User");
    assert_eq!(
        ops(&r[0]),
        [(Kind::Fetch, "GET", "/v1/Users/{Sid}", false), (Kind::Update, "POST", "/v1/Users/{Sid}", false)]
    );
    // A create on the instance path: the derive would post to the (missing) parent.
    assert_eq!(r[1].name, "Override");
    assert_eq!(
        ops(&r[1]),
        [
            (Kind::Fetch, "GET", field, false),
            (Kind::Create, "POST", field, true),
            (Kind::Update, "PUT", field, false),
            (Kind::Delete, "DELETE", field, false),
        ]
    );
}

#[test]
fn a_put_update_and_a_patch_share_a_path() {
    let user = "/Organizations/{OrganizationSid}/scim/Users/{UserSid}";
    let r = planned(json!({
        user: {"get": op("FetchOrganizationUser"), "patch": op("PatchOrganizationUser"), "put": op("UpdateOrganizationUser")},
        "/v1/Messaging/GeoPermissions": {"get": op("FetchMessagingGeopermissions"), "patch": op("UpdateMessagingGeopermissions")},
    }));
    let user = r.iter().find(|r| r.instance_path.is_some()).unwrap();
    assert_eq!(
        ops(user),
        [
            (Kind::Fetch, "GET", user.path(), false),
            (Kind::Update, "PUT", user.path(), false),
            (Kind::Patch, "PATCH", user.path(), false)
        ]
    );
    // The kind is the prefix: a lone PATCH named Update… is an update with method PATCH.
    let geo = r.iter().find(|r| r.instance_path.is_none()).unwrap();
    assert_eq!(geo.operation(Kind::Update).unwrap().method, "PATCH");
}

#[test]
fn lists_on_instance_paths_and_list_paths_without_operations() {
    let inbound = "/v2/Voice/Reports/PhoneNumbers/Inbound";
    let report = "/v2/Voice/Reports/PhoneNumbers/Inbound/{reportId}";
    let r = planned(json!({
        inbound: {"post": op("CreateInboundPhoneNumbersReport")},
        report: {"get": op("ListInboundPhoneNumbersReport")},
        "/v1/Exports/Jobs": {},
        "/v1/Exports/Jobs/{JobSid}": {"get": op("FetchJob")},
        "/v1/Exports": {},
        "/v1/Exports/{ResourceType}/Days": {"x-twilio": {"mountName": "days"}},
    }));
    assert_eq!(r.len(), 2, "paths with no operations give no resource: {r:?}");
    assert_eq!(
        (r[0].instance_path.as_deref(), r[0].list_path.as_deref()),
        (Some("/v1/Exports/Jobs/{JobSid}"), Some("/v1/Exports/Jobs"))
    );
    assert_eq!(ops(&r[1]), [(Kind::Create, "POST", inbound, false), (Kind::List, "GET", report, true)]);
}

#[test]
fn clashing_names_take_their_parents_or_mount_name() {
    let r = planned(json!({
        "/2010-04-01/Accounts/{AccountSid}/Recordings/{Sid}.json": {"get": op("FetchRecording")},
        "/2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Recordings/{Sid}.json": {"get": op("FetchCallRecording")},
        "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Recordings/{Sid}.json": {"get": op("FetchConferenceRecording")},
        "/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/Local.json": {"get": op("ListIncomingPhoneNumberLocal")},
        "/2010-04-01/Accounts/{AccountSid}/AvailablePhoneNumbers/{CountryCode}/Local.json": {"get": op("ListAvailablePhoneNumberLocal")},
        "/v1/Listing/{Sid}": {"x-twilio": {"mountName": "module_data_management"}, "get": op("FetchModuleDataManagement")},
        "/v1/Listings": {"x-twilio": {"mountName": "module_data"}, "post": op("CreateModuleData")},
    }));
    let names: BTreeMap<&str, &str> = r.iter().map(|r| (r.path(), r.name.as_str())).collect();
    let name = |path: &str| names[path];
    assert_eq!(name("/2010-04-01/Accounts/{AccountSid}/Recordings/{Sid}.json"), "Recording");
    assert_eq!(
        name("/2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Recordings/{Sid}.json"),
        "CallRecording"
    );
    assert_eq!(
        name("/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Recordings/{Sid}.json"),
        "ConferenceRecording"
    );
    assert_eq!(
        name("/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/Local.json"),
        "IncomingPhoneNumberLocal"
    );
    assert_eq!(
        name("/2010-04-01/Accounts/{AccountSid}/AvailablePhoneNumbers/{CountryCode}/Local.json"),
        "AvailablePhoneNumberLocal"
    );
    // Nothing left to prefix: the deeper one falls back to its mountName.
    assert_eq!(name("/v1/Listings"), "Listing");
    assert_eq!(name("/v1/Listing/{Sid}"), "ModuleDataManagement");
}

#[test]
fn operations_that_cannot_be_placed_are_errors() {
    let fail = |paths: Value| plan(&json!({"paths": paths}), "twilio_test_v1").unwrap_err();
    // A second fetch in one resource: one on the list path, one on the instance path.
    let err = fail(json!({
        "/v1/Things": {"get": op("FetchThingSummary")},
        "/v1/Things/{Sid}": {"get": op("FetchThing")},
    }));
    assert_eq!(err.file, "twilio_test_v1");
    assert_eq!(err.pointer.as_deref(), Some("/paths/~1v1~1Things/get"));
    assert!(
        err.message.contains("`FetchThingSummary` cannot be placed") && err.message.contains("`FetchThing`"),
        "{err}"
    );
    let err = fail(json!({"/v1/Things": {"get": op("GetThings")}}));
    assert!(err.message.contains("`GetThings` starts with none of"), "{err}");
    let err = fail(json!({"/v1/Things": {"post": op("FetchThings")}}));
    assert!(err.message.contains("is a Fetch but is sent with POST"), "{err}");
    let err = fail(json!({"/v1/Things": {"get": {}}}));
    assert!(err.message.contains("no operationId"), "{err}");
    let err = fail(json!({"/v1/Things": {"parameters": []}}));
    assert!(err.message.contains("`parameters` is not an HTTP method"), "{err}");
}
