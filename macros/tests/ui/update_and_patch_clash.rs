// `update(method = "PATCH")` together with `patch` on the same path: the same request twice.
use sidekick::Resource;

#[derive(serde::Deserialize, Resource)]
#[resource(base_url = "https://preview-iam.twilio.com", path = "/Organizations/<org>/scim/Users/<sid>", update(method = "PATCH"), patch)]
struct User {
    id: Option<String>,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = User::update(client, "OR1", "US1").await;
    let _ = User::patch(client, "OR1", "US1").await;
}

fn main() {}
