//! Unit tests of validation.
use super::*;
use crate::attr;

#[derive(Debug)]
struct Facts {
    ops: Vec<(OpName, String, &'static str, String)>,
    base: String,
    account: Option<String>,
    sid_prefix: Option<String>,
}

/// Validates `item`, returning the model's key facts or every error message.
fn check(item: &str) -> Result<Facts, String> {
    let input: DeriveInput = syn::parse_str(item).unwrap();
    let cx = Ctxt::default();
    let attrs = attr::parse(&cx, &input.attrs);
    let model = validate(&cx, &input, attrs);
    cx.check().map_err(|e| e.into_iter().map(|e| e.to_string()).collect::<Vec<_>>().join(" | "))?;
    let m = model.unwrap();
    let base = match m.base_url {
        BaseUrlModel::Literal(s) => s,
        BaseUrlModel::Const(_) => "<const>".into(),
    };
    let ops = m.ops.into_iter().map(|o| (o.name, o.path.to_string(), o.method, o.list_key)).collect();
    Ok(Facts { ops, base, account: m.account, sid_prefix: m.sid_prefix })
}

const BASE: &str = r#"base_url = "https://video.twilio.com""#;

#[test]
fn instance_defaults() {
    let f = check(&format!(
        r#"#[resource({BASE}, path = "/v1/Rooms/<room>/Participants/<sid>", fetch, update = U, list)] struct P {{ a: u8 }}"#
    ))
    .unwrap();
    assert_eq!(f.base, "https://video.twilio.com");
    let list = f.ops.iter().find(|o| o.0 == OpName::List).unwrap();
    assert_eq!(list.1, "/v1/Rooms/<room>/Participants");
    assert_eq!(list.3, "participants");
    let update = f.ops.iter().find(|o| o.0 == OpName::Update).unwrap();
    assert_eq!((update.1.as_str(), update.2), ("/v1/Rooms/<room>/Participants/<sid>", "Post"));
}

#[test]
fn v2010_paths_keep_their_suffix_and_account() {
    let f = check(
        r#"#[resource(base_url = "https://api.twilio.com", path = "/2010-04-01/Accounts/<AccountSid>/Calls/<sid>.json",
            account = "AccountSid", fetch, create = C, list)] struct Call { a: u8 }"#,
    )
    .unwrap();
    assert_eq!(f.account.as_deref(), Some("account_sid"));
    let list = f.ops.iter().find(|o| o.0 == OpName::List).unwrap();
    assert_eq!(list.1, "/2010-04-01/Accounts/<AccountSid>/Calls.json");
    assert_eq!(list.3, "calls");
    let create = f.ops.iter().find(|o| o.0 == OpName::Create).unwrap();
    assert_eq!(create.1, list.1);
}

