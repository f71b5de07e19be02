use sidekick::Resource;

#[derive(serde::Deserialize, Resource)]
#[resource(path = "/v1/Rooms/<room>/RecordingRules", list)]
struct RecordingRules {
    room_sid: Option<String>,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = RecordingRules::list(client, "DailyStandup").collect().await;
}

fn main() {}
