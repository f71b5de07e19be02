// A placeholder with a `-`.
use sidekick::Resource;

#[derive(serde::Deserialize, Resource)]
#[resource(base_url = "https://video.twilio.com", path = "/v1/Rooms/<room-sid>/Participants/<sid>", fetch)]
struct Participant {
    sid: Option<String>,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = Participant::fetch(client, "DailyStandup", "Alice").await;
}

fn main() {}
