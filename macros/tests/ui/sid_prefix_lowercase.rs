// `sid_prefix = "rm"`: SIDs write their prefix in capitals.
use sidekick::Resource;

#[derive(serde::Deserialize, Resource)]
#[resource(base_url = "https://video.twilio.com", path = "/v1/Rooms/<sid>", sid_prefix = "rm", fetch)]
struct Room {
    sid: Option<String>,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = Room::fetch(client, "DailyStandup").await;
}

fn main() {}
