// With no usable path the derive cannot know the methods' parameters: it implements
// the trait but generates no methods, so the call below is a second, follow-on error.
use sidekick::Resource;

#[derive(serde::Deserialize, Resource)]
#[resource(path = 5)]
struct Participant {
    sid: Option<String>,
}

#[allow(dead_code)]
async fn call(client: &sidekick::Client) {
    let _ = Participant::fetch(client, "DailyStandup", "Alice").await;
}

fn main() {}
