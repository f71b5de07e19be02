//! The runtime of [sidekick](https://docs.rs/sidekick): the [`Client`], request building,
//! paging, errors and retries behind `#[derive(Resource)]`.
//!
//! Use it through the `sidekick` crate, which re-exports everything here together with the
//! derive and the Twilio bindings. Everything that touches HTTP is generic over
//! [`Resource`], so the derive only has to describe a resource, never how to call it:
//!
//! - [`fetch`], [`update`], [`create`], [`delete`] return a [`Call`]: `.await` it.
//! - [`list`] returns a [`ListRequest`]: read it as a stream, pages, one page, or a `Vec`.
//! - Every failure is one [`Error`], which keeps the HTTP status whenever there was one.

#![warn(missing_docs)]

mod call;
mod client;
mod decode;
mod error;
pub mod form;
mod host;
mod paging;
mod path;
mod request;
mod resource;
mod retry;
pub mod timestamp;
mod transport;

pub use call::Call;
pub use client::{Client, ClientBuilder};
pub use error::{ApiError, Error, Result};
pub use paging::{ItemStream, ListRequest, MAX_PAGE_SIZE, Page, PageMeta, PageStream};
pub use path::PathTemplate;
pub use reqwest::StatusCode;
pub use resource::{Resource, create, delete, fetch, list, update};
pub use retry::RetryPolicy;
