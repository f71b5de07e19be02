// `sid_prefix` sets `Resource::SID_PREFIX`; without it, the trait's default `None` stays.
use sidekick::Resource;

#[derive(Debug, serde::Deserialize, Resource)]
#[resource(base_url = "https://video.twilio.com", path = "/v1/Rooms/<sid>", sid_prefix = "RM", fetch)]
pub struct Room {
    pub sid: Option<String>,
}

#[derive(Debug, serde::Deserialize, Resource)]
#[resource(base_url = "https://video.twilio.com", path = "/v1/Rooms/<room>/RecordingRules", fetch)]
pub struct RecordingRules {
    pub room_sid: Option<String>,
}

fn main() {
    assert_eq!(Room::SID_PREFIX, Some("RM"));
    assert_eq!(RecordingRules::SID_PREFIX, None);
}
