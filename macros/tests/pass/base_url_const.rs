// `base_url` given as the path of a `&str` constant that a module's resources share.
use sidekick::{Client, Resource};

mod video {
    pub const BASE: &str = "https://video.twilio.com";
}

const API: &str = "https://api.twilio.com";

#[derive(Debug, serde::Deserialize, Resource)]
#[resource(base_url = video::BASE, path = "/v1/Rooms/<sid>", fetch, list)]
pub struct Room {
    pub sid: Option<String>,
}

#[derive(Debug, serde::Deserialize, Resource)]
#[resource(base_url = crate::API, path = "/2010-04-01/Accounts/<sid>.json", fetch)]
pub struct Account {
    pub sid: Option<String>,
}

fn main() {
    let client = Client::new("AC123", "token");
    let _ = Room::fetch(&client, "RM1");
    let _ = Room::list(&client);
    let _ = Account::fetch(&client, "AC123");
    assert_eq!(Room::BASE_URL, video::BASE);
    assert_eq!(Account::BASE_URL, "https://api.twilio.com");
}
