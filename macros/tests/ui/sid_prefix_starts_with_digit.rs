// `sid_prefix = "9R"`: a prefix starts with a letter.
use sidekick::Resource;

#[derive(serde::Deserialize, Resource)]
#[resource(base_url = "https://video.twilio.com", path = "/v1/Rooms/<sid>", sid_prefix = "9R", fetch)]
struct Room {
    sid: Option<String>,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = Room::fetch(client, "DailyStandup").await;
}

fn main() {}
