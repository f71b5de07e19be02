// Calling `fetch` on a resource that declares only `delete`: rustc's E0599.
use sidekick::Resource;

#[derive(serde::Deserialize, Resource)]
#[resource(base_url = "https://video.twilio.com", path = "/v1/Rooms/<room>/Participants/<sid>", delete)]
struct Participant {
    sid: Option<String>,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = Participant::delete(client, "DailyStandup", "Alice").await;
    let _ = Participant::fetch(client, "DailyStandup", "Alice").await;
}

fn main() {}
