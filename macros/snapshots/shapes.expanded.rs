// Expansion of:
// #[resource(
//     base_url = "https://api.example.com",
//     path = "/v2/Exports/<kind>/Days/<day>",
//     fetch(response = "redirect"),
//     create(params = NewExport, returns = ExportJob),
//     update(params = Patch, method = "PATCH", body = "application/scim+json", response = "empty"),
//     list(path = "/v2/Exports/<kind>/Days", key = "days", paging = LinkHeader)
// )]
// pub struct Day {
//     pub day: Option<String>,
// }
#[automatically_derived]
impl ::sidekick::__private::Resource for Day {
    type ListPaging = LinkHeader;
    const NAME: &'static str = "Day";
    const BASE_URL: &'static str = "https://api.example.com";
    const PATH: ::sidekick::__private::PathTemplate = ::sidekick::__private::PathTemplate::new(
        &["/v2/Exports/", "/Days/", ""],
        &["kind", "day"],
    );
    const OPERATIONS: &'static [::sidekick::__private::Operation] = &[
        ::sidekick::__private::Operation::new(
                ::sidekick::__private::OperationKind::Fetch,
                ::sidekick::__private::HttpMethod::Get,
                ::sidekick::__private::PathTemplate::new(
                    &["/v2/Exports/", "/Days/", ""],
                    &["kind", "day"],
                ),
            )
            .response(::sidekick::__private::ResponseKind::Redirect),
        ::sidekick::__private::Operation::new(
            ::sidekick::__private::OperationKind::Create,
            ::sidekick::__private::HttpMethod::Post,
            ::sidekick::__private::PathTemplate::new(
                &["/v2/Exports/", "/Days"],
                &["kind"],
            ),
        ),
        ::sidekick::__private::Operation::new(
                ::sidekick::__private::OperationKind::Update,
                ::sidekick::__private::HttpMethod::Patch,
                ::sidekick::__private::PathTemplate::new(
                    &["/v2/Exports/", "/Days/", ""],
                    &["kind", "day"],
                ),
            )
            .body(::sidekick::__private::BodyFormat::Json("application/scim+json"))
            .response(::sidekick::__private::ResponseKind::Empty),
        ::sidekick::__private::Operation::new(
                ::sidekick::__private::OperationKind::List,
                ::sidekick::__private::HttpMethod::Get,
                ::sidekick::__private::PathTemplate::new(
                    &["/v2/Exports/", "/Days"],
                    &["kind"],
                ),
            )
            .list_key("days"),
    ];
}
#[automatically_derived]
impl Day {
    /// Fetches one `Day`: `GET /v2/Exports/<kind>/Days/<day>`.
    pub fn fetch(
        client: &::sidekick::__private::Client,
        kind: impl ::core::convert::AsRef<str>,
        day: impl ::core::convert::AsRef<str>,
    ) -> ::sidekick::__private::Call<::sidekick::__private::Redirect> {
        ::sidekick::__private::call_redirect::<
            Self,
            (),
        >(
            client,
            ::sidekick::__private::OperationKind::Fetch,
            &[
                ::core::convert::AsRef::<str>::as_ref(&kind),
                ::core::convert::AsRef::<str>::as_ref(&day),
            ],
            &(),
        )
    }
    /// Creates a `Day`: `POST /v2/Exports/<kind>/Days` with a form body.
    pub fn create(
        client: &::sidekick::__private::Client,
        kind: impl ::core::convert::AsRef<str>,
        params: &NewExport,
    ) -> ::sidekick::__private::Call<ExportJob> {
        ::sidekick::__private::call_returning::<
            Self,
            NewExport,
            ExportJob,
        >(
            client,
            ::sidekick::__private::OperationKind::Create,
            &[::core::convert::AsRef::<str>::as_ref(&kind)],
            params,
        )
    }
    /// Updates one `Day`: `PATCH /v2/Exports/<kind>/Days/<day>` with a `application/scim+json` body.
    pub fn update(
        client: &::sidekick::__private::Client,
        kind: impl ::core::convert::AsRef<str>,
        day: impl ::core::convert::AsRef<str>,
        params: &Patch,
    ) -> ::sidekick::__private::Call<()> {
        ::sidekick::__private::call_empty::<
            Self,
            Patch,
        >(
            client,
            ::sidekick::__private::OperationKind::Update,
            &[
                ::core::convert::AsRef::<str>::as_ref(&kind),
                ::core::convert::AsRef::<str>::as_ref(&day),
            ],
            params,
        )
    }
    /// Lists `Day` resources, following pages: `GET /v2/Exports/<kind>/Days`.
    pub fn list(
        client: &::sidekick::__private::Client,
        kind: impl ::core::convert::AsRef<str>,
    ) -> ::sidekick::__private::ListRequest<Self, LinkHeader> {
        ::sidekick::__private::list::<
            Self,
            (),
            LinkHeader,
        >(client, &[::core::convert::AsRef::<str>::as_ref(&kind)], &())
    }
}
