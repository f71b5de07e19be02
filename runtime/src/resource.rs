//! The `Resource` trait and the generic operations every resource shares.
//!
//! `#[derive(Resource)]` implements the trait (pure data) and adds thin inherent methods that
//! call these functions, so each derive expands to little code and all HTTP behaviour lives,
//! and is tested, here.

use reqwest::{Method, StatusCode};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::paging::check_filters_leave_paging_alone;
use crate::{Call, Client, Error, ListRequest, PathTemplate, Result, decode, form};

/// A REST resource: where it lives and how its lists are shaped.
///
/// Usually derived (`#[derive(Resource)]` in the `sidekick` crate); by hand it looks like this:
///
/// ```
/// use sidekick_runtime::{PathTemplate, Resource};
///
/// #[derive(serde::Deserialize)]
/// struct Recording { sid: Option<String> }
///
/// impl Resource for Recording {
///     const BASE_URL: &'static str = "https://video.twilio.com";
///     const PATH: PathTemplate = PathTemplate::new(&["/v1/Recordings/", ""], &["sid"]);
///     const LIST_PATH: Option<PathTemplate> = Some(PathTemplate::new(&["/v1/Recordings"], &[]));
///     const LIST_KEY: &'static str = "recordings";
/// }
///
/// # async fn run(client: &sidekick_runtime::Client) -> sidekick_runtime::Result<()> {
/// let one: Recording = sidekick_runtime::fetch(client, &["RT123"]).await?;
/// sidekick_runtime::delete::<Recording>(client, &["RT123"]).await?;
/// # Ok(()) }
/// ```
pub trait Resource: DeserializeOwned + Send + 'static {
    /// The base URL the resource is declared on, such as `https://video.twilio.com`.
    const BASE_URL: &'static str;
    /// The instance (or singleton) path.
    const PATH: PathTemplate;
    /// The list path (also where `create` posts), if the resource has one.
    const LIST_PATH: Option<PathTemplate>;
    /// The key of the items array in a list page, such as `participants`.
    const LIST_KEY: &'static str;
}

/// `GET` the resource at [`Resource::PATH`].
pub fn fetch<R: Resource>(client: &Client, args: &[&str]) -> Call<R> {
    let request =
        R::PATH.render(args).and_then(|path| client.prepare(Method::GET, R::BASE_URL, &path, "", None));
    Call::new(client, request, decode::json::<R>)
}

/// `POST` `params` as a form to [`Resource::PATH`].
pub fn update<R: Resource, P: Serialize + ?Sized>(client: &Client, args: &[&str], params: &P) -> Call<R> {
    let request = R::PATH.render(args).and_then(|path| post(client, R::BASE_URL, &path, params));
    Call::new(client, request, decode::json::<R>)
}

/// `POST` `params` as a form to [`Resource::LIST_PATH`].
pub fn create<R: Resource, P: Serialize + ?Sized>(
    client: &Client,
    list_args: &[&str],
    params: &P,
) -> Call<R> {
    let request = list_path::<R>(list_args).and_then(|path| post(client, R::BASE_URL, &path, params));
    Call::new(client, request, decode::json::<R>)
}

/// `DELETE` the resource at [`Resource::PATH`]; success is any 2xx (Twilio answers 204).
pub fn delete<R: Resource>(client: &Client, args: &[&str]) -> Call<()> {
    let request =
        R::PATH.render(args).and_then(|path| client.prepare(Method::DELETE, R::BASE_URL, &path, "", None));
    Call::new(client, request, |_: StatusCode, _: &[u8]| Ok(()))
}

/// Lists the resources at [`Resource::LIST_PATH`], with `filter` as query parameters.
pub fn list<R: Resource, F: Serialize + ?Sized>(
    client: &Client,
    list_args: &[&str],
    filter: &F,
) -> ListRequest<R> {
    let start = list_path::<R>(list_args).and_then(|path| {
        let filters = form::pairs(filter)?;
        check_filters_leave_paging_alone(&filters)?;
        Ok((path, form::to_query(&filters)?))
    });
    ListRequest::new(client, R::BASE_URL, R::LIST_KEY, start)
}

fn list_path<R: Resource>(args: &[&str]) -> Result<String> {
    match R::LIST_PATH {
        Some(template) => template.render(args),
        None => Err(Error::invalid_input(format!(
            "{} has no list path: declare `list_path` on the resource",
            std::any::type_name::<R>()
        ))),
    }
}

fn post<P: Serialize + ?Sized>(
    client: &Client,
    base: &str,
    path: &str,
    params: &P,
) -> Result<crate::request::PreparedRequest> {
    client.prepare(Method::POST, base, path, "", Some(form::encode(params)?))
}
