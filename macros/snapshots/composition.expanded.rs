// Expansion of:
// #[resource(
//     base_url = "https://video.twilio.com",
//     path = "/v1/Compositions/<sid>",
//     fetch,
//     create = NewComposition,
//     delete,
//     list,
//     crate = "crate::sdk"
// )]
// pub(crate) struct Composition {
//     pub sid: Option<String>,
// }
#[automatically_derived]
impl crate::sdk::__private::Resource for Composition {
    type ListPaging = crate::sdk::__private::MetaPaging;
    const NAME: &'static str = "Composition";
    const BASE_URL: &'static str = "https://video.twilio.com";
    const PATH: crate::sdk::__private::PathTemplate = crate::sdk::__private::PathTemplate::new(
        &["/v1/Compositions/", ""],
        &["sid"],
    );
    const OPERATIONS: &'static [crate::sdk::__private::Operation] = &[
        crate::sdk::__private::Operation::new(
            crate::sdk::__private::OperationKind::Fetch,
            crate::sdk::__private::HttpMethod::Get,
            crate::sdk::__private::PathTemplate::new(
                &["/v1/Compositions/", ""],
                &["sid"],
            ),
        ),
        crate::sdk::__private::Operation::new(
            crate::sdk::__private::OperationKind::Create,
            crate::sdk::__private::HttpMethod::Post,
            crate::sdk::__private::PathTemplate::new(&["/v1/Compositions"], &[]),
        ),
        crate::sdk::__private::Operation::new(
            crate::sdk::__private::OperationKind::Delete,
            crate::sdk::__private::HttpMethod::Delete,
            crate::sdk::__private::PathTemplate::new(
                &["/v1/Compositions/", ""],
                &["sid"],
            ),
        ),
        crate::sdk::__private::Operation::new(
                crate::sdk::__private::OperationKind::List,
                crate::sdk::__private::HttpMethod::Get,
                crate::sdk::__private::PathTemplate::new(&["/v1/Compositions"], &[]),
            )
            .list_key("compositions"),
    ];
}
#[automatically_derived]
impl Composition {
    /// Fetches one `Composition`: `GET /v1/Compositions/<sid>`.
    pub(crate) fn fetch(
        client: &crate::sdk::__private::Client,
        sid: impl ::core::convert::AsRef<str>,
    ) -> crate::sdk::__private::Call<Self> {
        crate::sdk::__private::call::<
            Self,
            (),
        >(
            client,
            crate::sdk::__private::OperationKind::Fetch,
            &[::core::convert::AsRef::<str>::as_ref(&sid)],
            &(),
        )
    }
    /// Creates a `Composition`: `POST /v1/Compositions` with a form body.
    pub(crate) fn create(
        client: &crate::sdk::__private::Client,
        params: &NewComposition,
    ) -> crate::sdk::__private::Call<Self> {
        crate::sdk::__private::call::<
            Self,
            NewComposition,
        >(client, crate::sdk::__private::OperationKind::Create, &[], params)
    }
    /// Deletes one `Composition`: `DELETE /v1/Compositions/<sid>`.
    pub(crate) fn delete(
        client: &crate::sdk::__private::Client,
        sid: impl ::core::convert::AsRef<str>,
    ) -> crate::sdk::__private::Call<()> {
        crate::sdk::__private::call_empty::<
            Self,
            (),
        >(
            client,
            crate::sdk::__private::OperationKind::Delete,
            &[::core::convert::AsRef::<str>::as_ref(&sid)],
            &(),
        )
    }
    /// Lists `Composition` resources, following pages: `GET /v1/Compositions`.
    pub(crate) fn list(
        client: &crate::sdk::__private::Client,
    ) -> crate::sdk::__private::ListRequest<Self, crate::sdk::__private::MetaPaging> {
        crate::sdk::__private::list::<
            Self,
            (),
            crate::sdk::__private::MetaPaging,
        >(client, &[], &())
    }
}
