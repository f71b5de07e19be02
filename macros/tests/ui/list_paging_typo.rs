// `list(paging = "next_page_url")`: a near miss of `next_page_uri`.
use sidekick::Resource;

#[derive(serde::Deserialize, Resource)]
#[resource(base_url = "https://video.twilio.com", path = "/v1/Rooms/<room>/Participants/<sid>", list(paging = "next_page_url"))]
struct Participant {
    sid: Option<String>,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = Participant::list(client, "DailyStandup").collect().await;
}

fn main() {}
