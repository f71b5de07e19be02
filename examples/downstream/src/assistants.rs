//! Assistants v1 (`https://assistants.twilio.com`): AI assistants, replaced with `PUT` and a
//! JSON body.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sidekick::{Params, Resource};

/// The base URL of the Assistants API.
pub const BASE_URL: &str = "https://assistants.twilio.com";

/// An AI assistant.
#[derive(Debug, Clone, PartialEq, Deserialize, Resource)]
#[resource(
    base_url = BASE_URL,
    path = "/v1/Assistants/<id>",
    fetch,
    update(params = UpdateAssistant, method = "PUT", body = "json"),
    delete
)]
pub struct Assistant {
    /// The assistant's ID (`aia_asst_...`).
    pub id: String,
    /// The account it belongs to (`AC...`).
    pub account_sid: Option<String>,
    /// Its name.
    pub name: Option<String>,
    /// Who owns it.
    pub owner: Option<String>,
    /// The model it runs on.
    pub model: Option<String>,
    /// The instructions that shape its answers.
    pub personality_prompt: Option<String>,
    /// Which Customer AI engines are on.
    pub customer_ai: Option<CustomerAi>,
    /// The absolute URL of the resource.
    pub url: Option<String>,
    /// When the resource was created.
    pub date_created: Option<DateTime<Utc>>,
    /// When the resource was last updated.
    pub date_updated: Option<DateTime<Utc>>,
}

/// The Customer AI engines of an assistant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerAi {
    /// Whether the perception engine is on.
    pub perception_engine_enabled: bool,
    /// Whether the personalization engine is on.
    pub personalization_engine_enabled: bool,
}

/// The Segment credentials an assistant uses for personalization.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentCredential {
    /// The Segment profile API key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile_api_key: Option<String>,
    /// The Segment space.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub space_id: Option<String>,
    /// The Segment write key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub write_key: Option<String>,
}

/// The JSON body of [`Assistant::update`]; unset properties are left out of the body.
#[derive(Debug, Clone, Default, Serialize, Params)]
pub struct UpdateAssistant {
    /// The new name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The new owner.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The new instructions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub personality_prompt: Option<String>,
    /// Which Customer AI engines to turn on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_ai: Option<CustomerAi>,
    /// New Segment credentials.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segment_credential: Option<SegmentCredential>,
}
