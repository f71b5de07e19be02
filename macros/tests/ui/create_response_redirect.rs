// `create(response = "redirect")`: only a fetch answers with a redirect.
use sidekick::{Params, Resource};

#[derive(serde::Deserialize, Resource)]
#[resource(base_url = "https://video.twilio.com", path = "/v1/Rooms/<sid>", create(params = NewRoom, response = "redirect"))]
struct Room {
    sid: Option<String>,
}

#[derive(serde::Serialize, Params)]
struct NewRoom {
    #[serde(rename = "UniqueName")]
    unique_name: String,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = Room::create(client, &NewRoom { unique_name: "DailyStandup".into() }).await;
}

fn main() {}
