//! Messages: `/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json`.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use sidekick::{Client, Params, Resource};

/// An SMS, MMS or WhatsApp message, inbound or outbound.
///
/// Every method addresses the client's account; `.account_sid("AC...")` on a call or a list
/// addresses a subaccount instead.
#[derive(Debug, Clone, PartialEq, Deserialize, Resource)]
#[resource(
    base_url = super::API,
    path = "/2010-04-01/Accounts/<account_sid>/Messages/<sid>.json",
    account = "account_sid",
    fetch,
    create = CreateMessage,
    update = UpdateMessage,
    delete,
    list(params = MessageFilter, paging = "next_page_uri")
)]
pub struct Message {
    /// The message SID (`SM...` or `MM...`).
    pub sid: String,
    /// The account that sent or received it (`AC...`).
    pub account_sid: Option<String>,
    /// The Messaging Service used, if any (`MG...`).
    pub messaging_service_sid: Option<String>,
    /// The sender: a phone number, short code or channel address.
    pub from: Option<String>,
    /// The recipient.
    pub to: Option<String>,
    /// The text; empty once redacted.
    pub body: Option<String>,
    /// Where the message is in its life cycle.
    pub status: Option<MessageStatus>,
    /// Inbound, or which kind of outbound.
    pub direction: Option<MessageDirection>,
    /// How many segments the body was split into (a decimal string).
    pub num_segments: Option<String>,
    /// How many media files are attached (a decimal string).
    pub num_media: Option<String>,
    /// The amount charged, as sent (`"-0.00750"`); `None` until known.
    pub price: Option<sidekick::Decimal>,
    /// The ISO 4217 currency of `price`.
    pub price_unit: Option<String>,
    /// The error code of a failed or undelivered message.
    pub error_code: Option<i64>,
    /// The text of `error_code`.
    pub error_message: Option<String>,
    /// When the resource was created.
    #[serde(default, with = "sidekick::timestamp::rfc2822::option")]
    pub date_created: Option<DateTime<Utc>>,
    /// When the resource was last updated.
    #[serde(default, with = "sidekick::timestamp::rfc2822::option")]
    pub date_updated: Option<DateTime<Utc>>,
    /// When the message was sent or received; `None` while scheduled or queued.
    #[serde(default, with = "sidekick::timestamp::rfc2822::option")]
    pub date_sent: Option<DateTime<Utc>>,
    /// The API version that handled it (`2010-04-01`).
    pub api_version: Option<String>,
    /// This resource's path, relative to `https://api.twilio.com`.
    pub uri: Option<String>,
    /// Paths of related lists (`media`, `feedback`), relative to `https://api.twilio.com`.
    pub subresource_uris: Option<BTreeMap<String, String>>,
}

impl Message {
    /// Removes a message's text: an update with `Body` set to the empty string.
    pub fn redact(client: &Client, sid: impl AsRef<str>) -> sidekick::Call<Message> {
        Message::update(client, sid, &UpdateMessage::redact())
    }
}

/// A message's status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageStatus {
    /// `queued`: waiting to be sent.
    Queued,
    /// `sending`: being sent.
    Sending,
    /// `sent`: handed to the carrier.
    Sent,
    /// `failed`: not sent.
    Failed,
    /// `delivered`: the carrier confirmed delivery.
    Delivered,
    /// `undelivered`: the carrier reported it undelivered.
    Undelivered,
    /// `receiving`: an inbound message being received.
    Receiving,
    /// `received`: an inbound message received.
    Received,
    /// `accepted`: accepted by a Messaging Service, not yet queued.
    Accepted,
    /// `scheduled`: to be sent at `SendAt`.
    Scheduled,
    /// `read`: the recipient read it (WhatsApp and similar channels).
    Read,
    /// `partially_delivered`: some segments delivered.
    PartiallyDelivered,
    /// `canceled`: a scheduled message that was canceled.
    Canceled,
    /// A status this crate does not know, as sent.
    #[serde(untagged)]
    Unknown(String),
}

