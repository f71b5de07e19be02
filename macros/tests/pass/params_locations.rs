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
    more::check();
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

mod more {
    use sidekick::{ParamLocation, Params};

    /// A generic parameters type: it serializes when its parameter does.
    #[derive(serde::Serialize, Params)]
    pub struct Named<T> {
        #[param(query)]
        #[serde(rename = "Name")]
        pub name: T,
    }

    /// `#[param(nullable)]` sends `null` for `None` in a JSON body; an optional flattened
    /// group keeps its places.
    #[derive(serde::Serialize, Params)]
    pub struct Clearing {
        #[param(nullable)]
        pub note: Option<String>,
        #[serde(flatten)]
        pub extra: Option<super::Common>,
    }

    pub fn check() {
        assert_eq!(<Named<u8> as Params>::location("Name"), Some(ParamLocation::Query));
        assert!(<Clearing as Params>::keeps_null("note"));
        assert!(!<Clearing as Params>::keeps_null("extra"));
        assert_eq!(<Clearing as Params>::location("If-Match"), Some(ParamLocation::Header));
        assert!(!<Clearing as Params>::BODY_FIELDS);
        assert!(<super::CreateConversation as Params>::BODY_FIELDS);
    }
}
