//! Unit tests of the path template language.
use super::*;

fn lit(s: &str) -> Piece {
    Piece::Literal(s.into())
}
fn ph(s: &str) -> Piece {
    Piece::Placeholder(s.into())
}
/// The pieces of each segment.
fn pieces(t: &Template) -> Vec<Vec<Piece>> {
    t.segments.iter().map(|s| s.pieces.clone()).collect()
}
fn params(t: &Template) -> Vec<String> {
    t.params().collect()
}
/// What the runtime renders, with each parameter's name as its argument.
fn render(t: &Template) -> String {
    let literals = t.literal_pieces();
    let params = params(t);
    assert_eq!(literals.len(), params.len() + 1, "{t}");
    let mut out = literals[0].clone();
    for (param, literal) in params.iter().zip(&literals[1..]) {
        out.push_str(&format!("<{param}>{literal}"));
    }
    out
}

#[test]
fn instance_and_singleton_paths() {
    let t = Template::parse("/v1/Rooms/<room>/Participants/<sid>").unwrap();
    assert_eq!(
        pieces(&t),
        [vec![lit("v1")], vec![lit("Rooms")], vec![ph("room")], vec![lit("Participants")], vec![ph("sid")]]
    );
    assert!(!t.is_singleton());
    assert_eq!(t.parent().to_string(), "/v1/Rooms/<room>/Participants");
    assert_eq!(t.list_path_guess().to_string(), "/v1/Rooms/<room>/Participants");
    assert_eq!(t.literal_pieces(), ["/v1/Rooms/", "/Participants/", ""]);
    assert_eq!(params(&t), ["room", "sid"]);
    assert_eq!(t.to_string(), "/v1/Rooms/<room>/Participants/<sid>");

    let s = Template::parse("/v1/Rooms/<room>/RecordingRules").unwrap();
    assert!(s.is_singleton());
    assert_eq!(s.literal_pieces(), ["/v1/Rooms/", "/RecordingRules"]);
    assert_eq!(s.last_literal(), Some("RecordingRules"));
    assert_eq!(s.list_key_guess(), Some("RecordingRules"));
}

#[test]
fn placeholders_share_segments_with_literal_text() {
    let t = Template::parse("/v1/Things/prefix-<id>-suffix").unwrap();
    assert_eq!(pieces(&t)[2], [lit("prefix-"), ph("id"), lit("-suffix")]);
    assert!(!t.is_singleton());
    assert_eq!(t.literal_pieces(), ["/v1/Things/prefix-", "-suffix"]);
    assert_eq!(t.to_string(), "/v1/Things/prefix-<id>-suffix");
    // `-suffix` is no file extension: the list path is the plain parent.
    assert_eq!(t.list_path_guess().to_string(), "/v1/Things");

    let t = Template::parse("/v1/Things/<a>-<b>/x<c>").unwrap();
    assert_eq!(pieces(&t)[2], [ph("a"), lit("-"), ph("b")]);
    assert_eq!(pieces(&t)[3], [lit("x"), ph("c")]);
    assert_eq!(t.literal_pieces(), ["/v1/Things/", "-", "/x", ""]);
    assert_eq!(params(&t), ["a", "b", "c"]);
    assert_eq!(render(&t), "/v1/Things/<a>-<b>/x<c>");

    let t = Template::parse("/v1/Rooms/<room>/Participants/PA<sid>").unwrap();
    assert_eq!(t.literal_pieces(), ["/v1/Rooms/", "/Participants/PA", ""]);
    assert_eq!(t.parent().to_string(), "/v1/Rooms/<room>/Participants");
}

