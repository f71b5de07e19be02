// A `create` params type that implements neither `Serialize` nor `Params`.
use sidekick::Resource;

struct NewRoom {}

#[derive(serde::Deserialize, Resource)]
#[resource(base_url = "https://video.twilio.com", path = "/v1/Rooms/<sid>", create = NewRoom)]
struct Room {
    sid: Option<String>,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = Room::create(client, &NewRoom {}).await;
}

fn main() {}
