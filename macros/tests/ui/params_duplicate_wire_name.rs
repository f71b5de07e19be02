// Two fields with one wire name: serde would send one of them only.
use sidekick::Resource;

#[derive(Default, serde::Serialize, sidekick::Params)]
#[serde(rename_all = "PascalCase")]
struct UpdateParticipant {
    status: Option<String>,
    #[param(query)]
    #[serde(rename = "Status")]
    status_filter: Option<String>,
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
