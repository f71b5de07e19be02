// A union cannot be deserialized, so nothing is generated and the call below is a second,
// follow-on error.
use sidekick::Resource;

#[derive(Resource)]
#[resource(path = "/v1/Rooms/<room>/Participants/<sid>")]
union Participant {
    sid: u64,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = Participant::fetch(client, "DailyStandup", "Alice").await;
}

fn main() {}
