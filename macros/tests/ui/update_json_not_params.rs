// `update(params = T, body = "json")` where `T` does not implement `Params`.
use sidekick::Resource;

struct UpdateParticipant {}

#[derive(serde::Deserialize, Resource)]
#[resource(base_url = "https://video.twilio.com", path = "/v1/Rooms/<room>/Participants/<sid>", update(params = UpdateParticipant, body = "json"))]
struct Participant {
    sid: Option<String>,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = Participant::update(client, "DailyStandup", "Alice", &UpdateParticipant {}).await;
}

fn main() {}
