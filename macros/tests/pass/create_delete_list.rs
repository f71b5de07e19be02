// create posts to the list path; delete gives `()`; a filterless list with the derived key.
use sidekick::{Client, HttpMethod, OperationKind, Resource};

#[derive(Debug, serde::Deserialize, Resource)]
#[resource(base_url = "https://video.twilio.com", path = "/v1/Compositions/<sid>", create = NewComposition, delete, list)]
pub struct Composition {
    pub sid: Option<String>,
}

#[derive(serde::Serialize, sidekick::Params)]
pub struct NewComposition {
    #[serde(rename = "RoomSid")]
    pub room_sid: String,
}

fn main() {
    let client = Client::new("AC123", "token");
    let _: sidekick::Call<Composition> = Composition::create(&client, &NewComposition { room_sid: "RM1".into() });
    let _: sidekick::Call<()> = Composition::delete(&client, "CJ1");
    let _: sidekick::ListRequest<Composition> = Composition::list(&client).page_size(10);
    let create = Composition::operation(OperationKind::Create).unwrap();
    assert_eq!((create.method, create.path.to_string()), (HttpMethod::Post, "/v1/Compositions".to_owned()));
    let list = Composition::operation(OperationKind::List).unwrap();
    assert_eq!(list.path.to_string(), "/v1/Compositions");
    assert_eq!(list.list_key, "compositions");
    assert_eq!(Composition::operation(OperationKind::Delete).unwrap().method, HttpMethod::Delete);
    assert!(Composition::operation(OperationKind::Fetch).is_none());
    assert!(Composition::operation(OperationKind::Update).is_none());
}