/// Whether a message came in, or how it went out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MessageDirection {
    /// Received by the account.
    Inbound,
    /// Sent through the REST API.
    OutboundApi,
    /// Sent from TwiML during a call.
    OutboundCall,
    /// Sent from TwiML in reply to an inbound message.
    OutboundReply,
    /// A direction this crate does not know, as sent.
    #[serde(untagged)]
    Unknown(String),
}

/// The parameters of [`Message::create`]. `To` is required, and one of `From` or
/// `MessagingServiceSid`, and one of `Body`, `MediaUrl` or `ContentSid`.
#[derive(Debug, Clone, Default, Serialize, Params)]
#[serde(rename_all = "PascalCase")]
pub struct CreateMessage {
    /// The recipient (E.164 number or channel address).
    pub to: String,
    /// The sender.
    pub from: Option<String>,
    /// The Messaging Service to send from, instead of `from`.
    pub messaging_service_sid: Option<String>,
    /// The text.
    pub body: Option<String>,
    /// Public URLs of media to attach; each is sent as one `MediaUrl` parameter.
    pub media_url: Vec<String>,
    /// The Content template to send, instead of `body` (`HX...`).
    pub content_sid: Option<String>,
    /// Values of the template's variables, as JSON text.
    pub content_variables: Option<String>,
    /// The URL Twilio posts status changes to.
    pub status_callback: Option<String>,
    /// How many seconds the message may wait in the queue.
    pub validity_period: Option<u32>,
    /// Set to schedule the message for `send_at` (needs a Messaging Service).
    pub schedule_type: Option<ScheduleType>,
    /// When a scheduled message is sent; sent as `YYYY-MM-DDTHH:MM:SSZ`.
    #[serde(with = "sidekick::timestamp::option")]
    pub send_at: Option<DateTime<Utc>>,
}

impl CreateMessage {
    /// A text message from a number.
    pub fn sms(to: impl Into<String>, from: impl Into<String>, body: impl Into<String>) -> Self {
        CreateMessage {
            to: to.into(),
            from: Some(from.into()),
            body: Some(body.into()),
            ..Default::default()
        }
    }
}

/// How a message is scheduled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ScheduleType {
    /// At the fixed time `SendAt`.
    Fixed,
}

/// The parameters of [`Message::update`]: redact the body, or cancel a scheduled message.
#[derive(Debug, Clone, Default, Serialize, Params)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateMessage {
    /// The new text; only the empty string (redaction) is accepted.
    pub body: Option<String>,
    /// `canceled` cancels a scheduled message.
    pub status: Option<UpdateMessageStatus>,
}

impl UpdateMessage {
    /// `Body=` (empty): redacts the message's text.
    pub fn redact() -> Self {
        UpdateMessage { body: Some(String::new()), status: None }
    }

    /// `Status=canceled`: cancels a scheduled message.
    pub fn cancel() -> Self {
        UpdateMessage { body: None, status: Some(UpdateMessageStatus::Canceled) }
    }
}

/// The status an update may set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UpdateMessageStatus {
    /// Cancels a scheduled message.
    Canceled,
}

/// Filters of [`Message::list`]; `None` filters are not sent. Days are sent as `YYYY-MM-DD`
/// and compared in UTC.
#[derive(Debug, Clone, Default, Serialize, Params)]
pub struct MessageFilter {
    /// Only messages to this recipient.
    #[serde(rename = "To")]
    pub to: Option<String>,
    /// Only messages from this sender.
    #[serde(rename = "From")]
    pub from: Option<String>,
    /// Only messages sent on this day.
    #[serde(rename = "DateSent")]
    pub sent_on: Option<NaiveDate>,
    /// Only messages sent on or before this day (`DateSent<=`).
    #[serde(rename = "DateSent<")]
    pub sent_before: Option<NaiveDate>,
    /// Only messages sent on or after this day (`DateSent>=`).
    #[serde(rename = "DateSent>")]
    pub sent_after: Option<NaiveDate>,
}
