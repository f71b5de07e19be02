// Expansion of:
// #[resource(path = "/v1/Rooms/<RoomSid>/RecordingRules", update = UpdateRecordingRules)]
// pub struct RecordingRules {
//     pub room_sid: Option<String>,
// }
#[automatically_derived]
impl ::sidekick::__private::Resource for RecordingRules {
    const BASE_URL: &'static str = "https://video.twilio.com";
    const PATH: ::sidekick::__private::PathTemplate = ::sidekick::__private::PathTemplate::new(
        &["/v1/Rooms/", "/RecordingRules"],
        &["room_sid"],
    );
    const LIST_PATH: ::core::option::Option<::sidekick::__private::PathTemplate> = ::core::option::Option::None;
    const LIST_KEY: &'static str = "recording_rules";
}
#[automatically_derived]
impl RecordingRules {
    /// Fetches one `RecordingRules`: `GET /v1/Rooms/<RoomSid>/RecordingRules`.
    pub fn fetch(
        client: &::sidekick::__private::Client,
        room_sid: impl ::core::convert::AsRef<str>,
    ) -> ::sidekick::__private::Call<Self> {
        ::sidekick::__private::fetch::<
            Self,
        >(client, &[::core::convert::AsRef::<str>::as_ref(&room_sid)])
    }
    /// Updates one `RecordingRules`: `POST /v1/Rooms/<RoomSid>/RecordingRules` with `params` as a form.
    pub fn update(
        client: &::sidekick::__private::Client,
        room_sid: impl ::core::convert::AsRef<str>,
        params: &UpdateRecordingRules,
    ) -> ::sidekick::__private::Call<Self> {
        ::sidekick::__private::update::<
            Self,
            UpdateRecordingRules,
        >(client, &[::core::convert::AsRef::<str>::as_ref(&room_sid)], params)
    }
}
