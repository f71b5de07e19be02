// Two placeholder parents above the instance; any string-like arguments.
use std::borrow::Cow;

use sidekick::{Client, OperationKind, Resource};

#[derive(Debug, serde::Deserialize, Resource)]
#[resource(
    base_url = "https://video.twilio.com",
    path = "/v1/Rooms/<room>/Participants/<participant>/PublishedTracks/<sid>",
    fetch,
    list
)]
pub struct PublishedTrack {
    pub sid: Option<String>,
}

fn main() {
    let client = Client::new("AC123", "token");
    let room = String::from("DailyStandup");
    let _ = PublishedTrack::fetch(&client, &room, Cow::Borrowed("Alice"), "MT1");
    let _ = PublishedTrack::list(&client, room, "Alice").limit(5);
    assert_eq!(PublishedTrack::operation(OperationKind::List).unwrap().list_key, "published_tracks");
    assert_eq!(PublishedTrack::PATH.params(), ["room", "participant", "sid"]);
}
