//! Snapshot tests of the expansion, pretty-printed with prettyplease and checked in under
//! `macros/snapshots/`, so any change to the generated code shows up in review. Refresh them
//! with `UPDATE_SNAPSHOTS=1 cargo test -p sidekick-macros`.

use std::path::PathBuf;

fn expand(item: &str) -> String {
    let input: syn::DeriveInput = syn::parse_str(item).expect("test item parses");
    let file: syn::File = syn::parse2(crate::derive(&input)).expect("expansion is a list of items");
    prettyplease::unparse(&file)
}

fn check(name: &str, item: &str) {
    let actual = format!("// Expansion of:\n{}\n{}", comment(item), expand(item));
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("snapshots").join(format!("{name}.expanded.rs"));
    if std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; run with UPDATE_SNAPSHOTS=1 to create it", path.display()));
    assert!(
        expected == actual,
        "the expansion of {name} changed; review it and run with UPDATE_SNAPSHOTS=1 to accept.\n\
         --- expected ({})\n{expected}\n--- actual\n{actual}",
        path.display()
    );
}

fn comment(item: &str) -> String {
    item.trim().lines().map(|line| format!("// {}", line.trim_end())).collect::<Vec<_>>().join("\n")
}

#[test]
fn participant_instance_with_update_and_filtered_list() {
    check(
        "participant",
        r#"
#[resource(
    base_url = "https://video.twilio.com",
    path = "/v1/Rooms/<room>/Participants/<sid>",
    sid_prefix = "PA",
    fetch,
    update = UpdateParticipant,
    list = ParticipantFilter
)]
pub struct Participant {
    pub sid: Option<String>,
}
"#,
    );
}

#[test]
fn recording_rules_singleton() {
    check(
        "recording_rules",
        r#"
#[resource(base_url = VIDEO, path = "/v1/Rooms/<RoomSid>/RecordingRules", fetch, update = UpdateRecordingRules)]
pub struct RecordingRules {
    pub room_sid: Option<String>,
}
"#,
    );
}

#[test]
fn composition_with_create_delete_and_list() {
    check(
        "composition",
        r#"
#[resource(
    base_url = "https://video.twilio.com",
    path = "/v1/Compositions/<sid>",
    fetch,
    create = NewComposition,
    delete,
    list,
    crate = "crate::sdk"
)]
pub(crate) struct Composition {
    pub sid: Option<String>,
}
"#,
    );
}

#[test]
fn v2010_message_with_account_and_uri_paging() {
    check(
        "message",
        r#"
#[resource(
    base_url = "https://api.twilio.com",
    path = "/2010-04-01/Accounts/<account_sid>/Messages/<sid>.json",
    account = "account_sid",
    fetch,
    create = CreateMessage,
    update = UpdateMessage,
    delete,
    list(params = MessageFilter, paging = "next_page_uri")
)]
pub struct Message {
    pub sid: Option<String>,
}
"#,
    );
}

#[test]
fn json_put_redirect_and_custom_paging() {
    check(
        "shapes",
        r#"
#[resource(
    base_url = "https://api.example.com",
    path = "/v2/Exports/<kind>/Days/<day>",
    fetch(response = "redirect"),
    create(params = NewExport, returns = ExportJob),
    update(params = Patch, method = "PATCH", body = "application/scim+json", response = "empty"),
    list(path = "/v2/Exports/<kind>/Days", key = "days", paging = LinkHeader)
)]
pub struct Day {
    pub day: Option<String>,
}
"#,
    );
}
