//! Twilio Organizations' SCIM users (`https://preview-iam.twilio.com`): bearer-token auth,
//! SCIM paging (`startIndex`, `count`, items under `Resources`), `application/scim+json`
//! bodies, `If-Match` on updates, and a `PATCH` beside the replacing `PUT`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sidekick::{Params, Resource};

/// The base URL of the Organizations API.
pub const BASE_URL: &str = "https://preview-iam.twilio.com";

/// The core SCIM user schema URI.
pub const USER_SCHEMA: &str = "urn:ietf:params:scim:schemas:core:2.0:User";

/// A user of an organization, in SCIM's user schema.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Resource)]
#[resource(
    base_url = BASE_URL,
    path = "/Organizations/<organization_sid>/scim/Users/<user_sid>",
    fetch,
    update(params = ReplaceScimUser, method = "PUT", body = "application/scim+json"),
    patch(params = PatchScimUser, body = "application/scim+json"),
    list(params = ScimUserFilter, paging = "scim", key = "Resources")
)]
#[serde(rename_all = "camelCase")]
pub struct ScimUser {
    /// The user's SID (`US...`).
    pub id: Option<String>,
    /// The identity provider's ID for the user.
    pub external_id: Option<String>,
    /// The unique login name (an email address).
    pub user_name: String,
    /// The name shown to others.
    pub display_name: Option<String>,
    /// The user's name in parts.
    pub name: Option<ScimName>,
    /// The user's email addresses.
    #[serde(default)]
    pub emails: Vec<ScimEmail>,
    /// Whether the user may sign in.
    pub active: Option<bool>,
    /// The user's locale (`en-US`).
    pub locale: Option<String>,
    /// The user's time zone (`America/Los_Angeles`).
    pub timezone: Option<String>,
    /// The schema URIs of the resource.
    #[serde(default)]
    pub schemas: Vec<String>,
    /// Resource metadata, with the version used in `If-Match`.
    pub meta: Option<ScimUserMeta>,
}

/// A SCIM user's name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScimName {
    /// The given (first) name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub given_name: Option<String>,
    /// The family (last) name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family_name: Option<String>,
}

/// A SCIM user's email address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScimEmail {
    /// The address.
    pub value: String,
    /// Whether it is the primary address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub primary: Option<bool>,
    /// Its kind (`work`).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// A SCIM resource's metadata.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScimUserMeta {
    /// `User`.
    pub resource_type: Option<String>,
    /// When the user was created.
    pub created: Option<DateTime<Utc>>,
    /// When the user was last changed.
    pub last_modified: Option<DateTime<Utc>>,
    /// The resource's version (an ETag).
    pub version: Option<String>,
}

/// The query of [`ScimUser::list`].
#[derive(Debug, Clone, Default, Serialize, Params)]
pub struct ScimUserFilter {
    /// A SCIM filter expression, such as `userName eq "ada@example.com"`.
    pub filter: Option<String>,
}

/// The body of [`ScimUser::update`], which replaces the user; `if_match` is the `If-Match`
/// header (the version last read), sent only when set. Unset properties are left out.
#[derive(Debug, Clone, Default, Serialize, Params)]
#[serde(rename_all = "camelCase")]
pub struct ReplaceScimUser {
    /// Only replace the user if it is still at this version (`If-Match`).
    #[param(header)]
    #[serde(rename = "If-Match", skip_serializing_if = "Option::is_none")]
    pub if_match: Option<String>,
    /// The schema URIs; [`USER_SCHEMA`].
    pub schemas: Vec<String>,
    /// The unique login name.
    pub user_name: String,
    /// The name shown to others.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// The user's name in parts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<ScimName>,
    /// The user's email addresses.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub emails: Vec<ScimEmail>,
    /// Whether the user may sign in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// The user's locale.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// The user's time zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
}

impl ReplaceScimUser {
    /// The user as read, to change and send back, guarded by `etag` (the `ETag` of the read).
    pub fn from_user(user: &ScimUser, etag: Option<String>) -> Self {
        ReplaceScimUser {
            if_match: etag,
            schemas: vec![USER_SCHEMA.to_owned()],
            user_name: user.user_name.clone(),
            display_name: user.display_name.clone(),
            name: user.name.clone(),
            emails: user.emails.clone(),
            active: user.active,
            locale: user.locale.clone(),
            timezone: user.timezone.clone(),
        }
    }
}

/// The SCIM patch message schema URI.
pub const PATCH_SCHEMA: &str = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

/// The body of [`ScimUser::patch`]: operations that amend the user (RFC 7644 §3.5.2).
#[derive(Debug, Clone, Serialize, Params)]
pub struct PatchScimUser {
    /// Only amend the user if it is still at this version (`If-Match`).
    #[param(header)]
    #[serde(rename = "If-Match", skip_serializing_if = "Option::is_none")]
    pub if_match: Option<String>,
    /// [`PATCH_SCHEMA`].
    pub schemas: Vec<String>,
    /// The changes, applied in order.
    #[serde(rename = "Operations")]
    pub operations: Vec<ScimPatchOperation>,
}

impl PatchScimUser {
    /// A patch of `operations`, unguarded.
    pub fn new(operations: Vec<ScimPatchOperation>) -> Self {
        PatchScimUser { if_match: None, schemas: vec![PATCH_SCHEMA.to_owned()], operations }
    }
}

/// One change of a SCIM patch.
#[derive(Debug, Clone, Serialize)]
pub struct ScimPatchOperation {
    /// `add`, `remove` or `replace`.
    pub op: String,
    /// The attribute changed (`active`, `name.givenName`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The new value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<serde_json::Value>,
}
