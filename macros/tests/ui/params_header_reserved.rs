// A `#[param(header)]` named `Authorization`, which the client sets.
use sidekick::Resource;

#[derive(Default, serde::Serialize, sidekick::Params)]
struct UpdateParticipant {
    #[param(header)]
    #[serde(rename = "Authorization")]
    authorization: Option<String>,
}

#[derive(serde::Deserialize, Resource)]
#[resource(base_url = "https://video.twilio.com", path = "/v1/Rooms/<room>/Participants/<sid>", update = UpdateParticipant)]
struct Participant {
    sid: Option<String>,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = Participant::update(client, "DailyStandup", "Alice", &UpdateParticipant::default()).await;
}

fn main() {}
