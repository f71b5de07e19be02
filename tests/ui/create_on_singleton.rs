use sidekick::Resource;

#[derive(serde::Serialize)]
struct NewRules {}

#[derive(serde::Deserialize, Resource)]
#[resource(path = "/v1/Rooms/<room>/RecordingRules", create = NewRules)]
struct RecordingRules {
    room_sid: Option<String>,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = RecordingRules::fetch(client, "DailyStandup").await;
}

fn main() {}
