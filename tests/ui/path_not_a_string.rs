// With no usable path the derive cannot know the methods' parameters, so it generates none.
use sidekick::Resource;

#[derive(serde::Deserialize, Resource)]
#[resource(path = 5)]
struct Participant {
    sid: Option<String>,
}

fn main() {}
