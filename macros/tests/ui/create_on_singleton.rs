// `create` on a singleton path with no list path to post to.
use sidekick::Resource;

#[derive(serde::Serialize, sidekick::Params)]
struct NewRules {}

#[derive(serde::Deserialize, Resource)]
#[resource(base_url = "https://video.twilio.com", path = "/v1/Rooms/<room>/RecordingRules", fetch, create = NewRules)]
struct RecordingRules {
    room_sid: Option<String>,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = RecordingRules::fetch(client, "DailyStandup").await;
    let _ = RecordingRules::create(client, "DailyStandup", &NewRules {}).await;
}

fn main() {}
