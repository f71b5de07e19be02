// An irregular API: explicit list path (also where create posts), list key and filters.
use sidekick::{Client, Resource};

#[derive(Debug, serde::Deserialize, Resource)]
#[resource(
    path = "/v1/Rooms/<room>/RecordingRules",
    list_path = "/v1/Rooms/<room>/Rules",
    list_key = "rules",
    list = RuleFilter,
    create = NewRule
)]
pub struct RecordingRules {
    pub room_sid: Option<String>,
}

#[derive(Default, serde::Serialize)]
pub struct RuleFilter {
    #[serde(rename = "Type")]
    pub kind: Option<String>,
}

#[derive(serde::Serialize)]
pub struct NewRule {
    #[serde(rename = "Type")]
    pub kind: String,
}

fn main() {
    let client = Client::new("AC123", "token");
    let _ = RecordingRules::list(&client, "DailyStandup", &RuleFilter::default());
    let _ = RecordingRules::create(&client, "DailyStandup", &NewRule { kind: "include".into() });
    assert_eq!(RecordingRules::LIST_PATH.unwrap().to_string(), "/v1/Rooms/<room>/Rules");
    assert_eq!(RecordingRules::LIST_KEY, "rules");
}
