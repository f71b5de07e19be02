// `#[param(query)]` on a `#[serde(flatten)]` field.
use sidekick::Resource;

#[derive(Default, serde::Serialize)]
struct Common {
    #[serde(rename = "Status")]
    status: Option<String>,
}

#[derive(Default, serde::Serialize, sidekick::Params)]
struct UpdateParticipant {
    #[param(query)]
    #[serde(flatten)]
    common: Common,
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
