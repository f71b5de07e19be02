use sidekick::Resource;

#[derive(serde::Deserialize, Resource)]
#[resource(path = "/v1/Rooms/<room>/Participants/<sid>")]
struct Participant;

fn main() {}
