//! Numbers v1 (`https://numbers.twilio.com`): port-in requests, a cursor-paged list that
//! sends `Size` and follows `meta.next_token` as `Token`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sidekick::{Params, Resource};

/// The base URL of the Numbers API.
pub const BASE_URL: &str = "https://numbers.twilio.com";

/// A port-in request as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Resource)]
#[resource(
    base_url = BASE_URL,
    path = "/v1/Porting/PortIn/PortInRequests",
    list(
        path = "/v1/Porting/PortIn/PortInRequests",
        params = PortInRequestFilter,
        key = "port_in_requests",
        paging = "token"
    )
)]
pub struct PortInRequestSummary {
    /// The request's SID (`KW...`).
    pub port_in_request_sid: String,
    /// Its status (`In Review`, `Completed`...).
    pub port_in_request_status: Option<String>,
    /// The day the status last changed.
    pub status_last_updated_timestamp: Option<NaiveDate>,
    /// How many numbers it asks to port.
    pub phone_numbers_requested: Option<u32>,
    /// How many have been ported.
    pub phone_numbers_ported: Option<u32>,
    /// What the requester should do next, if anything.
    pub suggested_action: Option<String>,
}

/// Filters of [`PortInRequestSummary::list`]; `None` filters are not sent. The page size
/// (`Size`, at most 100) and cursor (`Token`) belong to the list request.
#[derive(Debug, Clone, Default, Serialize, Params)]
#[serde(rename_all = "PascalCase")]
pub struct PortInRequestFilter {
    /// Only this request.
    pub port_in_request_sid: Option<String>,
    /// Only requests in this status.
    pub port_in_request_status: Option<String>,
    /// Only requests created before this day.
    pub created_before: Option<NaiveDate>,
    /// Only requests created after this day.
    pub created_after: Option<NaiveDate>,
}
