use sidekick::Resource;

struct ParticipantFilter {}

#[derive(serde::Deserialize, Resource)]
#[resource(path = "/v1/Rooms/<room>/Participants/<sid>", list = ParticipantFilter)]
struct Participant {
    sid: Option<String>,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = Participant::list(client, "DailyStandup", &ParticipantFilter {}).collect().await;
}

fn main() {}
