//! # sidekick
//!
//! Typed clients for Twilio-style REST APIs. Put `#[derive(Resource)]` on a plain struct, say
//! in `#[resource(...)]` where it lives and which operations its API has, and get one typed
//! method for each; a small runtime does auth, encoding, paging, errors and retries. The Twilio Video Room Participant binding, [`twilio::video::v1::Participant`], is
//! written the same way.
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use sidekick::Client;
//! use sidekick::twilio::video::v1::{Participant, ParticipantFilter};
//!
//! # async fn run() -> sidekick::Result<()> {
//! let client = Client::from_env()?;
//! let alice = Participant::fetch(&client, "DailyStandup", "Alice").await?;
//! println!("{:?} joined at {:?}", alice.identity, alice.start_time);
//!
//! let mut everyone = Participant::list(&client, "DailyStandup", &ParticipantFilter::connected()).stream();
//! while let Some(p) = everyone.try_next().await? {
//!     println!("{:?}", p.identity);
//! }
//! Participant::kick(&client, "DailyStandup", "Alice").await?;
//! # Ok(()) }
//! ```

#![warn(missing_docs)]

// Lets the bindings in this crate use the derive, which names `::sidekick`.
extern crate self as sidekick;

pub use sidekick_runtime::*;

mod string_enum;
pub mod twilio;

/// Derives [`Resource`](trait@Resource) and one typed method per declared operation from
/// `#[resource(...)]`.
///
/// The struct must have named fields and implement `serde::Deserialize`. Keys:
///
/// | key | value | meaning |
/// |---|---|---|
/// | `base_url` | `"https://video.twilio.com"`, or a `&str` constant's path | required: where the resource lives; subject to region/edge and overrides on the [`Client`]. A constant lets a module's resources share one. |
/// | `path` | `"/v1/Rooms/<room>/Participants/<sid>"` | required: the instance (or singleton) path. Each `<placeholder>` becomes a method parameter taking any `AsRef<str>`, percent-encoded as data; a placeholder may share a segment with text (`<sid>.json`). |
/// | `account` | `"account_sid"` | the placeholder filled from the client's account SID (Twilio's 2010 API), so methods do not take it; `.account_sid(..)` on a call names another account. |
/// | `sid_prefix` | `"RM"` | the letters the resource's SIDs start with (`RM` and 32 hex digits for a Video room): 1 to 8 capitals or digits, starting with a capital. Sets [`Resource::SID_PREFIX`], for code that makes or recognises SIDs, such as a local fake server. |
/// | `fetch` | flag, params type, or `(...)` | `fetch(client, ...)`: `GET` the path. `response = "redirect"` for an answer that is a redirect ([`Redirect`]). |
/// | `create` | flag, params type, or `(...)` | `create(client, ...[, &params])`: `POST` to the list path. |
/// | `update` | flag, params type, or `(...)` | `update(client, ...[, &params])`: `POST` (or `method = "PUT"`/`"PATCH"`) to the path. |
/// | `patch` | flag, params type, or `(...)` | `patch(client, ...[, &params])`: `PATCH` the path, beside an `update` that replaces (`PUT`). |
/// | `delete` | flag, params type, or `(...)` | `delete(client, ...)`: `DELETE` the path; gives `()`. |
/// | `list` | flag, filter type, or `(...)` | `list(client, ...[, &filter])`: a [`ListRequest`] over the list path. |
/// | `crate` | `"my_sidekick"` | the path of this crate when it is renamed or re-exported. |
///
/// Only the declared operations exist. Inside an operation's parentheses:
///
/// | key | operations | value |
/// |---|---|---|
/// | `params` | all | the type of its parameters ([`Params`](trait@Params)): body, query and header fields |
/// | `path` | all | its own path; by default the instance path, and for `create`/`list` the list path (the instance path without its last segment, keeping a `.json` suffix) |
/// | `method` | `update` | `"POST"` (default), `"PUT"` or `"PATCH"` |
/// | `body` | `create`, `update`, `patch` | `"form"` (default), `"json"`, or a JSON media type such as `"application/scim+json"` |
/// | `response` | `fetch`, `create`, `update`, `patch` | `"json"` (default: the resource), `"empty"` (an answer without a body, such as 204: `()`), `"redirect"` (`fetch` only) |
/// | `returns` | `fetch`, `create`, `update`, `patch` | the type a JSON answer decodes into when it is not the resource, as in `create(params = NewKey, returns = KeyWithSecret)`: the method gives `Call<KeyWithSecret>` |
/// | `key` | `list` | the JSON key of a page's items; by default the list path's last literal segment in snake_case (`Calls.json` gives `calls`) |
/// | `paging` | `list` | `"meta"` (default: Twilio's `meta.next_page_url`), `"next_page_uri"` (Twilio's 2010 API), `"token"` (`meta.next_token`), `"scim"`, `"page_number"` (`has_next` and `Page`), or a type implementing [`Paging`] |
///
/// Placeholders spelled as in Twilio's specification (`<RoomSid>`) become snake_case
/// parameters (`room_sid`).
///
/// Mistakes are compile errors that point at the key or value at fault and say how to fix
/// it; all of an attribute's mistakes are reported in one compile, and the derive still
/// expands what it can recover, so calls to the generated methods do not add follow-on
/// errors (except when there is no usable `path` at all, or on a union: then no methods can
/// be generated):
///
/// ```text
/// error: unknown key `pth`: did you mean `path`? expected one of `base_url`, `path`, ...
///  --> src/video.rs:4:12
///   |
/// 4 | #[resource(pth = "/v1/Rooms/<room>/Participants/<sid>")]
///   |            ^^^
/// ```
///
/// ```
/// use serde::{Deserialize, Serialize};
/// use sidekick::{Params, Resource};
///
/// const VIDEO: &str = "https://video.twilio.com";
///
/// #[derive(Debug, Deserialize, Resource)]
/// #[resource(
///     base_url = VIDEO,
///     path = "/v1/Rooms/<room>/Participants/<participant>/PublishedTracks/<sid>",
///     fetch,
///     list
/// )]
/// pub struct PublishedTrack {
///     pub sid: Option<String>,
///     pub name: Option<String>,
/// }
///
/// #[derive(Debug, Deserialize, Resource)]
/// #[resource(base_url = VIDEO, path = "/v1/Rooms/<room>/RecordingRules", fetch, update = UpdateRules)]
/// pub struct RecordingRules {
///     pub room_sid: Option<String>,
/// }
///
/// #[derive(Serialize, Params)]
/// pub struct UpdateRules {
///     #[serde(rename = "Rules")]
///     pub rules: serde_json::Value,
/// }
///
/// #[derive(Debug, Deserialize, Resource)]
/// #[resource(
///     base_url = "https://api.twilio.com",
///     path = "/2010-04-01/Accounts/<account_sid>/Messages/<sid>.json",
///     account = "account_sid",
///     fetch,
///     create = CreateMessage,
///     delete,
///     list(paging = "next_page_uri")
/// )]
/// pub struct Message {
///     pub sid: Option<String>,
///     pub body: Option<String>,
/// }
///
/// #[derive(Serialize, Params)]
/// #[serde(rename_all = "PascalCase")]
/// pub struct CreateMessage {
///     pub to: String,
///     pub from: String,
///     pub body: String,
/// }
///
/// # async fn run(client: &sidekick::Client) -> sidekick::Result<()> {
/// let tracks = PublishedTrack::list(client, "DailyStandup", "Alice").collect().await?;
/// let rules = RecordingRules::fetch(client, "DailyStandup").await?;
/// let sms = CreateMessage { to: "+15558675310".into(), from: "+15017122661".into(), body: "Hi".into() };
/// let sent = Message::create(client, &sms).await?;
/// let elsewhere = Message::fetch(client, "SM123").account_sid("ACsubaccount").await?;
/// Message::delete(client, sent.sid.unwrap_or_default()).await?;
/// # let _ = (tracks, rules, elsewhere); Ok(()) }
/// ```
pub use sidekick_macros::Resource;

