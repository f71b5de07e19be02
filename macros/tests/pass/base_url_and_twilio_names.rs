// Another host (normalised), and placeholders spelled as in Twilio's spec (snake_case parameters).
use sidekick::{Client, OperationKind, Resource};

#[derive(Debug, serde::Deserialize, Resource)]
#[resource(base_url = "HTTPS://API.example.com/", path = "/v2/Services/<ServiceSid>/Things/<Sid>", fetch, list)]
pub struct Thing {
    pub sid: String,
}

fn main() {
    let client = Client::new("AC123", "token");
    let _: sidekick::Call<Thing> = Thing::fetch(&client, "IS1", "TH1");
    let _: sidekick::ListRequest<Thing> = Thing::list(&client, "IS1");
    assert_eq!(Thing::BASE_URL, "https://api.example.com");
    assert_eq!(Thing::PATH.to_string(), "/v2/Services/<service_sid>/Things/<sid>");
    let list = Thing::operation(OperationKind::List).unwrap();
    assert_eq!(list.path.to_string(), "/v2/Services/<service_sid>/Things");
    assert_eq!(list.list_key, "things");
}
