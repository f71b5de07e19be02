// Two placeholder parents above the instance; any string-like arguments.
use std::borrow::Cow;

use sidekick::{Client, Resource};

#[derive(Debug, serde::Deserialize, Resource)]
#[resource(path = "/v1/Rooms/<room>/Participants/<participant>/PublishedTracks/<sid>", list)]
pub struct PublishedTrack {
    pub sid: Option<String>,
}

fn main() {
    let client = Client::new("AC123", "token");
    let room = String::from("DailyStandup");
    let _ = PublishedTrack::fetch(&client, &room, Cow::Borrowed("Alice"), "MT1");
    let _ = PublishedTrack::list(&client, room, "Alice").limit(5);
    assert_eq!(PublishedTrack::LIST_KEY, "published_tracks");
    assert_eq!(PublishedTrack::PATH.params(), ["room", "participant", "sid"]);
}
