// Deriving on a generic struct.
use sidekick::Resource;

#[derive(serde::Deserialize, Resource)]
#[resource(base_url = "https://video.twilio.com", path = "/v1/Rooms/<room>/Participants/<sid>", fetch)]
struct Participant<T> {
    sid: Option<T>,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = Participant::<String>::fetch(client, "DailyStandup", "Alice").await;
}

fn main() {}
