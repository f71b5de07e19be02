// An instance resource: fetch, and update with a form.
use sidekick::{Client, HttpMethod, OperationKind, Resource};

#[derive(Debug, serde::Deserialize, Resource)]
#[resource(base_url = "https://video.twilio.com", path = "/v1/Rooms/<room>/Participants/<sid>", fetch, update = UpdateParticipant)]
pub struct Participant {
    pub sid: Option<String>,
}

#[derive(serde::Serialize, sidekick::Params)]
pub struct UpdateParticipant {
    #[serde(rename = "Status")]
    pub status: &'static str,
}

fn main() {
    let client = Client::new("AC123", "token");
    let _fetch: sidekick::Call<Participant> = Participant::fetch(&client, "DailyStandup", "Alice");
    let _update: sidekick::Call<Participant> =
        Participant::update(&client, "DailyStandup", String::from("Alice"), &UpdateParticipant { status: "disconnected" });
    assert_eq!(Participant::PATH.to_string(), "/v1/Rooms/<room>/Participants/<sid>");
    assert_eq!(Participant::BASE_URL, "https://video.twilio.com");
    let update = Participant::operation(OperationKind::Update).unwrap();
    assert_eq!(update.method, HttpMethod::Post);
    assert_eq!(update.body, sidekick::BodyFormat::Form);
    assert_eq!(update.path, Participant::PATH);
    assert!(Participant::operation(OperationKind::List).is_none());
    assert_eq!(Participant::OPERATIONS.len(), 2);
}
