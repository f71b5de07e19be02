// `list` on a singleton path without `list(path = ...)`.
use sidekick::Resource;

#[derive(serde::Deserialize, Resource)]
#[resource(base_url = "https://video.twilio.com", path = "/v1/Rooms/<room>/RecordingRules", list)]
struct RecordingRules {
    room_sid: Option<String>,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = RecordingRules::list(client, "DailyStandup").collect().await;
}

fn main() {}
