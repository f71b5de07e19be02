// Expansion of:
// #[resource(path = "/v1/Rooms/<room>/Participants/<sid>", update = UpdateParticipant, list = ParticipantFilter)]
// pub struct Participant {
//     pub sid: Option<String>,
// }
#[automatically_derived]
impl ::sidekick::__private::Resource for Participant {
    const BASE_URL: &'static str = "https://video.twilio.com";
    const PATH: ::sidekick::__private::PathTemplate = ::sidekick::__private::PathTemplate::new(
        &["/v1/Rooms/", "/Participants/", ""],
        &["room", "sid"],
    );
    const LIST_PATH: ::core::option::Option<::sidekick::__private::PathTemplate> = ::core::option::Option::Some(
        ::sidekick::__private::PathTemplate::new(
            &["/v1/Rooms/", "/Participants"],
            &["room"],
        ),
    );
    const LIST_KEY: &'static str = "participants";
}
#[automatically_derived]
impl Participant {
    /// Fetches one `Participant`: `GET /v1/Rooms/<room>/Participants/<sid>`.
    pub fn fetch(
        client: &::sidekick::__private::Client,
        room: impl ::core::convert::AsRef<str>,
        sid: impl ::core::convert::AsRef<str>,
    ) -> ::sidekick::__private::Call<Self> {
        ::sidekick::__private::fetch::<
            Self,
        >(
            client,
            &[
                ::core::convert::AsRef::<str>::as_ref(&room),
                ::core::convert::AsRef::<str>::as_ref(&sid),
            ],
        )
    }
    /// Updates one `Participant`: `POST /v1/Rooms/<room>/Participants/<sid>` with `params` as a form.
    pub fn update(
        client: &::sidekick::__private::Client,
        room: impl ::core::convert::AsRef<str>,
        sid: impl ::core::convert::AsRef<str>,
        params: &UpdateParticipant,
    ) -> ::sidekick::__private::Call<Self> {
        ::sidekick::__private::update::<
            Self,
            UpdateParticipant,
        >(
            client,
            &[
                ::core::convert::AsRef::<str>::as_ref(&room),
                ::core::convert::AsRef::<str>::as_ref(&sid),
            ],
            params,
        )
    }
    /// Lists `Participant` resources: `GET /v1/Rooms/<room>/Participants`, following pages.
    pub fn list(
        client: &::sidekick::__private::Client,
        room: impl ::core::convert::AsRef<str>,
        filter: &ParticipantFilter,
    ) -> ::sidekick::__private::ListRequest<Self> {
        ::sidekick::__private::list::<
            Self,
            ParticipantFilter,
        >(client, &[::core::convert::AsRef::<str>::as_ref(&room)], filter)
    }
}
