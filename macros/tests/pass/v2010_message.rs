// Twilio's 2010 API: `.json` suffix, `account = "account_sid"`, `next_page_uri` paging, every method and `.account_sid(..)`.
use sidekick::{Client, HttpMethod, OperationKind, Resource};

#[derive(Debug, serde::Deserialize, Resource)]
#[resource(
    base_url = "https://api.twilio.com",
    path = "/2010-04-01/Accounts/<account_sid>/Messages/<sid>.json",
    account = "account_sid",
    fetch,
    create = CreateMessage,
    update = UpdateMessage,
    delete,
    list(params = MessageFilter, paging = "next_page_uri")
)]
pub struct Message {
    pub sid: Option<String>,
    pub body: Option<String>,
}

#[derive(serde::Serialize, sidekick::Params)]
#[serde(rename_all = "PascalCase")]
pub struct CreateMessage {
    pub to: String,
    pub from: String,
    pub body: String,
}

#[derive(serde::Serialize, sidekick::Params)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateMessage {
    pub body: String,
}

#[derive(Default, serde::Serialize, sidekick::Params)]
pub struct MessageFilter {
    #[serde(rename = "DateSent>", skip_serializing_if = "Option::is_none")]
    pub sent_after: Option<String>,
}

fn main() {
    let client = Client::new("AC123", "token");
    let sms = CreateMessage { to: "+15558675310".into(), from: "+15017122661".into(), body: "Hi".into() };
    let _: sidekick::Call<Message> = Message::create(&client, &sms);
    let _: sidekick::Call<Message> = Message::fetch(&client, "SM123");
    let _: sidekick::Call<Message> = Message::fetch(&client, "SM123").account_sid("ACsubaccount");
    let _: sidekick::Call<Message> = Message::update(&client, "SM123", &UpdateMessage { body: String::new() });
    let _: sidekick::Call<()> = Message::delete(&client, "SM123").account_sid("ACsubaccount");
    let _: sidekick::ListRequest<Message, sidekick::UriPaging> =
        Message::list(&client, &MessageFilter::default()).account_sid("ACsubaccount").page_size(50);

    assert_eq!(Message::BASE_URL, "https://api.twilio.com");
    assert_eq!(Message::PATH.to_string(), "/2010-04-01/Accounts/<account_sid>/Messages/<sid>.json");
    let list = <Message as sidekick::Resource>::operation(sidekick::OperationKind::List).unwrap();
    assert_eq!(list.path.to_string(), "/2010-04-01/Accounts/<account_sid>/Messages.json");
    assert_eq!(list.list_key, "messages");
    assert_eq!(list.account, Some("account_sid"));
    assert_eq!(list.method, HttpMethod::Get);
    let create = Message::operation(OperationKind::Create).unwrap();
    assert_eq!(create.path, list.path);
    assert_eq!(create.method, HttpMethod::Post);
    for kind in [OperationKind::Fetch, OperationKind::Update, OperationKind::Delete] {
        let op = Message::operation(kind).unwrap();
        assert_eq!(op.path, Message::PATH, "{kind:?}");
        assert_eq!(op.account, Some("account_sid"), "{kind:?}");
    }
    assert_eq!(Message::OPERATIONS.len(), 5);
}
