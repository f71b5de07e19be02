// `sid_prefix` given twice.
use sidekick::Resource;

#[derive(serde::Deserialize, Resource)]
#[resource(base_url = "https://video.twilio.com", path = "/v1/Rooms/<sid>", sid_prefix = "RM", sid_prefix = "PA", fetch)]
struct Room {
    sid: Option<String>,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = Room::fetch(client, "DailyStandup").await;
}

fn main() {}
