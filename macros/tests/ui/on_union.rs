// Deriving on a union; nothing can be generated, so the call is a documented follow-on E0599.
use sidekick::Resource;

#[derive(Resource)]
#[resource(base_url = "https://video.twilio.com", path = "/v1/Rooms/<room>/Participants/<sid>", fetch)]
union Participant {
    sid: u64,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = Participant::fetch(client, "DailyStandup", "Alice").await;
}

fn main() {}
