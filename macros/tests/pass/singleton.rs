// A singleton: the path ends in a literal; fetch and update take only the parent.
use sidekick::{Client, OperationKind, Resource};

#[derive(Debug, serde::Deserialize, Resource)]
#[resource(base_url = "https://video.twilio.com", path = "/v1/Rooms/<room>/RecordingRules", fetch, update = UpdateRules)]
pub struct RecordingRules {
    pub room_sid: Option<String>,
}

#[derive(serde::Serialize, sidekick::Params)]
pub struct UpdateRules {
    #[serde(rename = "Rules")]
    pub rules: String,
}

fn main() {
    let client = Client::new("AC123", "token");
    let _ = RecordingRules::fetch(&client, "DailyStandup");
    let _ = RecordingRules::update(&client, "DailyStandup", &UpdateRules { rules: "[]".into() });
    assert_eq!(RecordingRules::PATH.params(), ["room"]);
    assert_eq!(RecordingRules::operation(OperationKind::Update).unwrap().path, RecordingRules::PATH);
}
