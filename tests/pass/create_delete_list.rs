// create posts to the list path; delete and a filterless list.
use sidekick::{Client, Resource};

#[derive(Debug, serde::Deserialize, Resource)]
#[resource(path = "/v1/Compositions/<sid>", create = NewComposition, delete, list)]
pub struct Composition {
    pub sid: Option<String>,
}

#[derive(serde::Serialize)]
pub struct NewComposition {
    #[serde(rename = "RoomSid")]
    pub room_sid: String,
}

fn main() {
    let client = Client::new("AC123", "token");
    let _ = Composition::create(&client, &NewComposition { room_sid: "RM1".into() });
    let _: sidekick::Call<()> = Composition::delete(&client, "CJ1");
    let _: sidekick::ListRequest<Composition> = Composition::list(&client).page_size(10);
    assert_eq!(Composition::LIST_PATH.unwrap().to_string(), "/v1/Compositions");
    assert_eq!(Composition::LIST_KEY, "compositions");
}