#[test]
fn methods_bodies_responses_and_paging_are_checked() {
    for (keys, expected) in [
        (r#"update(method = "GET")"#, "(a GET is a `fetch`)"),
        (r#"update(body = "xml")"#, "unknown body format `xml`"),
        (r#"update(response = "redirect")"#, "not for `update`"),
        (r#"fetch(response = "nothing")"#, "unknown response `nothing`"),
        (r#"list(paging = "cursor")"#, "paging shape `cursor` does not exist"),
        (r#"list(paging = "next_page_url")"#, "did you mean `next_page_uri`?"),
        (r#"list(key = "")"#, "`key` is empty"),
        (r#"fetch, account = "acount_sid""#, "did you mean `account_sid`?"),
        (r#"update(method = "PATCH"), patch"#, "both send `PATCH"),
    ] {
        let item = format!(
            r#"#[resource({BASE}, path = "/v1/Accounts/<account_sid>/Things/<sid>", {keys})] struct P {{ a: u8 }}"#
        );
        let err = check(&item).err().unwrap_or_else(|| panic!("{keys}: no error"));
        assert!(err.contains(expected), "{keys}: {err}");
    }
    assert!(is_json_media_type("application/scim+json"));
    assert!(!is_json_media_type("application/xml"));
    assert!(!is_json_media_type("application/json\r\nX: y"));
}

#[test]
fn patch_beside_a_replacing_update() {
    let f = check(&format!(
        r#"#[resource({BASE}, path = "/scim/Users/<sid>", update(method = "PUT"), patch)] struct P {{ a: u8 }}"#
    ))
    .unwrap();
    let methods: Vec<_> = f.ops.iter().map(|o| (o.0, o.2)).collect();
    assert_eq!(methods, [(OpName::Update, "Put"), (OpName::Patch, "Patch")]);
}

#[test]
fn base_urls_are_required_checked_and_normalised() {
    let item = r#"#[resource(path = "/v1/X/<sid>", base_url = "HTTPS://Api.Example.COM/Prefix/", fetch)] struct P { a: u8 }"#;
    assert_eq!(check(item).unwrap().base, "https://api.example.com/Prefix");
    let item = r#"#[resource(path = "/v1/X/<sid>", base_url = crate::API, fetch)] struct P { a: u8 }"#;
    assert_eq!(check(item).unwrap().base, "<const>");
    let err = check(r#"#[resource(path = "/v1/X/<sid>", fetch)] struct P { a: u8 }"#).unwrap_err();
    assert!(err.contains("missing `base_url`"), "{err}");
    for (bad, expected) in [
        ("video.twilio.com", "absolute"),
        ("https:///v1", "no host"),
        ("https://user:pw@example.com", "credentials"),
        ("https://example.com/?a", "query or fragment"),
    ] {
        let item =
            format!(r#"#[resource(path = "/v1/X/<sid>", base_url = "{bad}", fetch)] struct P {{ a: u8 }}"#);
        let err = check(&item).unwrap_err();
        assert!(err.contains(expected), "{bad}: {err}");
    }
}

#[test]
fn singletons_need_a_list_path_for_list_and_create() {
    let err = check(&format!(
        r#"#[resource({BASE}, path = "/v1/Rooms/<room>/RecordingRules", list, create = C)] struct P {{ a: u8 }}"#
    ))
    .unwrap_err();
    assert!(err.contains("`list` needs a list path"), "{err}");
    assert!(err.contains("`create` needs a list path"), "{err}");
    let f = check(&format!(
        r#"#[resource({BASE}, path = "/v1/Rooms/<room>/RecordingRules", list(path = "/v1/Rooms/<room>/Rules"), create = C)] struct P {{ a: u8 }}"#
    ))
    .unwrap();
    assert!(f.ops.iter().all(|o| o.1 == "/v1/Rooms/<room>/Rules"));
    assert_eq!(f.ops.iter().find(|o| o.0 == OpName::List).unwrap().3, "rules");
}

#[test]
fn shapes_and_missing_attributes() {
    for (item, expected) in [
        ("struct P { a: u8 }", "missing `#[resource(...)]`"),
        (r#"#[resource(base_url = "https://x.com", list)] struct P { a: u8 }"#, "missing `path`"),
        (
            r#"#[resource(base_url = "https://x.com", path = "/v1/X/<sid>")] struct P { a: u8 }"#,
            "declares no operations",
        ),
        (
            r#"#[resource(base_url = "https://x.com", path = "/v1/X/<sid>", fetch)] struct P(u8);"#,
            "not a tuple struct",
        ),
        (
            r#"#[resource(base_url = "https://x.com", path = "/v1/X/<sid>", fetch)] enum P { A }"#,
            "not an enum",
        ),
        (
            r#"#[resource(base_url = "https://x.com", path = "/v1/X/<sid>", fetch)] struct P<T> { a: T }"#,
            "generic",
        ),
        (
            r#"#[resource(base_url = "https://x.com", path = "/v1/X/<sid>", fetch, crate = "not a path")] struct P { a: u8 }"#,
            "is not a path",
        ),
    ] {
        let err = check(item).err().unwrap_or_else(|| panic!("{item}: no error"));
        assert!(err.contains(expected), "{item}: {err}");
    }
}

#[test]
fn sid_prefixes_are_capitals_and_digits_starting_with_a_capital() {
    for good in ["RM", "PA", "KS", "ZS", "Q", "AB12CD34", "I1"] {
        assert_eq!(sid_prefix_problem(good), None, "{good}");
    }
    for (bad, expected) in [
        ("", "`sid_prefix` is empty"),
        ("R-M", "contains '-'"),
        ("RM ", "contains ' '"),
        ("RÖ", "contains 'Ö'"),
        ("RM0123456789abcdef0123456789ABCDEF", "is a whole SID, not its prefix: write `sid_prefix = \"RM\"`"),
        ("rm0123456789abcdef0123456789abcdef", "write `sid_prefix = \"RM\"`"),
        ("PARTICIPANT", "has 11 characters, more than 8"),
        ("1A", "must start with a letter"),
        ("rm", "must be in capitals, as SIDs write it: `sid_prefix = \"RM\"`"),
        ("Pa", "`sid_prefix = \"PA\"`"),
    ] {
        let problem = sid_prefix_problem(bad).unwrap_or_else(|| panic!("{bad:?}: no problem"));
        assert!(problem.contains(expected), "{bad:?}: {problem}");
    }
    let item = format!(
        r#"#[resource({BASE}, path = "/v1/Rooms/<sid>", fetch, sid_prefix = "RM")] struct P {{ a: u8 }}"#
    );
    assert_eq!(check(&item).unwrap().sid_prefix.as_deref(), Some("RM"));
    let item = format!(r#"#[resource({BASE}, path = "/v1/Rooms/<sid>", fetch)] struct P {{ a: u8 }}"#);
    assert_eq!(check(&item).unwrap().sid_prefix, None);
    let item = format!(
        r#"#[resource({BASE}, path = "/v1/Rooms/<sid>", fetch, sid_prefix = "rm")] struct P {{ a: u8 }}"#
    );
    assert!(check(&item).unwrap_err().contains("must be in capitals"));
    // Checked even when the missing path stops everything else.
    let item = format!(r#"#[resource({BASE}, fetch, sid_prefix = "")] struct P {{ a: u8 }}"#);
    let err = check(&item).unwrap_err();
    assert!(err.contains("missing `path`") && err.contains("`sid_prefix` is empty"), "{err}");
}
