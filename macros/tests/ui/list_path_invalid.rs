// `list(path = ...)` is checked like `path`: here it does not start with `/`.
use sidekick::Resource;

#[derive(serde::Deserialize, Resource)]
#[resource(base_url = "https://video.twilio.com", path = "/v1/Rooms/<sid>", fetch, list(path = "v1/Rooms"))]
struct Room {
    sid: Option<String>,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = Room::fetch(client, "RM1").await;
    let _ = Room::list(client).collect().await;
}

fn main() {}
