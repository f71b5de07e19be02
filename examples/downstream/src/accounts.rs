//! Accounts v1 (`https://accounts.twilio.com`): the account's messaging geo permissions, a
//! singleton (a path without placeholders) read with `GET` and changed with `PATCH`.

use serde::{Deserialize, Serialize};
use sidekick::{Params, Resource};

/// The base URL of the Accounts API.
pub const BASE_URL: &str = "https://accounts.twilio.com";

/// Which countries the account may send messages to.
#[derive(Debug, Clone, PartialEq, Deserialize, Resource)]
#[resource(
    base_url = BASE_URL,
    path = "/v1/Messaging/GeoPermissions",
    fetch = GeoPermissionsFilter,
    update(params = UpdateGeoPermissions, method = "PATCH")
)]
pub struct MessagingGeoPermissions {
    /// One entry per country (all of them, or those filtered or changed).
    #[serde(default)]
    pub permissions: Vec<GeoPermission>,
}

/// The permission for one country, as read or as the result of a change.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct GeoPermission {
    /// ISO 3166-1 alpha-2 country code.
    pub country_code: String,
    /// The kind of permission (`country`).
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Whether sending to the country is allowed.
    pub enabled: Option<bool>,
    /// The country's calling prefix (`+91`), when read.
    pub prefix: Option<String>,
    /// A note on the country (`High Risk Country`), when read.
    pub message: Option<String>,
    /// After a change: `0` on success, else why it was refused.
    pub error_code: Option<i64>,
    /// After a change: what was wrong, if anything.
    #[serde(default)]
    pub error_messages: Vec<String>,
}

/// The query of [`MessagingGeoPermissions::fetch`].
#[derive(Debug, Clone, Default, Serialize, Params)]
pub struct GeoPermissionsFilter {
    /// Only these countries: comma-separated ISO codes (`IN,PK`). `None` reads every country.
    #[serde(rename = "CountryCode")]
    pub country_code: Option<String>,
}

/// The form body of [`MessagingGeoPermissions::update`]: each change is sent as one
/// `Permissions` field holding the change as JSON text.
#[derive(Debug, Clone, Default, Serialize, Params)]
pub struct UpdateGeoPermissions {
    /// The changes.
    #[serde(rename = "Permissions")]
    pub permissions: Vec<GeoPermissionChange>,
}

/// One country's new permission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GeoPermissionChange {
    /// ISO 3166-1 alpha-2 country code.
    pub country_code: String,
    /// The kind of permission: `country`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Whether to allow sending to the country.
    pub enabled: bool,
}

impl GeoPermissionChange {
    /// Allows or forbids sending to a country.
    pub fn country(country_code: impl Into<String>, enabled: bool) -> Self {
        GeoPermissionChange { country_code: country_code.into(), kind: "country".into(), enabled }
    }
}
