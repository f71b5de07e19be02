// An instance resource: fetch, and update with a form.
use sidekick::{Client, Resource};

#[derive(Debug, serde::Deserialize, Resource)]
#[resource(path = "/v1/Rooms/<room>/Participants/<sid>", update = UpdateParticipant)]
pub struct Participant {
    pub sid: Option<String>,
}

#[derive(serde::Serialize)]
pub struct UpdateParticipant {
    #[serde(rename = "Status")]
    pub status: &'static str,
}

fn main() {
    let client = Client::new("AC123", "token");
    let _fetch: sidekick::Call<Participant> = Participant::fetch(&client, "DailyStandup", "Alice");
    let _update = Participant::update(&client, "DailyStandup", String::from("Alice"), &UpdateParticipant { status: "disconnected" });
    assert_eq!(Participant::PATH.to_string(), "/v1/Rooms/<room>/Participants/<sid>");
    assert_eq!(Participant::LIST_PATH, None);
    assert_eq!(Participant::BASE_URL, "https://video.twilio.com");
}
