// A `base_url` constant that is not an http(s) URL fails when the constant is checked.
use sidekick::Resource;

const VIDEO: &str = "video.twilio.com";

#[derive(serde::Deserialize, Resource)]
#[resource(base_url = VIDEO, path = "/v1/Rooms/<room>/Participants/<sid>", fetch)]
struct Participant {
    sid: Option<String>,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = Participant::fetch(client, "DailyStandup", "Alice").await;
}

fn main() {}
