//! Conversations v1 (`https://conversations.twilio.com`): creating a conversation, with the
//! `X-Twilio-Webhook-Enabled` header parameter.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sidekick::{Params, Resource};

/// The base URL of Conversations.
pub const BASE_URL: &str = "https://conversations.twilio.com";

/// A conversation: participants exchanging messages over any channel.
#[derive(Debug, Clone, PartialEq, Deserialize, Resource)]
#[resource(base_url = BASE_URL, path = "/v1/Conversations/<sid>", fetch, create = CreateConversation, delete)]
pub struct Conversation {
    /// The conversation SID (`CH...`).
    pub sid: String,
    /// The account it belongs to (`AC...`).
    pub account_sid: Option<String>,
    /// Its Conversation Service (`IS...`).
    pub chat_service_sid: Option<String>,
    /// The Messaging Service its SMS go through (`MG...`).
    pub messaging_service_sid: Option<String>,
    /// A display name.
    pub friendly_name: Option<String>,
    /// An application-defined unique name.
    pub unique_name: Option<String>,
    /// Application data, as JSON text.
    pub attributes: Option<String>,
    /// `active`, `inactive`, `closed` or `initializing`.
    pub state: Option<ConversationState>,
    /// When the state changes by itself.
    pub timers: Option<ConversationTimers>,
    /// Channel bindings (email).
    pub bindings: Option<ConversationBindings>,
    /// When the resource was created.
    pub date_created: Option<DateTime<Utc>>,
    /// When the resource was last updated.
    pub date_updated: Option<DateTime<Utc>>,
    /// The absolute URL of the resource.
    pub url: Option<String>,
    /// URLs of related lists, by name (`participants`, `messages`, `webhooks`, `export`).
    pub links: Option<sidekick::Links>,
}

/// A conversation's state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ConversationState {
    /// `initializing`: being set up.
    Initializing,
    /// `inactive`: no activity within the inactive timer.
    Inactive,
    /// `active`: open for messages.
    Active,
    /// `closed`: ended for good.
    Closed,
    /// A state this crate does not know, as sent.
    #[serde(untagged)]
    Unknown(String),
}

/// When a conversation becomes inactive or closed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ConversationTimers {
    /// When it becomes inactive.
    pub date_inactive: Option<DateTime<Utc>>,
    /// When it closes.
    pub date_closed: Option<DateTime<Utc>>,
}

/// A conversation's channel bindings.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ConversationBindings {
    /// The email binding, for email conversations.
    pub email: Option<EmailBinding>,
}

/// The email address of an email conversation.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct EmailBinding {
    /// The address participants write to.
    pub projected_address: Option<String>,
    /// The display name of that address.
    pub name: Option<String>,
}

/// The parameters of [`Conversation::create`]. `webhook_enabled` is a request header, not a
/// form field.
#[derive(Debug, Clone, Default, Serialize, Params)]
#[serde(rename_all = "PascalCase")]
pub struct CreateConversation {
    /// A display name.
    pub friendly_name: Option<String>,
    /// An application-defined unique name.
    pub unique_name: Option<String>,
    /// Application data, as JSON text.
    pub attributes: Option<String>,
    /// The Messaging Service its SMS go through.
    pub messaging_service_sid: Option<String>,
    /// The initial state.
    pub state: Option<ConversationState>,
    /// ISO 8601 duration after which an active conversation becomes inactive (`PT1H`).
    #[serde(rename = "Timers.Inactive")]
    pub timers_inactive: Option<String>,
    /// ISO 8601 duration after which the conversation closes (`P1D`).
    #[serde(rename = "Timers.Closed")]
    pub timers_closed: Option<String>,
    /// Whether this request triggers the service's webhooks: the header
    /// `X-Twilio-Webhook-Enabled: true` or `false`; not sent when `None`.
    #[param(header)]
    #[serde(rename = "X-Twilio-Webhook-Enabled")]
    pub webhook_enabled: Option<bool>,
}
