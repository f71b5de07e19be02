// A resource that declares none of fetch/create/update/delete/list.
use sidekick::Resource;

#[derive(serde::Deserialize, Resource)]
#[resource(base_url = "https://video.twilio.com", path = "/v1/Rooms/<room>/Participants/<sid>")]
struct Participant {
    sid: Option<String>,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = <Participant as Resource>::OPERATIONS;
    let _ = client;
}

fn main() {}
