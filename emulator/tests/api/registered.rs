//! Resources registered by type, over raw HTTP: the route table's 404s and 405s, faults on a
//! registered operation, parameter errors, JSON bodies, links between registered resources, and
//! registration's own errors.

use serde::Deserialize;
use sidekick_emulator::{Emulator, Fault, Registration, Route};
use sidekick_runtime::{
    BodyFormat, HttpMethod, MetaPaging, Operation, OperationKind, PathTemplate, Resource,
};

use crate::support::Api;

const BOARD: PathTemplate = PathTemplate::new(&["/v1/Boards/", ""], &["sid"]);
const BOARDS: PathTemplate = PathTemplate::new(&["/v1/Boards"], &[]);
const NOTE: PathTemplate = PathTemplate::new(&["/v1/Boards/", "/Notes/", ""], &["board_sid", "sid"]);
const NOTES: PathTemplate = PathTemplate::new(&["/v1/Boards/", "/Notes"], &["board_sid"]);

/// A board, created with a JSON body, with links to its notes.
#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Board {
    sid: String,
    friendly_name: Option<String>,
    url: Option<String>,
    links: Option<sidekick_runtime::Links>,
}

impl Resource for Board {
    type ListPaging = MetaPaging;
    const NAME: &'static str = "Board";
    const BASE_URL: &'static str = "https://boards.example.com";
    const PATH: PathTemplate = BOARD;
    const OPERATIONS: &'static [Operation] = &[
        Operation::new(OperationKind::Create, HttpMethod::Post, BOARDS)
            .body(BodyFormat::Json("application/json")),
        Operation::new(OperationKind::Fetch, HttpMethod::Get, BOARD),
        Operation::new(OperationKind::List, HttpMethod::Get, BOARDS).list_key("boards"),
    ];
}

/// A note on a board: typed fields that form parameters must match.
#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Note {
    sid: String,
    board_sid: Option<String>,
    text: Option<String>,
    votes: Option<u32>,
    pinned: Option<bool>,
    tags: Option<Vec<String>>,
}

impl Resource for Note {
    type ListPaging = MetaPaging;
    const NAME: &'static str = "Note";
    const SID_PREFIX: Option<&'static str> = Some("NT");
    const BASE_URL: &'static str = "https://boards.example.com";
    const PATH: PathTemplate = NOTE;
    const OPERATIONS: &'static [Operation] = &[
        Operation::new(OperationKind::Create, HttpMethod::Post, NOTES),
        Operation::new(OperationKind::Fetch, HttpMethod::Get, NOTE),
        Operation::new(OperationKind::Update, HttpMethod::Post, NOTE),
        Operation::new(OperationKind::Delete, HttpMethod::Delete, NOTE),
        Operation::new(OperationKind::List, HttpMethod::Get, NOTES).list_key("notes"),
    ];
}

/// A type another resource's paths clash with.
#[derive(Debug, Deserialize)]
struct Impostor {}

impl Resource for Impostor {
    type ListPaging = MetaPaging;
    const NAME: &'static str = "Impostor";
    const BASE_URL: &'static str = "https://other.example.com";
    const PATH: PathTemplate = BOARD;
    const OPERATIONS: &'static [Operation] = &[Operation::new(OperationKind::Fetch, HttpMethod::Get, BOARD)];
}

/// A second `Board` on the same host and version: its routes would be indistinguishable.
#[derive(Debug, Deserialize)]
struct Namesake {}

const CARD: PathTemplate = PathTemplate::new(&["/v1/Cards/", ""], &["sid"]);

impl Resource for Namesake {
    type ListPaging = MetaPaging;
    const NAME: &'static str = "Board";
    const BASE_URL: &'static str = "https://boards.example.com";
    const PATH: PathTemplate = CARD;
    const OPERATIONS: &'static [Operation] = &[Operation::new(OperationKind::Fetch, HttpMethod::Get, CARD)];
}

/// A pin, created at its own path: the identifier is the caller's.
#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Pin {
    sid: String,
    board_sid: Option<String>,
    label: Option<String>,
}

