// A `base_url` constant with a query: requests are built by appending paths, so it is refused.
use sidekick::Resource;

const VIDEO: &str = "https://video.twilio.com/api?tenant=1";

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
