// `list(paging = "cursor")`: no such built-in paging shape.
use sidekick::Resource;

#[derive(serde::Deserialize, Resource)]
#[resource(base_url = "https://video.twilio.com", path = "/v1/Rooms/<room>/Participants/<sid>", list(paging = "cursor"))]
struct Participant {
    sid: Option<String>,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = Participant::list(client, "DailyStandup").collect().await;
}

fn main() {}
