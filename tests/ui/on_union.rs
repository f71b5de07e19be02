use sidekick::Resource;

#[derive(Resource)]
#[resource(path = "/v1/Rooms/<room>/Participants/<sid>")]
union Participant {
    sid: u64,
}

fn main() {}
