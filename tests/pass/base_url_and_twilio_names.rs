// Another host, and placeholders spelled as in Twilio's spec (snake_case parameters).
use sidekick::{Client, Resource};

#[derive(Debug, serde::Deserialize, Resource)]
#[resource(base_url = "https://api.example.com/", path = "/v2/Services/<ServiceSid>/Things/<Sid>", list)]
pub struct Thing {
    pub sid: String,
}

fn main() {
    let client = Client::new("AC123", "token");
    let _ = Thing::fetch(&client, "IS1", "TH1");
    let _ = Thing::list(&client, "IS1");
    assert_eq!(Thing::BASE_URL, "https://api.example.com");
    assert_eq!(Thing::PATH.to_string(), "/v2/Services/<service_sid>/Things/<sid>");
}
