// A GET has no body for `#[param(body)]` fields: refused where the type is named.
use sidekick::Resource;

#[derive(Default, serde::Serialize, sidekick::Params)]
struct UpdateParticipant {
    #[param(body)]
    #[serde(rename = "Status")]
    status: Option<String>,
}

#[derive(serde::Deserialize, Resource)]
#[resource(base_url = "https://video.twilio.com", path = "/v1/Rooms/<room>/Participants/<sid>", fetch = UpdateParticipant)]
struct Participant {
    sid: Option<String>,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = Participant::fetch(client, "DailyStandup", "Alice", &UpdateParticipant::default()).await;
}

fn main() {}
