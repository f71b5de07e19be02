// `sid_prefix` given a whole SID rather than its prefix.
use sidekick::Resource;

#[derive(serde::Deserialize, Resource)]
#[resource(base_url = "https://video.twilio.com", path = "/v1/Rooms/<sid>", sid_prefix = "RM2a9f6d5c0b1e4f3a8c7d6e5f4a3b2c1d", fetch)]
struct Room {
    sid: Option<String>,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = Room::fetch(client, "DailyStandup").await;
}

fn main() {}
