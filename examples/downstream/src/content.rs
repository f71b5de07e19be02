//! Content v1 (`https://content.twilio.com`): message templates, created with a JSON body.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sidekick::{Params, Resource};

/// The base URL of the Content API.
pub const BASE_URL: &str = "https://content.twilio.com";

/// A message template: one or more content types with `{{1}}`-style variables.
#[derive(Debug, Clone, PartialEq, Deserialize, Resource)]
#[resource(
    base_url = BASE_URL,
    path = "/v1/Content/<sid>",
    fetch,
    create(params = CreateContent, body = "json"),
    delete
)]
pub struct Content {
    /// The template SID (`HX...`).
    pub sid: String,
    /// The account it belongs to (`AC...`).
    pub account_sid: Option<String>,
    /// A display name, not shown to recipients.
    pub friendly_name: Option<String>,
    /// ISO 639-1 language code.
    pub language: Option<String>,
    /// Default values of the variables, by name.
    pub variables: Option<BTreeMap<String, String>>,
    /// The template's content, by type.
    pub types: Option<ContentTypes>,
    /// The absolute URL of the resource.
    pub url: Option<String>,
    /// When the resource was created.
    pub date_created: Option<DateTime<Utc>>,
    /// When the resource was last updated.
    pub date_updated: Option<DateTime<Utc>>,
    /// URLs of related resources, by name (`approval_create`, `approval_fetch`).
    pub links: Option<sidekick::Links>,
}

/// A template's content by type; the types this crate knows, others are ignored when reading.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContentTypes {
    /// `twilio/text`.
    #[serde(rename = "twilio/text", skip_serializing_if = "Option::is_none")]
    pub text: Option<TwilioText>,
    /// `twilio/media`.
    #[serde(rename = "twilio/media", skip_serializing_if = "Option::is_none")]
    pub media: Option<TwilioMedia>,
    /// `twilio/location`.
    #[serde(rename = "twilio/location", skip_serializing_if = "Option::is_none")]
    pub location: Option<TwilioLocation>,
}

/// Plain text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TwilioText {
    /// The text, with variables.
    pub body: String,
}

/// Media with optional text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TwilioMedia {
    /// The text, with variables.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// Public URLs of the media.
    pub media: Vec<String>,
}

/// A map pin.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TwilioLocation {
    /// Degrees north.
    pub latitude: f64,
    /// Degrees east.
    pub longitude: f64,
    /// The pin's label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// The JSON body of [`Content::create`]. Unset optional properties are left out of the body
/// (a JSON body keeps `null`s, so they are skipped here).
#[derive(Debug, Clone, Default, Serialize, Params)]
pub struct CreateContent {
    /// A display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub friendly_name: Option<String>,
    /// ISO 639-1 language code; required.
    pub language: String,
    /// Default values of the variables, by name.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub variables: BTreeMap<String, String>,
    /// The content, by type; at least one.
    pub types: ContentTypes,
}
