// `base_url = 5`: neither a string literal nor a constant's path.
use sidekick::Resource;

#[derive(serde::Deserialize, Resource)]
#[resource(base_url = 5, path = "/v1/Rooms/<room>/Participants/<sid>", fetch)]
struct Participant {
    sid: Option<String>,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = Participant::fetch(client, "DailyStandup", "Alice").await;
}

fn main() {}