#[test]
fn twilio_2010_paths() {
    let t = Template::parse("/2010-04-01/Accounts/<account_sid>/Messages/<sid>.json").unwrap();
    assert_eq!(pieces(&t)[4], [ph("sid"), lit(".json")]);
    assert!(!t.is_singleton());
    assert_eq!(params(&t), ["account_sid", "sid"]);
    assert_eq!(t.literal_pieces(), ["/2010-04-01/Accounts/", "/Messages/", ".json"]);
    assert_eq!(t.to_string(), "/2010-04-01/Accounts/<account_sid>/Messages/<sid>.json");
    assert_eq!(t.parent().to_string(), "/2010-04-01/Accounts/<account_sid>/Messages");
    let list = t.list_path_guess();
    assert_eq!(list.to_string(), "/2010-04-01/Accounts/<account_sid>/Messages.json");
    assert!(list.is_singleton());
    assert_eq!(list.literal_pieces(), ["/2010-04-01/Accounts/", "/Messages.json"]);
    assert_eq!(list.last_literal(), Some("Messages.json"));
    assert_eq!(list.list_key_guess(), Some("Messages"));

    let list = Template::parse("/2010-04-01/Accounts/<account_sid>/Messages.json").unwrap();
    assert!(list.is_singleton());
    assert_eq!(list.literal_pieces(), ["/2010-04-01/Accounts/", "/Messages.json"]);

    let account = Template::parse("/2010-04-01/Accounts/<Sid>.json").unwrap();
    assert_eq!(account.list_path_guess().to_string(), "/2010-04-01/Accounts.json");

    let t = Template::parse(
        "/2010-04-01/Accounts/<account_sid>/Recordings/<recording_sid>/AddOnResults/<add_on_result_sid>/Payloads/<payload_sid>/Data.json",
    )
    .unwrap();
    assert!(t.is_singleton());
    assert_eq!(params(&t), ["account_sid", "recording_sid", "add_on_result_sid", "payload_sid"]);
    assert_eq!(
        t.literal_pieces(),
        ["/2010-04-01/Accounts/", "/Recordings/", "/AddOnResults/", "/Payloads/", "/Data.json"]
    );
    assert_eq!(t.last_literal(), Some("Data.json"));
    assert_eq!(t.list_key_guess(), Some("Data"));

    let nested =
        Template::parse("/2010-04-01/Accounts/<AccountSid>/Calls/<CallSid>/Recordings/<Sid>.json").unwrap();
    assert_eq!(
        nested.list_path_guess().to_string(),
        "/2010-04-01/Accounts/<AccountSid>/Calls/<CallSid>/Recordings.json"
    );
    assert_eq!(nested.list_path_guess().list_key_guess(), Some("Recordings"));
}

#[test]
fn list_path_guess_keeps_only_a_file_extension() {
    let cases = [
        ("/v1/Rooms/<room>/Participants/<sid>", "/v1/Rooms/<room>/Participants"),
        ("/v1/Services/<service>/Documents/<sid>", "/v1/Services/<service>/Documents"),
        ("/x/Items/<sid>.xml", "/x/Items.xml"),
        ("/x/Items/<sid>-v2.json", "/x/Items.json"),
        ("/x/Items/<sid>.v1.1", "/x/Items"),
        ("/x/Items.json/<sid>.json", "/x/Items.json"),
        ("/x/<a>/<b>.json", "/x/<a>.json"),
        ("/<sid>.json", ""),
    ];
    for (path, list) in cases {
        assert_eq!(Template::parse(path).unwrap().list_path_guess().to_string(), list, "{path}");
    }
}

#[test]
fn list_keys_drop_file_extensions_and_skip_mixed_segments() {
    let cases = [
        ("/2010-04-01/Accounts/<account_sid>/Calls.json", Some("Calls")),
        ("/2010-04-01/Accounts/<account_sid>/IncomingPhoneNumbers.json", Some("IncomingPhoneNumbers")),
        ("/v1/Rooms/<room>/Participants", Some("Participants")),
        ("/v1/Rooms/<room>/Things/prefix-<id>.json", Some("Things")),
        ("/v1/Rooms/v1.1", Some("v1.1")),
        ("/v1/.well-known", Some(".well-known")),
        ("/<a>/<b>.json", None),
    ];
    for (path, key) in cases {
        assert_eq!(Template::parse(path).unwrap().list_key_guess(), key, "{path}");
    }
    let t = Template::parse("/v1/Rooms/<room>/Things/prefix-<id>.json").unwrap();
    assert_eq!(t.last_literal(), Some("Things"));
    assert_eq!(snake_case(t.list_key_guess().unwrap()), "things");
}

