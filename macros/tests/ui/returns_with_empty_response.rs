// `returns` with `response = "empty"`: an empty answer decodes into nothing.
use sidekick::Resource;

#[derive(serde::Deserialize, Resource)]
#[resource(base_url = "https://video.twilio.com", path = "/v1/Rooms/<room>/Participants/<sid>", update(response = "empty", returns = Participant))]
struct Participant {
    sid: Option<String>,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _: () = Participant::update(client, "DailyStandup", "Alice").await.unwrap();
}

fn main() {}
