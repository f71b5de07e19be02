// `update = "Type"`: a string where a type belongs.
use sidekick::Resource;

#[derive(serde::Serialize, sidekick::Params)]
struct UpdateParticipant {}

#[derive(serde::Deserialize, Resource)]
#[resource(base_url = "https://video.twilio.com", path = "/v1/Rooms/<room>/Participants/<sid>", update = "UpdateParticipant")]
struct Participant {
    sid: Option<String>,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = Participant::update(client, "DailyStandup", "Alice", &UpdateParticipant {}).await;
}

fn main() {}
