//! Bulk Exports v1 (`https://bulkexports.twilio.com`): a day's export file is fetched as a
//! redirect to where it can be downloaded, which sidekick returns instead of following.

use chrono::NaiveDate;
use serde::Deserialize;
use sidekick::Resource;

/// The base URL of Bulk Exports.
pub const BASE_URL: &str = "https://bulkexports.twilio.com";

/// One day's export of a resource type. [`ExportDay::fetch`] gives a [`sidekick::Redirect`]
/// whose `location` is the file's (signed, short-lived) download URL on another host.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Resource)]
#[resource(
    base_url = BASE_URL,
    path = "/v1/Exports/<resource_type>/Days/<day>",
    fetch(response = "redirect"),
    list
)]
pub struct ExportDay {
    /// The day exported (UTC).
    pub day: Option<NaiveDate>,
    /// The file's size in bytes.
    pub size: Option<u64>,
    /// `Messages`, `Calls`, `Conferences` or `Participants`.
    pub resource_type: Option<String>,
    /// The day the file was made.
    pub create_date: Option<NaiveDate>,
    /// A display name.
    pub friendly_name: Option<String>,
}

/// The exports of one resource type: links to its days and jobs.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Resource)]
#[resource(base_url = BASE_URL, path = "/v1/Exports/<resource_type>", fetch)]
pub struct Export {
    /// `Messages`, `Calls`, `Conferences` or `Participants`.
    pub resource_type: Option<String>,
    /// The absolute URL of the resource.
    pub url: Option<String>,
    /// URLs of related lists, by name (`days`, `jobs`, `export_custom_jobs`).
    pub links: Option<sidekick::Links>,
}
