//! Voice calls: `/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json`.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use sidekick::{Params, Resource};

/// A phone call, inbound or outbound. Lists read the `calls` key, derived from `Calls.json`.
#[derive(Debug, Clone, PartialEq, Deserialize, Resource)]
#[resource(
    base_url = super::API,
    path = "/2010-04-01/Accounts/<account_sid>/Calls/<sid>.json",
    account = "account_sid",
    fetch,
    create = CreateCall,
    list(params = CallFilter, paging = "next_page_uri")
)]
pub struct Call {
    /// The call SID (`CA...`).
    pub sid: String,
    /// The account that made or received it (`AC...`).
    pub account_sid: Option<String>,
    /// The call that created this one, for a leg of a `<Dial>`.
    pub parent_call_sid: Option<String>,
    /// The called party.
    pub to: Option<String>,
    /// `to` formatted for display.
    pub to_formatted: Option<String>,
    /// The caller.
    pub from: Option<String>,
    /// `from` formatted for display.
    pub from_formatted: Option<String>,
    /// The incoming number's SID, for inbound calls (`PN...`).
    pub phone_number_sid: Option<String>,
    /// Where the call is in its life cycle.
    pub status: Option<CallStatus>,
    /// When the call was answered.
    #[serde(default, with = "sidekick::timestamp::rfc2822::option")]
    pub start_time: Option<DateTime<Utc>>,
    /// When the call ended.
    #[serde(default, with = "sidekick::timestamp::rfc2822::option")]
    pub end_time: Option<DateTime<Utc>>,
    /// The length in seconds (a decimal string); `None` until the call ends.
    pub duration: Option<String>,
    /// The amount charged, as sent (`"-0.03000"`).
    pub price: Option<sidekick::Decimal>,
    /// The ISO 4217 currency of `price`.
    pub price_unit: Option<String>,
    /// `inbound`, `outbound-api` or `outbound-dial`.
    pub direction: Option<String>,
    /// Who answered, when answering machine detection ran (`human`, `machine_start`...).
    pub answered_by: Option<String>,
    /// The forwarding number, when the carrier reports one.
    pub forwarded_from: Option<String>,
    /// The caller's name, when caller ID lookup is on.
    pub caller_name: Option<String>,
    /// The SID of the call's group (`GP...`).
    pub group_sid: Option<String>,
    /// Milliseconds the call waited in the queue (a decimal string).
    pub queue_time: Option<String>,
    /// The SIP trunk that carried it (`TK...`).
    pub trunk_sid: Option<String>,
    /// The API version that handled it.
    pub api_version: Option<String>,
    /// When the resource was created.
    #[serde(default, with = "sidekick::timestamp::rfc2822::option")]
    pub date_created: Option<DateTime<Utc>>,
    /// When the resource was last updated.
    #[serde(default, with = "sidekick::timestamp::rfc2822::option")]
    pub date_updated: Option<DateTime<Utc>>,
    /// This resource's path, relative to `https://api.twilio.com`.
    pub uri: Option<String>,
    /// Paths of related lists (`recordings`, `notifications`...), relative to `https://api.twilio.com`.
    pub subresource_uris: Option<BTreeMap<String, String>>,
}

/// A call's status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CallStatus {
    /// `queued`: waiting to be dialed.
    Queued,
    /// `ringing`: the called party's phone is ringing.
    Ringing,
    /// `in-progress`: answered.
    InProgress,
    /// `completed`: answered, then ended.
    Completed,
    /// `busy`: the line was busy.
    Busy,
    /// `failed`: could not be placed.
    Failed,
    /// `no-answer`: rang without an answer.
    NoAnswer,
    /// `canceled`: canceled while queued or ringing.
    Canceled,
    /// A status this crate does not know, as sent.
    #[serde(untagged)]
    Unknown(String),
}

/// The parameters of [`Call::create`]: `To`, `From`, and what the call does, given by
/// exactly one of `Url`, `Twiml` or `ApplicationSid`.
#[derive(Debug, Clone, Default, Serialize, Params)]
#[serde(rename_all = "PascalCase")]
pub struct CreateCall {
    /// The party to call: a number, SIP address or client identifier.
    pub to: String,
    /// The caller ID: a Twilio number or verified caller ID.
    pub from: String,
    /// The URL that answers with the call's TwiML.
    pub url: Option<String>,
    /// The method used to request `url`: `GET` or `POST`.
    pub method: Option<String>,
    /// The call's TwiML itself, instead of `url`.
    pub twiml: Option<String>,
    /// The TwiML application that handles the call (`AP...`), instead of `url`.
    pub application_sid: Option<String>,
    /// The URL Twilio posts status changes to.
    pub status_callback: Option<String>,
    /// Which changes are posted (`initiated`, `ringing`, `answered`, `completed`); each is
    /// sent as one `StatusCallbackEvent` parameter.
    pub status_callback_event: Vec<String>,
    /// Seconds to let the phone ring before giving up.
    pub timeout: Option<u32>,
    /// Whether to record the call.
    pub record: Option<bool>,
}

impl CreateCall {
    /// A call whose TwiML is fetched from `url`.
    pub fn with_url(to: impl Into<String>, from: impl Into<String>, url: impl Into<String>) -> Self {
        CreateCall { to: to.into(), from: from.into(), url: Some(url.into()), ..Default::default() }
    }

    /// A call running the given TwiML.
    pub fn with_twiml(to: impl Into<String>, from: impl Into<String>, twiml: impl Into<String>) -> Self {
        CreateCall { to: to.into(), from: from.into(), twiml: Some(twiml.into()), ..Default::default() }
    }
}

/// Filters of [`Call::list`]; `None` filters are not sent.
#[derive(Debug, Clone, Default, Serialize, Params)]
pub struct CallFilter {
    /// Only calls to this party.
    #[serde(rename = "To")]
    pub to: Option<String>,
    /// Only calls from this party.
    #[serde(rename = "From")]
    pub from: Option<String>,
    /// Only calls in this status.
    #[serde(rename = "Status")]
    pub status: Option<CallStatus>,
    /// Only calls started on or after this day (`StartTime>=`).
    #[serde(rename = "StartTime>")]
    pub started_after: Option<NaiveDate>,
    /// Only calls started on or before this day (`StartTime<=`).
    #[serde(rename = "StartTime<")]
    pub started_before: Option<NaiveDate>,
}
