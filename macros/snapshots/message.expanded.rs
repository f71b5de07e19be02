// Expansion of:
// #[resource(
//     base_url = "https://api.twilio.com",
//     path = "/2010-04-01/Accounts/<account_sid>/Messages/<sid>.json",
//     account = "account_sid",
//     fetch,
//     create = CreateMessage,
//     update = UpdateMessage,
//     delete,
//     list(params = MessageFilter, paging = "next_page_uri")
// )]
// pub struct Message {
//     pub sid: Option<String>,
// }
#[automatically_derived]
impl ::sidekick::__private::Resource for Message {
    type ListPaging = ::sidekick::__private::UriPaging;
    const NAME: &'static str = "Message";
    const BASE_URL: &'static str = "https://api.twilio.com";
    const PATH: ::sidekick::__private::PathTemplate = ::sidekick::__private::PathTemplate::new(
        &["/2010-04-01/Accounts/", "/Messages/", ".json"],
        &["account_sid", "sid"],
    );
    const OPERATIONS: &'static [::sidekick::__private::Operation] = &[
        ::sidekick::__private::Operation::new(
                ::sidekick::__private::OperationKind::Fetch,
                ::sidekick::__private::HttpMethod::Get,
                ::sidekick::__private::PathTemplate::new(
                    &["/2010-04-01/Accounts/", "/Messages/", ".json"],
                    &["account_sid", "sid"],
                ),
            )
            .account("account_sid"),
        ::sidekick::__private::Operation::new(
                ::sidekick::__private::OperationKind::Create,
                ::sidekick::__private::HttpMethod::Post,
                ::sidekick::__private::PathTemplate::new(
                    &["/2010-04-01/Accounts/", "/Messages.json"],
                    &["account_sid"],
                ),
            )
            .account("account_sid"),
        ::sidekick::__private::Operation::new(
                ::sidekick::__private::OperationKind::Update,
                ::sidekick::__private::HttpMethod::Post,
                ::sidekick::__private::PathTemplate::new(
                    &["/2010-04-01/Accounts/", "/Messages/", ".json"],
                    &["account_sid", "sid"],
                ),
            )
            .account("account_sid"),
        ::sidekick::__private::Operation::new(
                ::sidekick::__private::OperationKind::Delete,
                ::sidekick::__private::HttpMethod::Delete,
                ::sidekick::__private::PathTemplate::new(
                    &["/2010-04-01/Accounts/", "/Messages/", ".json"],
                    &["account_sid", "sid"],
                ),
            )
            .account("account_sid"),
        ::sidekick::__private::Operation::new(
                ::sidekick::__private::OperationKind::List,
                ::sidekick::__private::HttpMethod::Get,
                ::sidekick::__private::PathTemplate::new(
                    &["/2010-04-01/Accounts/", "/Messages.json"],
                    &["account_sid"],
                ),
            )
            .account("account_sid")
            .list_key("messages"),
    ];
}
#[automatically_derived]
impl Message {
    /// Fetches one `Message`: `GET /2010-04-01/Accounts/<account_sid>/Messages/<sid>.json`.
    pub fn fetch(
        client: &::sidekick::__private::Client,
        sid: impl ::core::convert::AsRef<str>,
    ) -> ::sidekick::__private::Call<Self> {
        ::sidekick::__private::call::<
            Self,
            (),
        >(
            client,
            ::sidekick::__private::OperationKind::Fetch,
            &[::core::convert::AsRef::<str>::as_ref(&sid)],
            &(),
        )
    }
    /// Creates a `Message`: `POST /2010-04-01/Accounts/<account_sid>/Messages.json` with a form body.
    pub fn create(
        client: &::sidekick::__private::Client,
        params: &CreateMessage,
    ) -> ::sidekick::__private::Call<Self> {
        ::sidekick::__private::call::<
            Self,
            CreateMessage,
        >(client, ::sidekick::__private::OperationKind::Create, &[], params)
    }
    /// Updates one `Message`: `POST /2010-04-01/Accounts/<account_sid>/Messages/<sid>.json` with a form body.
    pub fn update(
        client: &::sidekick::__private::Client,
        sid: impl ::core::convert::AsRef<str>,
        params: &UpdateMessage,
    ) -> ::sidekick::__private::Call<Self> {
        ::sidekick::__private::call::<
            Self,
            UpdateMessage,
        >(
            client,
            ::sidekick::__private::OperationKind::Update,
            &[::core::convert::AsRef::<str>::as_ref(&sid)],
            params,
        )
    }
    /// Deletes one `Message`: `DELETE /2010-04-01/Accounts/<account_sid>/Messages/<sid>.json`.
    pub fn delete(
        client: &::sidekick::__private::Client,
        sid: impl ::core::convert::AsRef<str>,
    ) -> ::sidekick::__private::Call<()> {
        ::sidekick::__private::call_empty::<
            Self,
            (),
        >(
            client,
            ::sidekick::__private::OperationKind::Delete,
            &[::core::convert::AsRef::<str>::as_ref(&sid)],
            &(),
        )
    }
    /// Lists `Message` resources, following pages: `GET /2010-04-01/Accounts/<account_sid>/Messages.json`.
    pub fn list(
        client: &::sidekick::__private::Client,
        filter: &MessageFilter,
    ) -> ::sidekick::__private::ListRequest<Self, ::sidekick::__private::UriPaging> {
        const _: () = ::core::assert!(
            ! < MessageFilter as ::sidekick::__private::Params > ::BODY_FIELDS,
            "GET sends no body, but `MessageFilter` places fields in the body (`#[param(body)]`): mark them `#[param(query)]`"
        );
        ::sidekick::__private::list::<
            Self,
            MessageFilter,
            ::sidekick::__private::UriPaging,
        >(client, &[], filter)
    }
}
