// A fetch whose answer is a redirect (a Bulk Export day): `sidekick::Call<sidekick::Redirect>`.
use sidekick::{Client, OperationKind, Resource, ResponseKind};

#[derive(Debug, serde::Deserialize, Resource)]
#[resource(
    base_url = "https://bulkexports.twilio.com",
    path = "/v1/Exports/<resource_type>/Days/<day>",
    fetch(response = "redirect"),
    list(key = "days")
)]
pub struct Day {
    pub day: Option<String>,
}

fn main() {
    let client = Client::new("AC123", "token");
    let _: sidekick::Call<sidekick::Redirect> = Day::fetch(&client, "Messages", "2024-01-01");
    let _: sidekick::ListRequest<Day> = Day::list(&client, "Messages");
    assert_eq!(Day::operation(OperationKind::Fetch).unwrap().response, ResponseKind::Redirect);
    assert_eq!(Day::operation(OperationKind::List).unwrap().path.to_string(), "/v1/Exports/<resource_type>/Days");
}
