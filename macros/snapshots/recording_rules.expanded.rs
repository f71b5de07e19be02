// Expansion of:
// #[resource(base_url = VIDEO, path = "/v1/Rooms/<RoomSid>/RecordingRules", fetch, update = UpdateRecordingRules)]
// pub struct RecordingRules {
//     pub room_sid: Option<String>,
// }
const _: () = ::sidekick::__private::assert_base_url(VIDEO);
#[automatically_derived]
impl ::sidekick::__private::Resource for RecordingRules {
    type ListPaging = ::sidekick::__private::MetaPaging;
    const NAME: &'static str = "RecordingRules";
    const BASE_URL: &'static str = VIDEO;
    const PATH: ::sidekick::__private::PathTemplate = ::sidekick::__private::PathTemplate::new(
        &["/v1/Rooms/", "/RecordingRules"],
        &["room_sid"],
    );
    const OPERATIONS: &'static [::sidekick::__private::Operation] = &[
        ::sidekick::__private::Operation::new(
            ::sidekick::__private::OperationKind::Fetch,
            ::sidekick::__private::HttpMethod::Get,
            ::sidekick::__private::PathTemplate::new(
                &["/v1/Rooms/", "/RecordingRules"],
                &["room_sid"],
            ),
        ),
        ::sidekick::__private::Operation::new(
            ::sidekick::__private::OperationKind::Update,
            ::sidekick::__private::HttpMethod::Post,
            ::sidekick::__private::PathTemplate::new(
                &["/v1/Rooms/", "/RecordingRules"],
                &["room_sid"],
            ),
        ),
    ];
}
#[automatically_derived]
impl RecordingRules {
    /// Fetches one `RecordingRules`: `GET /v1/Rooms/<RoomSid>/RecordingRules`.
    pub fn fetch(
        client: &::sidekick::__private::Client,
        room_sid: impl ::core::convert::AsRef<str>,
    ) -> ::sidekick::__private::Call<Self> {
        ::sidekick::__private::call::<
            Self,
            (),
        >(
            client,
            ::sidekick::__private::OperationKind::Fetch,
            &[::core::convert::AsRef::<str>::as_ref(&room_sid)],
            &(),
        )
    }
    /// Updates one `RecordingRules`: `POST /v1/Rooms/<RoomSid>/RecordingRules` with a form body.
    pub fn update(
        client: &::sidekick::__private::Client,
        room_sid: impl ::core::convert::AsRef<str>,
        params: &UpdateRecordingRules,
    ) -> ::sidekick::__private::Call<Self> {
        ::sidekick::__private::call::<
            Self,
            UpdateRecordingRules,
        >(
            client,
            ::sidekick::__private::OperationKind::Update,
            &[::core::convert::AsRef::<str>::as_ref(&room_sid)],
            params,
        )
    }
}
