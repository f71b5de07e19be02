use sidekick::Resource;

#[derive(serde::Deserialize, Resource)]
#[resource(path = "/v1/Rooms/<room>/Participants/<sid>")]
enum Participant {
    Connected,
}

fn main() {}
