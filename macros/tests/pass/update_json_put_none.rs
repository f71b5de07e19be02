// An update sent as a JSON PUT whose answer is empty: `sidekick::Call<()>`.
use sidekick::{BodyFormat, Client, HttpMethod, OperationKind, Resource, ResponseKind};

#[derive(Debug, serde::Deserialize, Resource)]
#[resource(
    base_url = "https://assistants.twilio.com",
    path = "/v1/Assistants/<id>",
    fetch,
    update(params = UpdateAssistant, method = "PUT", body = "json", response = "empty")
)]
pub struct Assistant {
    pub id: Option<String>,
}

#[derive(serde::Serialize, sidekick::Params)]
pub struct UpdateAssistant {
    pub name: String,
    pub personality_prompt: Option<String>,
}

fn main() {
    let client = Client::new("AC123", "token");
    let params = UpdateAssistant { name: "Ava".into(), personality_prompt: None };
    let _: sidekick::Call<()> = Assistant::update(&client, "aia_asst_1", &params);
    let _: sidekick::Call<Assistant> = Assistant::fetch(&client, "aia_asst_1");
    let update = Assistant::operation(OperationKind::Update).unwrap();
    assert_eq!(update.method, HttpMethod::Put);
    assert_eq!(update.body, BodyFormat::Json("application/json"));
    assert_eq!(update.response, ResponseKind::Empty);
    assert_eq!(Assistant::operation(OperationKind::Fetch).unwrap().response, ResponseKind::Json);
}
