// Expansion of:
// #[resource(path = "/v1/Compositions/<sid>", create = NewComposition, delete, list, crate = "crate::sdk")]
// pub(crate) struct Composition {
//     pub sid: Option<String>,
// }
#[automatically_derived]
impl crate::sdk::__private::Resource for Composition {
    const BASE_URL: &'static str = "https://video.twilio.com";
    const PATH: crate::sdk::__private::PathTemplate = crate::sdk::__private::PathTemplate::new(
        &["/v1/Compositions/", ""],
        &["sid"],
    );
    const LIST_PATH: ::core::option::Option<crate::sdk::__private::PathTemplate> = ::core::option::Option::Some(
        crate::sdk::__private::PathTemplate::new(&["/v1/Compositions"], &[]),
    );
    const LIST_KEY: &'static str = "compositions";
}
#[automatically_derived]
impl Composition {
    /// Fetches one `Composition`: `GET /v1/Compositions/<sid>`.
    pub(crate) fn fetch(
        client: &crate::sdk::__private::Client,
        sid: impl ::core::convert::AsRef<str>,
    ) -> crate::sdk::__private::Call<Self> {
        crate::sdk::__private::fetch::<
            Self,
        >(client, &[::core::convert::AsRef::<str>::as_ref(&sid)])
    }
    /// Deletes one `Composition`: `DELETE /v1/Compositions/<sid>`.
    pub(crate) fn delete(
        client: &crate::sdk::__private::Client,
        sid: impl ::core::convert::AsRef<str>,
    ) -> crate::sdk::__private::Call<()> {
        crate::sdk::__private::delete::<
            Self,
        >(client, &[::core::convert::AsRef::<str>::as_ref(&sid)])
    }
    /// Creates a `Composition`: `POST /v1/Compositions` with `params` as a form.
    pub(crate) fn create(
        client: &crate::sdk::__private::Client,
        params: &NewComposition,
    ) -> crate::sdk::__private::Call<Self> {
        crate::sdk::__private::create::<Self, NewComposition>(client, &[], params)
    }
    /// Lists `Composition` resources: `GET /v1/Compositions`, following pages.
    pub(crate) fn list(
        client: &crate::sdk::__private::Client,
    ) -> crate::sdk::__private::ListRequest<Self> {
        crate::sdk::__private::list::<Self, ()>(client, &[], &())
    }
}
