// Expansion of:
// #[resource(
//     base_url = "https://video.twilio.com",
//     path = "/v1/Rooms/<room>/Participants/<sid>",
//     sid_prefix = "PA",
//     fetch,
//     update = UpdateParticipant,
//     list = ParticipantFilter
// )]
// pub struct Participant {
//     pub sid: Option<String>,
// }
#[automatically_derived]
impl ::sidekick::__private::Resource for Participant {
    type ListPaging = ::sidekick::__private::MetaPaging;
    const NAME: &'static str = "Participant";
    const BASE_URL: &'static str = "https://video.twilio.com";
    const PATH: ::sidekick::__private::PathTemplate = ::sidekick::__private::PathTemplate::new(
        &["/v1/Rooms/", "/Participants/", ""],
        &["room", "sid"],
    );
    const OPERATIONS: &'static [::sidekick::__private::Operation] = &[
        ::sidekick::__private::Operation::new(
            ::sidekick::__private::OperationKind::Fetch,
            ::sidekick::__private::HttpMethod::Get,
            ::sidekick::__private::PathTemplate::new(
                &["/v1/Rooms/", "/Participants/", ""],
                &["room", "sid"],
            ),
        ),
        ::sidekick::__private::Operation::new(
            ::sidekick::__private::OperationKind::Update,
            ::sidekick::__private::HttpMethod::Post,
            ::sidekick::__private::PathTemplate::new(
                &["/v1/Rooms/", "/Participants/", ""],
                &["room", "sid"],
            ),
        ),
        ::sidekick::__private::Operation::new(
                ::sidekick::__private::OperationKind::List,
                ::sidekick::__private::HttpMethod::Get,
                ::sidekick::__private::PathTemplate::new(
                    &["/v1/Rooms/", "/Participants"],
                    &["room"],
                ),
            )
            .list_key("participants"),
    ];
    const SID_PREFIX: ::core::option::Option<&'static str> = ::core::option::Option::Some(
        "PA",
    );
}
#[automatically_derived]
impl Participant {
    /// Fetches one `Participant`: `GET /v1/Rooms/<room>/Participants/<sid>`.
    pub fn fetch(
        client: &::sidekick::__private::Client,
        room: impl ::core::convert::AsRef<str>,
        sid: impl ::core::convert::AsRef<str>,
    ) -> ::sidekick::__private::Call<Self> {
        ::sidekick::__private::call::<
            Self,
            (),
        >(
            client,
            ::sidekick::__private::OperationKind::Fetch,
            &[
                ::core::convert::AsRef::<str>::as_ref(&room),
                ::core::convert::AsRef::<str>::as_ref(&sid),
            ],
            &(),
        )
    }
    /// Updates one `Participant`: `POST /v1/Rooms/<room>/Participants/<sid>` with a form body.
    pub fn update(
        client: &::sidekick::__private::Client,
        room: impl ::core::convert::AsRef<str>,
        sid: impl ::core::convert::AsRef<str>,
        params: &UpdateParticipant,
    ) -> ::sidekick::__private::Call<Self> {
        ::sidekick::__private::call::<
            Self,
            UpdateParticipant,
        >(
            client,
            ::sidekick::__private::OperationKind::Update,
            &[
                ::core::convert::AsRef::<str>::as_ref(&room),
                ::core::convert::AsRef::<str>::as_ref(&sid),
            ],
            params,
        )
    }
    /// Lists `Participant` resources, following pages: `GET /v1/Rooms/<room>/Participants`.
    pub fn list(
        client: &::sidekick::__private::Client,
        room: impl ::core::convert::AsRef<str>,
        filter: &ParticipantFilter,
    ) -> ::sidekick::__private::ListRequest<Self, ::sidekick::__private::MetaPaging> {
        const _: () = ::core::assert!(
            ! < ParticipantFilter as ::sidekick::__private::Params > ::BODY_FIELDS,
            "GET sends no body, but `ParticipantFilter` places fields in the body (`#[param(body)]`): mark them `#[param(query)]`"
        );
        ::sidekick::__private::list::<
            Self,
            ParticipantFilter,
            ::sidekick::__private::MetaPaging,
        >(client, &[::core::convert::AsRef::<str>::as_ref(&room)], filter)
    }
}
