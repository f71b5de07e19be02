// A `list` filter type that derives `Serialize` but not `Params`.
use sidekick::Resource;

#[derive(serde::Serialize)]
struct ParticipantFilter {}

#[derive(serde::Deserialize, Resource)]
#[resource(base_url = "https://video.twilio.com", path = "/v1/Rooms/<room>/Participants/<sid>", list = ParticipantFilter)]
struct Participant {
    sid: Option<String>,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = Participant::list(client, "DailyStandup", &ParticipantFilter {}).collect().await;
}

fn main() {}
