//! # sidekick
//!
//! Typed clients for Twilio-style REST APIs. Put `#[derive(Resource)]` and
//! `#[resource(path = "...")]` on a plain struct and get typed `fetch`, `update`, `create`,
//! `delete` and `list` methods; a small runtime does auth, encoding, paging, errors and
//! retries. The Twilio Video Room Participant binding, [`twilio::video::v1::Participant`], is
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

pub mod twilio;

/// Derives [`Resource`](trait@Resource) and typed methods from `#[resource(...)]`.
///
/// The struct must have named fields and implement `serde::Deserialize`. Keys:
///
/// | key | value | meaning |
/// |---|---|---|
/// | `path` | `"/v1/Rooms/<room>/Participants/<sid>"` | required. Literal segments and whole-segment `<placeholders>`; each placeholder becomes a method parameter taking any `AsRef<str>`. A path ending in a placeholder is an instance; one ending in a literal is a singleton. |
/// | `base_url` | `"https://video.twilio.com"` | where the resource lives (the default); subject to region/edge and overrides on the [`Client`]. |
/// | `update` | a `Serialize` type | adds `update(client, ..., &params)`: `POST` to the path with a form body. |
/// | `create` | a `Serialize` type | adds `create(client, ..., &params)`: `POST` to the list path. |
/// | `delete` | (no value) | adds `delete(client, ...)`: `DELETE` the path. |
/// | `list` | (no value), or a `Serialize` filter type | adds `list(client, ...[, &filter])`, returning a [`ListRequest`]. |
/// | `list_path` | `"/v1/Rooms/<room>/Recordings"` | the list path, when it is not the path minus its last placeholder (required for `list`/`create` on a singleton). |
/// | `list_key` | `"participants"` | the JSON key of a page's items; by default the list path's last literal segment in snake_case. |
/// | `crate` | `"my_sidekick"` | the path of this crate when it is renamed or re-exported. |
///
/// `fetch(client, ...)` always exists. Placeholders spelled as in Twilio's specification
/// (`<RoomSid>`) become snake_case parameters (`room_sid`).
///
/// Mistakes are compile errors that point at the key or value at fault and say how to fix
/// it; all of an attribute's mistakes are reported in one compile, and the derive still
/// expands what it can recover, so calls to the generated methods do not add follow-on
/// errors (except when there is no usable `path` at all, or on a union: then no methods can
/// be generated):
///
/// ```text
/// error: unknown key `pth`: did you mean `path`? expected one of `path`, `base_url`, ...
///  --> src/video.rs:4:12
///   |
/// 4 | #[resource(pth = "/v1/Rooms/<room>/Participants/<sid>")]
///   |            ^^^
/// ```
///
/// ```
/// use serde::{Deserialize, Serialize};
/// use sidekick::Resource;
///
/// #[derive(Debug, Deserialize, Resource)]
/// #[resource(path = "/v1/Rooms/<room>/Participants/<participant>/PublishedTracks/<sid>", list)]
/// pub struct PublishedTrack {
///     pub sid: Option<String>,
///     pub name: Option<String>,
/// }
///
/// #[derive(Debug, Deserialize, Resource)]
/// #[resource(path = "/v1/Rooms/<room>/RecordingRules", update = UpdateRules)]
/// pub struct RecordingRules {
///     pub room_sid: Option<String>,
/// }
///
/// #[derive(Serialize)]
/// pub struct UpdateRules {
///     #[serde(rename = "Rules")]
///     pub rules: serde_json::Value,
/// }
///
/// #[derive(Debug, Deserialize, Resource)]
/// #[resource(path = "/v1/Compositions/<sid>", create = NewComposition, delete, list)]
/// pub struct Composition {
///     pub sid: Option<String>,
/// }
///
/// #[derive(Serialize)]
/// pub struct NewComposition {
///     #[serde(rename = "RoomSid")]
///     pub room_sid: String,
/// }
///
/// # async fn run(client: &sidekick::Client) -> sidekick::Result<()> {
/// let tracks = PublishedTrack::list(client, "DailyStandup", "Alice").collect().await?;
/// let rules = RecordingRules::fetch(client, "DailyStandup").await?;
/// let made = Composition::create(client, &NewComposition { room_sid: "RM123".into() }).await?;
/// Composition::delete(client, made.sid.unwrap_or_default()).await?;
/// # let _ = (tracks, rules); Ok(()) }
/// ```
pub use sidekick_macros::Resource;

/// What generated code names; not a public API.
#[doc(hidden)]
pub mod __private {
    pub use serde::de::DeserializeOwned;
    pub use sidekick_runtime::{
        Call, Client, ListRequest, PathTemplate, Resource, create, delete, fetch, list, update,
    };
}