/// Derives [`Params`](trait@Params): where each field of an operation's parameters is sent.
///
/// The type serializes with serde as usual; each field's wire name is the one serde uses
/// (`#[serde(rename = "...")]`, the container's `rename_all`). A field goes to the body of a
/// `POST`, `PUT` or `PATCH` and to the query string of a `GET` or `DELETE`, unless marked:
///
/// | field attribute | sends the field |
/// |---|---|
/// | `#[param(query)]` | in the query string, whatever the method |
/// | `#[param(header)]` | as a request header named by its wire name (checked at compile time) |
/// | `#[param(body)]` | in the body (the default where there is one) |
///
/// On the struct, `#[param(crate = "my_sidekick")]` names this crate when it is renamed. A
/// `#[serde(flatten)]` field's own fields keep the places its type (also `Params`) gives them.
/// `None` leaves a parameter out in every place and encoding; a sequence repeats it in forms
/// and queries (`Fields=a&Fields=b`) and is comma-separated in a header. Header names are
/// checked at compile time: a valid token, no `_` (proxies drop such headers), and none the
/// client sets itself (`Authorization`, `Host`, `Content-Type`, `User-Agent`, ...).
///
/// ```
/// use serde::Serialize;
/// use sidekick::Params;
///
/// #[derive(Serialize, Params)]
/// #[serde(rename_all = "PascalCase")]
/// pub struct CreateConversation {
///     pub friendly_name: Option<String>,
///     #[param(header)]
///     #[serde(rename = "X-Twilio-Webhook-Enabled")]
///     pub webhook_enabled: Option<bool>,
/// }
///
/// #[derive(Serialize, Params)]
/// pub struct MessageFilter {
///     #[serde(rename = "DateSent>")]
///     pub sent_after: Option<String>,
/// }
/// ```
pub use sidekick_macros::Params;

/// What generated code names; not a public API.
#[doc(hidden)]
pub mod __private {
    pub use serde;
    pub use serde::Serialize;
    pub use serde::de::DeserializeOwned;
    pub use sidekick_runtime::{
        BodyFormat, Call, Client, HttpMethod, ListRequest, MetaPaging, Operation, OperationKind,
        PageNumberPaging, ParamLocation, Params, PathTemplate, Redirect, Resource, ResponseKind, ScimPaging,
        TokenPaging, UriPaging, assert_base_url, call, call_empty, call_redirect, call_returning, list,
    };
}
