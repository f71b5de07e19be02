//! A downstream crate, as a user writes one: it depends on `sidekick` only.
//!
//! Each module declares the resources of one API with `#[derive(sidekick::Resource)]` and
//! their parameters with `#[derive(sidekick::Params)]`: Twilio APIs of every shape (the 2010
//! API's `.json` paths and relative next-page URIs, JSON bodies, `PUT` and `PATCH`, header
//! parameters, singletons, token and SCIM paging, redirects) and one API that is not
//! Twilio's, [`github`], whose Link-header paging is a [`sidekick::Paging`] shape of this
//! crate.
//!
//! ```no_run
//! use downstream::api_v2010::{CreateMessage, Message, MessageFilter};
//!
//! # async fn run(client: &sidekick::Client) -> sidekick::Result<()> {
//! let sent = Message::create(client, &CreateMessage::sms("+15558675310", "+15017122661", "Hi")).await?;
//! let today = MessageFilter { sent_after: chrono::NaiveDate::from_ymd_opt(2024, 1, 1), ..Default::default() };
//! let recent = Message::list(client, &today).limit(100).collect().await?;
//! Message::redact(client, &sent.sid).await?;
//! # let _ = recent; Ok(()) }
//! ```

#![warn(missing_docs)]

pub mod accounts;
pub mod api_v2010;
pub mod assistants;
pub mod bulkexports;
pub mod content;
pub mod conversations;
pub mod github;
pub mod iam;
pub mod lookups;
pub mod numbers;
pub mod taskrouter;
