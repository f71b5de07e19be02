// `list(paging = NotAShape)` where the type does not implement `sidekick::Paging`.
use sidekick::Resource;

struct NotAShape;

#[derive(serde::Deserialize, Resource)]
#[resource(base_url = "https://video.twilio.com", path = "/v1/Rooms/<room>/Participants/<sid>", list(paging = NotAShape))]
struct Participant {
    sid: Option<String>,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = Participant::list(client, "DailyStandup").collect().await;
}

fn main() {}
