use sidekick::Resource;

#[derive(serde::Deserialize, Resource)]
#[resource(path = "/v1/Rooms/<room>/Participants/<sid>", list, list_key = "")]
struct Participant {
    sid: Option<String>,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = Participant::list(client, "DailyStandup").collect().await;
}

fn main() {}
