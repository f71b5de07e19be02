// `#[derive(Params)]`: header, query and default fields, with serde's `rename_all` and `rename`,
// and a flattened type whose fields keep their own places.
use sidekick::{Client, ParamLocation, Params, Resource};

#[derive(Debug, serde::Deserialize, Resource)]
#[resource(base_url = "https://conversations.twilio.com", path = "/v1/Conversations/<sid>", create = CreateConversation, list = ConversationFilter)]
pub struct Conversation {
    pub sid: Option<String>,
}

#[derive(serde::Serialize, sidekick::Params)]
#[serde(rename_all = "PascalCase")]
pub struct CreateConversation {
    pub friendly_name: Option<String>,
    #[param(query)]
    pub date_created_after: Option<String>,
    #[param(header)]
    #[serde(rename = "X-Twilio-Webhook-Enabled")]
    pub webhook_enabled: Option<bool>,
    #[param(body)]
    pub unique_name: Option<String>,
}

#[derive(Default, serde::Serialize, sidekick::Params)]
#[serde(rename_all = "PascalCase")]
pub struct ConversationFilter {
    pub state: Option<String>,
    #[serde(flatten)]
    pub common: Common,
}

#[derive(Default, serde::Serialize, sidekick::Params)]
pub struct Common {
    #[param(header)]
    #[serde(rename = "If-Match")]
    pub if_match: Option<String>,
}

fn main() {
    let place = <CreateConversation as Params>::location;
    assert_eq!(place("DateCreatedAfter"), Some(ParamLocation::Query));
    assert_eq!(place("X-Twilio-Webhook-Enabled"), Some(ParamLocation::Header));
    assert_eq!(place("UniqueName"), Some(ParamLocation::Body));
    assert_eq!(place("FriendlyName"), None);
    assert_eq!(<ConversationFilter as Params>::location("If-Match"), Some(ParamLocation::Header));
    assert_eq!(<ConversationFilter as Params>::location("State"), None);
    let client = Client::new("AC123", "token");
    let create = CreateConversation {
        friendly_name: Some("Support".into()),
        date_created_after: None,
        webhook_enabled: Some(true),
        unique_name: None,
    };
    let _ = Conversation::create(&client, &create);
    let _ = Conversation::list(&client, &ConversationFilter::default());
}
