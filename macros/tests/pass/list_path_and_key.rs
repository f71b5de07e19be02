// An irregular API: the list's own path and key, which create posts to as well, and a filter.
use sidekick::{Client, OperationKind, Resource};

#[derive(Debug, serde::Deserialize, Resource)]
#[resource(
    base_url = "https://video.twilio.com",
    path = "/v1/Rooms/<room>/RecordingRules",
    list(params = RuleFilter, path = "/v1/Rooms/<room>/Rules", key = "rules"),
    create = NewRule
)]
pub struct RecordingRules {
    pub room_sid: Option<String>,
}

#[derive(Default, serde::Serialize, sidekick::Params)]
pub struct RuleFilter {
    #[serde(rename = "Type")]
    pub kind: Option<String>,
}

#[derive(serde::Serialize, sidekick::Params)]
pub struct NewRule {
    #[serde(rename = "Type")]
    pub kind: String,
}

fn main() {
    let client = Client::new("AC123", "token");
    let _ = RecordingRules::list(&client, "DailyStandup", &RuleFilter::default());
    let _ = RecordingRules::create(&client, "DailyStandup", &NewRule { kind: "include".into() });
    let list = RecordingRules::operation(OperationKind::List).unwrap();
    assert_eq!(list.path.to_string(), "/v1/Rooms/<room>/Rules");
    assert_eq!(list.list_key, "rules");
    let create = RecordingRules::operation(OperationKind::Create).unwrap();
    assert_eq!(create.path.to_string(), "/v1/Rooms/<room>/Rules");
}
