//! The runtime of [sidekick](https://docs.rs/sidekick): the [`Client`], request building,
//! paging, errors and retries behind `#[derive(Resource)]`.
//!
//! Use it through the `sidekick` crate, which re-exports everything here together with the
//! derive and the Twilio bindings. Everything that touches HTTP is generic over
//! [`Resource`], so the derive only has to describe a resource, never how to call it:
//!
//! - [`call`], [`call_empty`] and [`call_redirect`] send one [`Operation`] and return a
//!   [`Call`]: `.await` it.
//! - [`list`] returns a [`ListRequest`] in any [`Paging`] shape: read it as a stream, pages,
//!   one page, or a `Vec`.
//! - Every failure is one [`Error`], which keeps the HTTP status whenever there was one.

//!
//! # Tracing
//!
//! Every attempt runs in a `DEBUG` span named `sidekick.request` with the fields `resource`
//! (`Participant`), `operation` (`fetch`, `list`, ...), `method`, `path` (the path *template*,
//! `/v1/Rooms/<room>/Participants/<sid>`: rendered paths carry identities and phone numbers,
//! which are personal data), `attempt` (from 1), and, once known, `status` and `latency_ms`.
//! Inside it, `DEBUG` events say `response`, `failed` (with the error's kind, status and
//! Twilio code, or the transport's cause: never a server message, which can quote paths) and
//! `retrying` (with the delay). No span or event carries credentials, rendered paths, query
//! strings or bodies.

#![warn(missing_docs)]

mod call;
mod client;
mod decimal;
mod decode;
mod error;
pub mod form;
mod host;
pub mod links;
mod operation;
mod paging;
mod params;
mod path;
mod request;
mod resource;
mod response;
mod retry;
pub mod timestamp;
mod tls;
mod transport;

pub use call::Call;
pub use client::{Client, ClientBuilder};
pub use decimal::{Decimal, DecimalError};
pub use error::{ApiError, Error, Result};
pub use links::Links;
pub use operation::{BodyFormat, HttpMethod, Operation, OperationKind, ResponseKind};
pub use paging::{
    ItemStream, ListRequest, MAX_PAGE_SIZE, MetaPaging, NextPage, Page, PageMeta, PageNumberMeta,
    PageNumberPaging, PageStream, Paging, RawPage, ScimPageMeta, ScimPaging, TokenPageMeta, TokenPaging,
    UriPageMeta, UriPaging,
};
pub use params::{ParamLocation, Params, RESERVED_HEADERS};
pub use path::PathTemplate;
pub use reqwest::StatusCode;
pub use reqwest::header::HeaderMap;
pub use resource::{
    Resource, ResourceVisitor, assert_base_url, call, call_empty, call_redirect, call_returning, list,
};
pub use response::{Redirect, Response};
pub use retry::RetryPolicy;