#[test]
fn twilio_style_placeholders_become_snake_case_parameters() {
    let t = Template::parse("/v1/Rooms/<RoomSid>/Participants/<Sid>").unwrap();
    assert_eq!(params(&t), ["room_sid", "sid"]);
    assert_eq!(t.placeholder_names().collect::<Vec<_>>(), ["RoomSid", "Sid"]);
    assert_eq!(t.to_string(), "/v1/Rooms/<RoomSid>/Participants/<Sid>");
}

#[test]
fn non_ascii_placeholders_are_identifiers() {
    let t = Template::parse("/v1/Salles/<salle_é>/Participants/<名前>").unwrap();
    assert_eq!(params(&t), ["salle_é", "名前"]);
    let err = Template::parse("/v1/Rooms/é").unwrap_err();
    assert!(err.contains("contains `é`"), "{err}");
    let err = Template::parse("/v1/Rooms/<room>é").unwrap_err();
    assert!(err.contains("segment `<room>é` contains `é`"), "{err}");
}

#[test]
fn touching_placeholders_are_refused() {
    let err = Template::parse("/v1/Things/<a><b>").unwrap_err();
    assert_eq!(
        err,
        "placeholders `<a>` and `<b>` touch in `<a><b>`, so nothing would mark where one value ends \
         and the next begins: separate them with literal text, as in `<a>-<b>`, or make them separate \
         segments, as in `<a>/<b>`"
    );
    let err = Template::parse("/v1/Things/x<a>-<b><c>.json").unwrap_err();
    assert!(err.contains("`<b>` and `<c>` touch in `x<a>-<b><c>.json`"), "{err}");
}

#[test]
fn braces_get_angle_bracket_hints() {
    let err = Template::parse("/v1/Rooms/{RoomSid}").unwrap_err();
    assert_eq!(err, "`{RoomSid}` uses braces: sidekick placeholders use angle brackets, as in `<room_sid>`");

    let err = Template::parse("/2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Recordings/{Sid}.json")
        .unwrap_err();
    assert_eq!(
        err,
        "`{AccountSid}`, `{CallSid}` and `{Sid}` use braces: sidekick placeholders use angle brackets, \
         so write `/2010-04-01/Accounts/<account_sid>/Calls/<call_sid>/Recordings/<sid>.json`"
    );
    let err = Template::parse("/v1/Rooms/<{RoomSid}>/P/{Sid}").unwrap_err();
    assert!(err.ends_with("so write `/v1/Rooms/<room_sid>/P/<sid>`"), "{err}");
    // A name that would not do is suggested as written, for the next error to explain.
    let err = Template::parse("/v1/Rooms/{type}").unwrap_err();
    assert!(err.contains("as in `<type>`"), "{err}");
    // Stray braces are literal text, which cannot hold them.
    for path in ["/v1/Rooms/{RoomSid", "/v1/Rooms/RoomSid}", "/v1/{Rooms/<sid>}"] {
        let err = Template::parse(path).unwrap_err();
        assert!(err.contains("literal text cannot hold braces"), "{path}: {err}");
    }
}

#[test]
fn brace_paths_recover_as_intended() {
    let t = Template::recover("/v1/Rooms/{RoomSid}/Participants/{Sid}");
    assert_eq!(params(&t), ["room_sid", "sid"]);
    assert!(!t.is_singleton());
    assert_eq!(t.to_string(), "/v1/Rooms/<room_sid>/Participants/<sid>");
    assert_eq!(t.list_path_guess().to_string(), "/v1/Rooms/<room_sid>/Participants");

    let t = Template::recover("/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json");
    assert_eq!(params(&t), ["account_sid", "sid"]);
    assert!(!t.is_singleton());
    assert_eq!(t.literal_pieces(), ["/2010-04-01/Accounts/", "/Messages/", ".json"]);
    assert_eq!(t.list_path_guess().to_string(), "/2010-04-01/Accounts/<account_sid>/Messages.json");

    let t = Template::recover("/2010-04-01/Accounts/{AccountSid}/Messages.json");
    assert!(t.is_singleton());
    assert_eq!(t.list_key_guess(), Some("Messages"));
}

