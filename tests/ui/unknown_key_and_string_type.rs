use sidekick::Resource;

#[derive(serde::Deserialize, Resource)]
#[resource(pth = "/v1/Rooms/<sid>", update = "UpdateRoom")]
struct Room {
    sid: Option<String>,
}

fn main() {}