const PIN: PathTemplate = PathTemplate::new(&["/v1/Boards/", "/Pins/", ""], &["board_sid", "sid"]);

impl Resource for Pin {
    type ListPaging = MetaPaging;
    const NAME: &'static str = "Pin";
    const BASE_URL: &'static str = "https://boards.example.com";
    const PATH: PathTemplate = PIN;
    const OPERATIONS: &'static [Operation] = &[
        Operation::new(OperationKind::Create, HttpMethod::Post, PIN),
        Operation::new(OperationKind::Fetch, HttpMethod::Get, PIN),
    ];
}

async fn api() -> Api {
    let api = Api::start().await;
    api.emu.register_with(Registration::<Board>::new().sid_prefix("BO")).unwrap();
    api.emu.register::<Note>().unwrap();
    api
}

async fn board(api: &Api) -> String {
    let reply = crate::support::read(
        api.client
            .post(api.url("/v1/Boards"))
            .basic_auth(api.emu.account_sid(), Some(api.emu.auth_token()))
            .header("content-type", "application/json")
            .body(r#"{"friendly_name": "Retro"}"#)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(reply.status, 201, "{}", reply.text);
    reply.json["sid"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_json_create_and_links_to_the_lists_beneath() {
    let api = api().await;
    let sid = board(&api).await;
    assert!(sid.starts_with("BO") && sid.len() == 34, "{sid}");
    let reply = api.get(&format!("/v1/Boards/{sid}")).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.json["friendly_name"], "Retro");
    assert_eq!(reply.json["url"], api.url(&format!("/v1/Boards/{sid}")));
    assert_eq!(reply.json["links"]["notes"], api.url(&format!("/v1/Boards/{sid}/Notes")));
}

#[tokio::test]
async fn form_parameters_are_read_as_their_fields_types() {
    let api = api().await;
    let board = board(&api).await;
    let notes = format!("/v1/Boards/{board}/Notes");
    let note = api
        .post(
            &notes,
            &[("Text", "Ship it"), ("Votes", "3"), ("Pinned", "true"), ("Tags", "a"), ("Tags", "b")],
        )
        .await;
    assert_eq!(note.status, 201, "{}", note.text);
    assert!(note.json["sid"].as_str().unwrap().starts_with("NT"), "the prefix the type declares");
    assert_eq!(note.json["board_sid"], board.as_str());
    assert_eq!((note.json["votes"].as_u64(), note.json["pinned"].as_bool()), (Some(3), Some(true)));
    assert_eq!(note.json["tags"], serde_json::json!(["a", "b"]));

    let bad = api.post(&notes, &[("Votes", "many")]).await;
    bad.assert_error(400, 20001);
    assert!(bad.message().contains("Votes") && bad.message().contains("whole number"), "{}", bad.message());
    let bad = api.post(&notes, &[("Pinned", "maybe")]).await;
    assert!(bad.message().contains("Pinned"), "{}", bad.message());

    let sid = note.json["sid"].as_str().unwrap();
    let updated = api.post(&format!("{notes}/{sid}"), &[("Votes", "4")]).await;
    assert_eq!((updated.status, updated.json["votes"].as_u64()), (200, Some(4)));
    assert_eq!(updated.json["text"], "Ship it");
    let filtered = api.get_query(&notes, &[("Votes", "4")]).await;
    assert_eq!(filtered.json["notes"].as_array().unwrap().len(), 1);
    assert_eq!(api.get_query(&notes, &[("Votes", "5")]).await.json["notes"], serde_json::json!([]));
}

#[tokio::test]
async fn the_route_table_answers_404_and_405_with_allow() {
    let api = api().await;
    let board = board(&api).await;
    let reply = api
        .client
        .put(api.url(&format!("/v1/Boards/{board}/Notes/NO1")))
        .basic_auth(api.emu.account_sid(), Some(api.emu.auth_token()))
        .send()
        .await
        .unwrap();
    let reply = crate::support::read(reply).await;
    reply.assert_error(405, 20004);
    assert_eq!(reply.header("allow"), Some("GET, POST, DELETE"));
    api.get(&format!("/v1/Boards/{board}/Notes/NO1")).await.assert_error(404, 20404);
    api.get("/v1/Boards/x/Other").await.assert_error(404, 20404);
    let unauthorized =
        crate::support::read(api.client.get(api.url("/v1/Boards")).send().await.unwrap()).await;
    unauthorized.assert_error(401, 20003);
    let bad_page = api.get_query("/v1/Boards", &[("PageToken", "nonsense")]).await;
    bad_page.assert_error(400, 20001);
    assert!(bad_page.message().contains("PageToken"), "{}", bad_page.message());
}

#[tokio::test]
async fn faults_apply_to_a_registered_operation_and_it_is_counted() {
    let api = api().await;
    let create = Route::of::<Board>(OperationKind::Create);
    assert_eq!((create.name(), create.to_string()), ("create-board".into(), "create-board@boards.v1".into()));
    assert_eq!(create.to_string().parse::<Route>().unwrap(), create, "the qualified name reads back");
    api.emu.faults().inject(Route::of::<Board>(OperationKind::List), Fault::Unavailable, 1);
    assert_eq!(api.get("/v1/Boards").await.status, 503);
    assert_eq!(api.get("/v1/Boards").await.status, 200);
    board(&api).await;
    assert_eq!(api.emu.request_count(Route::of::<Board>(OperationKind::List)), 2);
    assert_eq!(api.emu.request_count(create), 1);
    assert_eq!(api.emu.request_count(Route::of::<Note>(OperationKind::List)), 0);
    assert_eq!(api.emu.request_count(Route::Any), 3);
}

#[tokio::test]
async fn namesakes_are_told_apart_by_their_homes() {
    let api = Api::start().await;
    let described =
        "[[resource]]\nname = \"Room\"\npath = \"/v3/Rooms/{Sid}\"\noperations = [\"fetch\"]\nfields = {}\n";
    api.emu.register_described(described).unwrap();
    api.emu.create_room("Standup").unwrap();
    let elsewhere: Route = "fetch-room@v3".parse().unwrap();
    api.emu.faults().inject(elsewhere, Fault::Unavailable, 5);
    assert_eq!(api.get("/v1/Rooms/Standup").await.status, 200, "Video's room is not the v3 one");
    api.get("/v3/Rooms/RM1").await.assert_error(503, 20503);
    assert_eq!(api.emu.request_count(elsewhere), 1);
    assert_eq!(api.emu.request_count(Route::FetchRoom), 1);
    // Without a home, a route covers every resource of its name.
    let anywhere: Route = "fetch-room@v3".split('@').next().unwrap().parse().unwrap();
    assert_eq!(anywhere, Route::FetchRoom, "Video's routes keep their names");
}

#[tokio::test]
async fn a_create_at_the_object_s_own_path_keeps_its_identifier() {
    let api = api().await;
    api.emu.register::<Pin>().unwrap();
    let board = board(&api).await;
    let path = format!("/v1/Boards/{board}/Pins/urgent%20one");
    let created = api.post(&path, &[("Label", "Now")]).await;
    assert_eq!(created.status, 201, "{}", created.text);
    assert_eq!(
        (created.json["sid"].as_str(), created.json["board_sid"].as_str()),
        (Some("urgent one"), Some(board.as_str()))
    );
    assert_eq!(api.get(&path).await.json["label"], "Now");
    api.post(&path, &[]).await.assert_error(409, 20409);
    api.post("/v1/Boards/BO0/Pins/x", &[]).await.assert_error(404, 20404);
}

#[tokio::test]
async fn video_s_generated_types_name_video_s_routes() {
    use sidekick::twilio::video::v1::{Participant, Room};
    let api = Api::start().await;
    api.emu.faults().inject(Route::of::<Room>(OperationKind::Create), Fault::InternalError, 1);
    api.post("/v1/Rooms", &[("UniqueName", "A")]).await.assert_error(500, 20500);
    assert_eq!(api.emu.request_count(Route::of::<Room>(OperationKind::Create)), 1);
    assert_eq!(Route::of::<Participant>(OperationKind::List), Route::ListParticipants);
}

#[tokio::test]
async fn registration_refuses_clashes_and_repeats_harmlessly() {
    let emu = Emulator::start().await.unwrap();
    emu.register::<Board>().unwrap();
    emu.register::<Board>().unwrap();
    let clash = emu.register::<Impostor>().unwrap_err().to_string();
    assert!(clash.contains("Impostor") && clash.contains("Board"), "{clash}");
    let unregistered = emu.insert::<Note>(&["BO1"], serde_json::json!({})).unwrap_err().to_string();
    assert!(unregistered.contains("not registered"), "{unregistered}");
    let bad_prefix = emu.register_with(Registration::<Note>::new().sid_prefix("N-")).unwrap_err();
    assert!(bad_prefix.to_string().contains("SID prefix"), "{bad_prefix}");
    let bad_param = emu.register_with(Registration::<Note>::new().param("Body", "body")).unwrap_err();
    assert!(bad_param.to_string().contains("`body`"), "{bad_param}");
    // Video's resources are registered like any other: their paths and names are taken.
    let video = emu
        .register_described("[[resource]]\nname = \"Space\"\npath = \"/v1/Rooms/{Sid}\"\noperations = [\"fetch\"]\nfields = {}\n")
        .unwrap_err();
    assert!(video.to_string().contains("served already, as Room's fetch"), "{video}");
    // A namesake living elsewhere is served, with routes that name its home; one living at
    // the same host and version is refused.
    let room = emu
        .register_described("[[resource]]\nname = \"Room\"\npath = \"/v3/Rooms/{Sid}\"\noperations = [\"fetch\"]\nfields = {}\n")
        .unwrap();
    assert_eq!(room, ["Room"]);
    let routes: Vec<String> = emu.registered_routes().iter().map(|r| r.qualified_name()).collect();
    assert!(
        routes.contains(&"fetch-room".to_owned()) && routes.contains(&"fetch-room@v3".to_owned()),
        "{routes:?}"
    );
    let namesake = emu.register::<Namesake>().unwrap_err().to_string();
    assert!(namesake.contains("named Board") && namesake.contains("boards.v1"), "{namesake}");
    let skewed = emu
        .register_described(
            "[[resource]]\nname = \"Pad\"\npath = \"/v1/Pads/{Sid}\"\nlist_path = \"/v1/Desks/{Desk}/Pads\"\noperations = [\"list\"]\nfields = {}\n",
        )
        .unwrap_err();
    assert!(skewed.to_string().contains("placeholder"), "{skewed}");
}

const MEMBER: PathTemplate = PathTemplate::new(&["/v1/Boards/", "/Members/", ""], &["board_sid", "sid"]);
const MEMBERS: PathTemplate = PathTemplate::new(&["/v1/Boards/", "/Members"], &["board_sid"]);

/// A board member, with Video's ways: found by name while active, removed by an update that
/// stamps when they left and answers 202, and lists of active members unless asked otherwise.
#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Member {
    sid: String,
    name: Option<String>,
    status: Option<String>,
    date_created: Option<String>,
    left_at: Option<String>,
}

impl Resource for Member {
    type ListPaging = MetaPaging;
    const NAME: &'static str = "Member";
    const BASE_URL: &'static str = "https://boards.example.com";
    const PATH: PathTemplate = MEMBER;
    const OPERATIONS: &'static [Operation] = &[
        Operation::new(OperationKind::Create, HttpMethod::Post, MEMBERS),
        Operation::new(OperationKind::Fetch, HttpMethod::Get, MEMBER),
        Operation::new(OperationKind::Update, HttpMethod::Post, MEMBER),
        Operation::new(OperationKind::List, HttpMethod::Get, MEMBERS).list_key("members"),
    ];
}

fn member_hooks() -> Registration<Member> {
    Registration::<Member>::new()
        .also_known_as(|member| {
            let active = member.get_str("status") == Some("active");
            member.get_str("name").filter(|_| active).map(str::to_owned)
        })
        .on_create(|member| {
            if member.get_str("name").is_none_or(str::is_empty) {
                return Err(sidekick_emulator::HookError::bad_request("Name", "a member needs a name"));
            }
            member.set("status", "active");
            Ok(())
        })
        .on_update(|member| {
            if member.param("Status") == Some("left") {
                let now = member.timestamp(member.now());
                member.set("left_at", now);
                member.answer_with(202);
            }
            Ok(())
        })
        .list_filter(|query| {
            let status = query.get("Status").unwrap_or("active").to_owned();
            let after = match query.get("DateCreatedAfter") {
                Some(text) => Some(chrono::DateTime::parse_from_rfc3339(text).map_err(|_| {
                    sidekick_emulator::ParamError::new("DateCreatedAfter", "must be an RFC 3339 time")
                })?),
                None => None,
            };
            Ok(Box::new(move |member| {
                member.get_str("status") == Some(status.as_str())
                    && after.is_none_or(|after| member.get_time("date_created").is_some_and(|t| t > after))
            }))
        })
}

#[tokio::test]
async fn hooks_give_a_resource_video_s_ways() {
    let api = Api::start().await;
    api.emu.clock().set(crate::support::at(0));
    api.emu.register_with(member_hooks()).unwrap();
    let members = "/v1/Boards/BO1/Members";
    let nameless = api.post(members, &[]).await;
    nameless.assert_error(400, 20001);
    assert!(nameless.message().contains("Name"), "{}", nameless.message());
    let alice = api.post(members, &[("Name", "Alice")]).await;
    assert_eq!((alice.status, alice.json["status"].as_str()), (201, Some("active")));
    api.emu.clock().set(crate::support::at(10));
    api.post(members, &[("Name", "Bob")]).await;

    let by_name = api.get(&format!("{members}/Alice")).await;
    assert_eq!(by_name.json["sid"], alice.json["sid"]);
    let left = api.post(&format!("{members}/Alice"), &[("Status", "left")]).await;
    assert_eq!((left.status, left.json["status"].as_str()), (202, Some("left")));
    assert_eq!(left.json["left_at"], "2015-07-30T20:00:10Z");
    api.get(&format!("{members}/Alice")).await.assert_error(404, 20404);
    let sid = alice.json["sid"].as_str().unwrap();
    assert_eq!(api.get(&format!("{members}/{sid}")).await.json["status"], "left", "still found by SID");

    let names = |reply: crate::support::Reply| {
        crate::support::field(reply.json["members"].as_array().unwrap(), "name")
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(api.get(members).await), ["Bob"]);
    assert_eq!(names(api.get_query(members, &[("Status", "left")]).await), ["Alice"]);
    assert!(names(api.get_query(members, &[("DateCreatedAfter", "2015-07-30T20:00:10Z")]).await).is_empty());
    assert_eq!(names(api.get_query(members, &[("DateCreatedAfter", "2015-07-30T20:00:05Z")]).await), ["Bob"]);
    let bad = api.get_query(members, &[("DateCreatedAfter", "yesterday")]).await;
    bad.assert_error(400, 20001);
    assert!(bad.message().contains("DateCreatedAfter"), "{}", bad.message());
}

#[tokio::test]
async fn a_panicking_hook_is_a_500_and_the_world_stays_whole() {
    let api = Api::start().await;
    let fragile = Registration::<Member>::new().on_create(|member| {
        assert!(member.param("Name") != Some("boom"), "hook failure");
        Ok(())
    });
    api.emu.register_with(fragile).unwrap();
    let members = "/v1/Boards/BO1/Members";
    api.post(members, &[("Name", "boom")]).await.assert_error(500, 20500);
    let fine = api.post(members, &[("Name", "Ann")]).await;
    assert_eq!(fine.status, 201, "{}", fine.text);
    assert_eq!(api.get(members).await.json["members"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn identifiers_and_parents_cannot_be_rewritten_by_parameters() {
    let api = api().await;
    let board = board(&api).await;
    let notes = format!("/v1/Boards/{board}/Notes");
    let note = api.post(&notes, &[("Sid", "NOhijack"), ("BoardSid", "BOother"), ("Text", "x")]).await;
    assert_eq!(note.status, 201, "{}", note.text);
    let sid = note.json["sid"].as_str().unwrap().to_owned();
    assert_ne!(sid, "NOhijack", "the emulator makes SIDs, as Twilio does");
    assert_eq!(note.json["board_sid"], board.as_str());
    let updated = api.post(&format!("{notes}/{sid}"), &[("Sid", "NOhijack"), ("BoardSid", "BOother")]).await;
    assert_eq!(
        (updated.json["sid"].as_str(), updated.json["board_sid"].as_str()),
        (Some(sid.as_str()), Some(board.as_str()))
    );
    assert_eq!(api.get(&format!("{notes}/{sid}")).await.status, 200);
    let pinned = api.get_query(&notes, &[("Pinned", "TRUE")]).await;
    assert_eq!(pinned.json["notes"], serde_json::json!([]));
    api.post(&format!("{notes}/{sid}"), &[("Pinned", "true")]).await;
    let pinned = api.get_query(&notes, &[("Pinned", "TRUE")]).await;
    assert_eq!(
        pinned.json["notes"].as_array().unwrap().len(),
        1,
        "filters read values as their field's kind"
    );
}

const SHELF: PathTemplate = PathTemplate::new(&["/v1/Shelves/", ""], &["sid"]);
const SHELVES: PathTemplate = PathTemplate::new(&["/v1/Shelves"], &[]);
const BOOK: PathTemplate = PathTemplate::new(&["/v1/Shelves/", "/Books/", ""], &["shelf_sid", "sid"]);
const BOOKS: PathTemplate = PathTemplate::new(&["/v1/Shelves/", "/Books"], &["shelf_sid"]);

/// A shelf, found by its unique name too, whose closing lends out its books: Video's room
/// completion, in miniature.
#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Shelf {
    sid: String,
    unique_name: Option<String>,
    status: Option<String>,
}

impl Resource for Shelf {
    type ListPaging = MetaPaging;
    const NAME: &'static str = "Shelf";
    const BASE_URL: &'static str = "https://library.example.com";
    const PATH: PathTemplate = SHELF;
    const OPERATIONS: &'static [Operation] = &[
        Operation::new(OperationKind::Create, HttpMethod::Post, SHELVES),
        Operation::new(OperationKind::Fetch, HttpMethod::Get, SHELF),
        Operation::new(OperationKind::Update, HttpMethod::Post, SHELF),
    ];
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Book {
    sid: String,
    shelf_sid: Option<String>,
    title: Option<String>,
    status: Option<String>,
}

impl Resource for Book {
    type ListPaging = MetaPaging;
    const NAME: &'static str = "Book";
    const BASE_URL: &'static str = "https://library.example.com";
    const PATH: PathTemplate = BOOK;
    const OPERATIONS: &'static [Operation] = &[
        Operation::new(OperationKind::Create, HttpMethod::Post, BOOKS),
        Operation::new(OperationKind::Fetch, HttpMethod::Get, BOOK),
        Operation::new(OperationKind::List, HttpMethod::Get, BOOKS).list_key("books"),
    ];
}

#[tokio::test]
async fn parents_are_found_by_alias_and_hooks_change_their_children() {
    let api = Api::start().await;
    let shelves = Registration::<Shelf>::new()
        .also_known_as(|shelf| {
            let open = shelf.get_str("status") == Some("open");
            shelf.get_str("unique_name").filter(|_| open).map(str::to_owned)
        })
        .on_create(|shelf| {
            shelf.set("status", "open");
            Ok(())
        })
        .on_update(|shelf| {
            if shelf.param("Status") == Some("closed") {
                let sid = shelf.get_str("sid").unwrap_or_default().to_owned();
                let lent = shelf.for_each::<Book>(&[&sid], |book| book.set("status", "lent"))?;
                assert_eq!(lent, 2);
            }
            Ok(())
        });
    api.emu.register_with(shelves).unwrap();
    api.emu
        .register_with(Registration::<Book>::new().on_create(|book| {
            book.set("status", "shelved");
            Ok(())
        }))
        .unwrap();

    let shelf = api.post("/v1/Shelves", &[("UniqueName", "Poetry")]).await;
    let sid = shelf.json["sid"].as_str().unwrap().to_owned();
    for title in ["Odes", "Sonnets"] {
        let book = api.post("/v1/Shelves/Poetry/Books", &[("Title", title)]).await;
        assert_eq!(
            (book.status, book.json["shelf_sid"].as_str()),
            (201, Some(sid.as_str())),
            "{}",
            book.text
        );
    }
    let by_name = api.get("/v1/Shelves/Poetry/Books").await;
    let by_sid = api.get(&format!("/v1/Shelves/{sid}/Books")).await;
    assert_eq!(by_name.json["books"].as_array().unwrap().len(), 2, "{}", by_name.text);
    assert_eq!(by_name.json["books"], by_sid.json["books"]);
    api.get("/v1/Shelves/Prose/Books").await.assert_error(404, 20404);
    api.post("/v1/Shelves/Prose/Books", &[("Title", "Nowhere")]).await.assert_error(404, 20404);

    let closed = api.post("/v1/Shelves/Poetry", &[("Status", "closed")]).await;
    assert_eq!(closed.json["status"], "closed", "{}", closed.text);
    let books = api.get(&format!("/v1/Shelves/{sid}/Books")).await;
    let statuses: Vec<&str> =
        books.json["books"].as_array().unwrap().iter().map(|b| b["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["lent", "lent"]);
    api.get("/v1/Shelves/Poetry/Books").await.assert_error(404, 20404);
}

const BOARD_SETTINGS: PathTemplate = PathTemplate::new(&["/v1/Boards/", "/Settings"], &["board_sid"]);

/// A singleton under a board: no identifier of its own, so it is seeded, fetched and updated
/// by its parent's path alone, and nothing nests under it.
#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct BoardSettings {
    board_sid: Option<String>,
    theme: Option<String>,
    url: Option<String>,
}

impl Resource for BoardSettings {
    type ListPaging = MetaPaging;
    const NAME: &'static str = "BoardSettings";
    const BASE_URL: &'static str = "https://boards.example.com";
    const PATH: PathTemplate = BOARD_SETTINGS;
    const OPERATIONS: &'static [Operation] = &[
        Operation::new(OperationKind::Fetch, HttpMethod::Get, BOARD_SETTINGS),
        Operation::new(OperationKind::Update, HttpMethod::Post, BOARD_SETTINGS),
    ];
}

#[tokio::test]
async fn a_singleton_lives_at_its_parent_s_path() {
    let api = Api::start().await;
    api.emu.register::<BoardSettings>().unwrap();
    api.get("/v1/Boards/BO1/Settings").await.assert_error(404, 20404);
    let seeded: BoardSettings = api.emu.insert(&["BO1"], serde_json::json!({"theme": "dark"})).unwrap();
    assert_eq!(seeded.board_sid.as_deref(), Some("BO1"));
    let updated = api.post("/v1/Boards/BO1/Settings", &[("Theme", "light")]).await;
    assert_eq!((updated.status, updated.json["theme"].as_str()), (200, Some("light")), "{}", updated.text);
    assert_eq!(updated.json["url"], api.url("/v1/Boards/BO1/Settings"));
    api.get("/v1/Boards/BO2/Settings").await.assert_error(404, 20404);
    let again = api.emu.insert::<BoardSettings>(&["BO1"], serde_json::json!({})).unwrap_err();
    assert!(again.to_string().contains("exists already"), "{again}");
}