#[test]
fn every_malformed_template_says_what_to_do() {
    let cases = [
        ("v1/Rooms", "must start with `/`"),
        ("/v1//Rooms", "empty segment after `/v1` (a doubled or trailing `/`)"),
        ("/v1/Rooms/", "empty segment after `/v1/Rooms`"),
        ("//v1", "empty first segment"),
        ("/", "names no resource"),
        ("/v1/Rooms/<_>", "`_` alone cannot name a parameter"),
        ("/v1/Rooms/<room", "unclosed placeholder in `<room`"),
        ("/v1/Rooms/<sid.json", "unclosed placeholder in `<sid.json`: add the missing `>`"),
        ("/v1/Rooms/room>", "`>` without a matching `<`"),
        ("/v1/Rooms/<a>>b<", "`>` without a matching `<` in `<a>>b<`"),
        ("/v1/Rooms/<>", "empty placeholder `<>`"),
        ("/v1/Rooms/x<>.json", "empty placeholder `<>`"),
        ("/v1/Rooms/<room-sid>", "`<room-sid>` is not a Rust identifier"),
        ("/v1/Rooms/<sid.json>", "close it first, as in `<sid>.json`"),
        ("/v1/Rooms/<1st>", "as in `<p1st>`"),
        ("/v1/Rooms/<type>", "a Rust keyword"),
        ("/v1/Rooms/<gen>", "a Rust keyword"),
        ("/v1/Rooms/<Type>", "names its parameter `type`, a Rust keyword"),
        ("/v1/Rooms/<type>.json", "a Rust keyword"),
        ("/v1/Rooms/<RoomSid>/P/<room_sid>", "both name the parameter `room_sid`"),
        ("/v1/Rooms/<a>-<A>", "both name the parameter `a`"),
        ("/v1/Rooms/<room>/..", "segment `..` after `/v1/Rooms/<room>` is a relative step"),
        ("/v1/./Rooms", "segment `.` after `/v1` is a relative step"),
        ("/v1/Rooms/<room>/P/<room>", "`<room>` appears twice"),
        ("/v1/Rooms/<room>.<room>", "`<room>` appears twice"),
        ("/v1/Rooms/<<room>>", "opens a placeholder inside another: placeholders do not nest"),
        ("/v1/Rooms/<a<room>>", "as in `<room>`"),
        ("/v1/Rooms/<a><b>", "touch"),
        ("/v1/Rooms/<client>", "clash with the generated methods' `client`"),
        ("/v1/Rooms/<Client>", "clash with the generated methods' `client`"),
        ("/v1/Rooms/x<params>", "clash with the generated methods' `params`"),
        ("/v1/Rooms/{RoomSid}", "uses braces"),
        ("/v1/Rooms?x=1", "segment `Rooms?x=1` contains `?`"),
        ("/v1/Rooms/<room>?x=1", "segment `<room>?x=1` contains `?`"),
        ("/v1/Rooms/<room>#top", "contains `#`"),
        ("/v1/Ro oms", "contains ` `"),
        ("/v1/Rooms/<room> .json", "contains ` `"),
    ];
    for (input, expected) in cases {
        let err = Template::parse(input).unwrap_err();
        assert!(err.contains(expected), "{input}: {err}");
    }
}

#[test]
fn the_query_error_is_unchanged() {
    // tests/ui/path_query.stderr
    assert_eq!(
        Template::parse("/v1/Rooms/<room>/Participants?Status=connected").unwrap_err(),
        "segment `Participants?Status=connected` contains `?`, which cannot appear unencoded in a URL path: \
         paths hold no query, fragment or spaces, and variable parts are `<placeholders>`"
    );
}

