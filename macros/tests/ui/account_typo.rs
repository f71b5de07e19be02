// `account = "acount_sid"` names no placeholder of the path.
use sidekick::Resource;

#[derive(serde::Deserialize, Resource)]
#[resource(base_url = "https://api.twilio.com", path = "/2010-04-01/Accounts/<account_sid>/Messages/<sid>.json", account = "acount_sid", fetch)]
struct Message {
    sid: Option<String>,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = Message::fetch(client, "SM123").await;
}

fn main() {}
