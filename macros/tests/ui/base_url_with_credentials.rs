// A `base_url` carrying `user:password@`.
use sidekick::Resource;

#[derive(serde::Deserialize, Resource)]
#[resource(path = "/v1/Rooms/<room>/Participants/<sid>", base_url = "https://user:secret@video.twilio.com", fetch)]
struct Participant {
    sid: Option<String>,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = Participant::fetch(client, "DailyStandup", "Alice").await;
}

fn main() {}