#[test]
fn recovery_keeps_the_intended_arguments() {
    let cases = [
        ("/v1/Rooms/<room/Participants/<sid>", vec!["room", "sid"]),
        ("/v1/Rooms/room>/<room-sid>", vec!["room", "room_sid"]),
        ("/v1/Rooms/<>/<1st>/<type>", vec!["arg2", "arg3", "arg4"]),
        ("/v1/Rooms/<a>/<a>", vec!["a", "a_2"]),
        ("v1//Rooms/./<RoomSid>", vec!["room_sid"]),
        ("/v1/Rooms/<<room>>", vec!["room"]),
        ("/v1/Things/<a><b>", vec!["a", "b"]),
        ("/v1/Things/<a>-<a>", vec!["a", "a_2"]),
        ("/v1/Rooms/{RoomSid}/P/{Sid}", vec!["room_sid", "sid"]),
        ("/v1/Rooms/{}/P/{type}", vec!["arg2", "arg4"]),
    ];
    for (text, expected) in cases {
        assert!(Template::parse(text).is_err(), "{text}");
        assert_eq!(params(&Template::recover(text)), expected, "{text}");
    }
}

#[test]
fn recovery_keeps_the_shape_and_the_literal_text() {
    let cases = [
        // (malformed path, recovered path, is an instance)
        ("/v1/Rooms/<sid.json", "/v1/Rooms/<sid>.json", true),
        ("/v1/Rooms/sid>.json", "/v1/Rooms/<sid>.json", true),
        ("/v1/Rooms/PA<sid", "/v1/Rooms/PA<sid>", true),
        ("/v1/Rooms/x-sid>", "/v1/Rooms/x-<sid>", true),
        ("/v1/Rooms/<a><b>.json", "/v1/Rooms/<a><b>.json", true),
        (
            "/v1/Rooms/<room>/Participants?Status=connected",
            "/v1/Rooms/<room>/Participants?Status=connected",
            false,
        ),
        ("/v1/Rooms/{RoomSid}/RecordingRules", "/v1/Rooms/<room_sid>/RecordingRules", false),
        ("/v1/Rooms/{RoomSid", "/v1/Rooms/<room_sid>", true),
        ("/v1/Rooms/<>", "/v1/Rooms/<arg2>", true),
        ("", "", false),
    ];
    for (text, recovered, instance) in cases {
        let t = Template::recover(text);
        assert_eq!(t.to_string(), recovered, "{text}");
        assert_eq!(!t.is_singleton() && !t.segments.is_empty(), instance, "{text}");
        render(&t);
    }
}

#[test]
fn literal_pieces_always_frame_the_params() {
    let paths = [
        "/v1/Rooms/<room>/Participants/<sid>",
        "/v1/Things/prefix-<id>-suffix",
        "/v1/Things/<a>-<b>/<c>",
        "/2010-04-01/Accounts/<AccountSid>/Messages/<Sid>.json",
        "/2010-04-01/Accounts/<account_sid>/Recordings/<recording_sid>/AddOnResults/<add_on_result_sid>/Payloads/<payload_sid>/Data.json",
    ];
    for path in paths {
        let t = Template::parse(path).unwrap();
        assert_eq!(t.to_string(), path);
        let snake: String = Template::recover(path).to_string();
        assert_eq!(render(&t), snake, "{path}");
        assert_eq!(Template::parse(&snake).unwrap().literal_pieces(), t.literal_pieces());
    }
}

#[test]
fn list_keys_are_snake_case() {
    assert_eq!(snake_case("Participants"), "participants");
    assert_eq!(snake_case("PublishedTracks"), "published_tracks");
    assert_eq!(snake_case("SIPDomains"), "sip_domains");
    assert_eq!(snake_case("Calls2Go"), "calls2_go");
    assert_eq!(snake_case("recording-rules"), "recording_rules");
    assert_eq!(snake_case("IncomingPhoneNumbers"), "incoming_phone_numbers");
}
