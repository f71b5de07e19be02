//! The `Resource` trait and the generic operations every resource shares.
//!
//! `#[derive(Resource)]` implements the trait (pure data: where the resource lives and what
//! its operations send) and adds one-line inherent methods that call these functions, so
//! each derive expands to little code and all HTTP behaviour lives, and is tested, here.

use serde::de::DeserializeOwned;

use crate::call::decoders;
use crate::operation::{Operation, OperationKind};
use crate::paging::Paging;
use crate::request::Request;
use crate::{Call, Client, Error, ListRequest, Params, PathTemplate, Redirect, Result};

/// A REST resource: where it lives and the operations it has.
///
/// Usually derived (`#[derive(Resource)]` in the `sidekick` crate); by hand it looks like this:
///
/// ```
/// # extern crate sidekick_runtime as sidekick;
/// use sidekick::{HttpMethod, Operation, OperationKind, PathTemplate, Resource};
///
/// #[derive(serde::Deserialize)]
/// struct Recording { sid: Option<String> }
///
/// const INSTANCE: PathTemplate = PathTemplate::new(&["/v1/Recordings/", ""], &["sid"]);
///
/// impl Resource for Recording {
///     const NAME: &'static str = "Recording";
///     const BASE_URL: &'static str = "https://video.twilio.com";
///     const PATH: PathTemplate = INSTANCE;
///     const OPERATIONS: &'static [Operation] = &[
///         Operation::new(OperationKind::Fetch, HttpMethod::Get, INSTANCE),
///         Operation::new(OperationKind::Delete, HttpMethod::Delete, INSTANCE),
///         Operation::new(OperationKind::List, HttpMethod::Get, PathTemplate::new(&["/v1/Recordings"], &[]))
///             .list_key("recordings"),
///     ];
/// }
///
/// # async fn run(client: &sidekick::Client) -> sidekick::Result<()> {
/// use sidekick::{OperationKind::*, TwilioMeta};
/// let one: Recording = sidekick::call(client, Fetch, &["RT123"], &()).await?;
/// let all = sidekick::list::<Recording, _, TwilioMeta>(client, &[], &()).collect().await?;
/// sidekick::call_empty::<Recording, _>(client, Delete, &["RT123"], &()).await?;
/// # Ok(()) }
/// ```
pub trait Resource: DeserializeOwned + Send + 'static {
    /// The resource's name, for tracing and messages.
    const NAME: &'static str;
    /// The base URL the resource is declared on, such as `https://video.twilio.com`.
    const BASE_URL: &'static str;
    /// The instance (or singleton) path.
    const PATH: PathTemplate;
    /// Every operation the resource has, at most one of each kind.
    const OPERATIONS: &'static [Operation];

    /// The operation of this kind, if the resource has it.
    fn operation(kind: OperationKind) -> Option<&'static Operation> {
        Self::OPERATIONS.iter().find(|op| op.kind == kind)
    }
}

/// Fails to compile unless `url` starts with `http://` or `https://`: the check the derive
/// runs on a `base_url` given as a constant, which it cannot read itself.
///
/// ```
/// # extern crate sidekick_runtime as sidekick;
/// const API: &str = "https://api.twilio.com";
/// const _: () = sidekick::assert_base_url(API);
/// ```
pub const fn assert_base_url(url: &str) {
    let bytes = url.as_bytes();
    let https = bytes.len() > 8 && starts_with(bytes, b"https://");
    let http = bytes.len() > 7 && starts_with(bytes, b"http://");
    assert!(
        https || http,
        "base_url must be an absolute http:// or https:// URL, such as \"https://api.twilio.com\""
    );
}

const fn starts_with(bytes: &[u8], prefix: &[u8]) -> bool {
    let mut i = 0;
    while i < prefix.len() {
        if bytes[i] != prefix[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Calls the resource's `kind` operation with `params`, decoding the answer as the resource.
pub fn call<R: Resource, P: Params + ?Sized>(
    client: &Client,
    kind: OperationKind,
    args: &[&str],
    params: &P,
) -> Call<R> {
    Call::new(client, request::<R, P>(kind, args, params), decoders::json::<R>)
}

/// Calls the resource's `kind` operation with `params`; any 2xx answer is success, its body
/// unread (`204 No Content`).
pub fn call_empty<R: Resource, P: Params + ?Sized>(
    client: &Client,
    kind: OperationKind,
    args: &[&str],
    params: &P,
) -> Call<()> {
    Call::new(client, request::<R, P>(kind, args, params), decoders::empty)
}

/// Calls the resource's `kind` operation with `params`, whose answer is a redirect: the
/// result is its status and `Location`, never followed.
pub fn call_redirect<R: Resource, P: Params + ?Sized>(
    client: &Client,
    kind: OperationKind,
    args: &[&str],
    params: &P,
) -> Call<Redirect> {
    Call::new(client, request::<R, P>(kind, args, params), decoders::redirect)
}

/// Lists the resources with `filter` (query and header parameters), in the paging shape `S`.
pub fn list<R: Resource, P: Params + ?Sized, S: Paging>(
    client: &Client,
    args: &[&str],
    filter: &P,
) -> ListRequest<R, S> {
    ListRequest::new(client, request::<R, P>(OperationKind::List, args, filter))
}

fn request<R: Resource, P: Params + ?Sized>(
    kind: OperationKind,
    args: &[&str],
    params: &P,
) -> Result<Request> {
    let operation = R::operation(kind).ok_or_else(|| {
        Error::invalid_input(format!(
            "{} has no `{}` operation: declare it on the resource",
            R::NAME,
            kind.as_str()
        ))
    })?;
    Request::new(R::NAME, R::BASE_URL, *operation, args, params)
}
