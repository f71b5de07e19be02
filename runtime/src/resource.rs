//! The `Resource` trait and the generic operations every resource shares.
//!
//! `#[derive(Resource)]` implements the trait (pure data: where the resource lives and what
//! its operations send) and adds one-line inherent methods that call these functions, so
//! each derive expands to little code and all HTTP behaviour lives, and is tested, here.

use serde::de::DeserializeOwned;

use crate::call::decoders;
use crate::operation::{Operation, OperationKind, ResponseKind};
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
///     type ListPaging = sidekick::MetaPaging;
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
/// use sidekick::{OperationKind::*, MetaPaging};
/// let one: Recording = sidekick::call(client, Fetch, &["RT123"], &()).await?;
/// let all = sidekick::list::<Recording, _, MetaPaging>(client, &[], &()).collect().await?;
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
    /// The paging shape of the list operation, for code that serves or reads the list without
    /// calling the generated method (a local fake server, say). Any shape, [`MetaPaging`]
    /// by convention, where the resource has no list.
    ///
    /// [`MetaPaging`]: crate::MetaPaging
    type ListPaging: Paging;
    /// The letters every SID of this resource starts with, such as `"RM"` for a Twilio Video
    /// room (`RM` and 32 hex digits), if the resource declares them: for code that makes or
    /// recognises SIDs without calling the API (a local fake server, say). `None` by default;
    /// the derive sets it from `sid_prefix = "RM"`.
    ///
    /// ```
    /// # extern crate sidekick_runtime as sidekick;
    /// use sidekick::{HttpMethod, Operation, OperationKind, PathTemplate, Resource};
    ///
    /// #[derive(serde::Deserialize)]
    /// struct Room { sid: Option<String> }
    ///
    /// const ROOM: PathTemplate = PathTemplate::new(&["/v1/Rooms/", ""], &["sid"]);
    ///
    /// impl Resource for Room {
    ///     type ListPaging = sidekick::MetaPaging;
    ///     const NAME: &'static str = "Room";
    ///     const BASE_URL: &'static str = "https://video.twilio.com";
    ///     const PATH: PathTemplate = ROOM;
    ///     const OPERATIONS: &'static [Operation] =
    ///         &[Operation::new(OperationKind::Fetch, HttpMethod::Get, ROOM)];
    ///     const SID_PREFIX: Option<&'static str> = Some("RM");
    /// }
    ///
    /// /// A SID for the `n`th object of a resource, in the resource's own shape.
    /// fn sid<R: Resource>(n: u128) -> Option<String> {
    ///     R::SID_PREFIX.map(|prefix| format!("{prefix}{n:032x}"))
    /// }
    ///
    /// assert_eq!(sid::<Room>(1).as_deref(), Some("RM00000000000000000000000000000001"));
    /// ```
    const SID_PREFIX: Option<&'static str> = None;

    /// The operation of this kind, if the resource has it.
    fn operation(kind: OperationKind) -> Option<&'static Operation> {
        Self::OPERATIONS.iter().find(|op| op.kind == kind)
    }
}

/// Something done with each of a set of resource types: the generated bindings call it with
/// every resource of a product (`sidekick::twilio::messaging::for_each_resource`), so that a
/// tool such as an emulator or a test harness can serve or check them all without naming each.
///
/// ```
/// # extern crate sidekick_runtime as sidekick;
/// use sidekick::{Resource, ResourceVisitor};
///
/// /// Collects the names of the resources visited.
/// #[derive(Default)]
/// struct Names(Vec<&'static str>);
///
/// impl ResourceVisitor for Names {
///     fn visit<R: Resource>(&mut self) {
///         self.0.push(R::NAME);
///     }
/// }
/// # let mut names = Names::default();
/// # assert!(names.0.is_empty());
/// ```
pub trait ResourceVisitor {
    /// Called once for each resource type `R`.
    fn visit<R: Resource>(&mut self);
}

/// Fails to compile unless `url` is an absolute `http://` or `https://` URL with a host and
/// no credentials, query or fragment: the check the derive runs on a `base_url` given as a
/// constant, which it cannot read itself.
///
/// ```
/// # extern crate sidekick_runtime as sidekick;
/// const API: &str = "https://api.twilio.com";
/// const _: () = sidekick::assert_base_url(API);
/// ```
pub const fn assert_base_url(url: &str) {
    if let Some(problem) = crate::host::base_url_problem(url) {
        panic!("{}", problem);
    }
}

/// Calls the resource's `kind` operation with `params`, decoding the answer as the resource.
pub fn call<R: Resource, P: Params + ?Sized>(
    client: &Client,
    kind: OperationKind,
    args: &[&str],
    params: &P,
) -> Call<R> {
    Call::new(client, request::<R, P>(kind, args, params, Some(ResponseKind::Json)), decoders::json::<R>)
}

/// Calls the resource's `kind` operation with `params`, decoding the answer as `O`: for an
/// operation that answers with another shape than the resource's (a new API key, which alone
/// carries its secret).
pub fn call_returning<R: Resource, P: Params + ?Sized, O: DeserializeOwned + Send + 'static>(
    client: &Client,
    kind: OperationKind,
    args: &[&str],
    params: &P,
) -> Call<O> {
    Call::new(client, request::<R, P>(kind, args, params, Some(ResponseKind::Json)), decoders::json::<O>)
}

/// Calls the resource's `kind` operation with `params`; any 2xx answer is success, its body
/// unread (`204 No Content`).
pub fn call_empty<R: Resource, P: Params + ?Sized>(
    client: &Client,
    kind: OperationKind,
    args: &[&str],
    params: &P,
) -> Call<()> {
    Call::new(client, request::<R, P>(kind, args, params, None), decoders::empty)
}

/// Calls the resource's `kind` operation with `params`, whose answer is a redirect: the
/// result is its status and `Location`, never followed.
pub fn call_redirect<R: Resource, P: Params + ?Sized>(
    client: &Client,
    kind: OperationKind,
    args: &[&str],
    params: &P,
) -> Call<Redirect> {
    Call::new(client, request::<R, P>(kind, args, params, Some(ResponseKind::Redirect)), decoders::redirect)
}

/// Lists the resources with `filter` (query and header parameters), in the paging shape `S`.
pub fn list<R: Resource, P: Params + ?Sized, S: Paging>(
    client: &Client,
    args: &[&str],
    filter: &P,
) -> ListRequest<R, S> {
    ListRequest::new(client, request::<R, P>(OperationKind::List, args, filter, Some(ResponseKind::Json)))
}

/// The request for the resource's `kind` operation, which must answer as `expected` (any answer
/// suits a call that ignores the body).
fn request<R: Resource, P: Params + ?Sized>(
    kind: OperationKind,
    args: &[&str],
    params: &P,
    expected: Option<ResponseKind>,
) -> Result<Request> {
    // A hand-written resource's base was never checked by the derive; this is evaluated at
    // compile time all the same, once per resource.
    if let Some(problem) = const { crate::host::base_url_problem(R::BASE_URL) } {
        return Err(Error::invalid_input(format!("{}: {problem}", R::NAME)));
    }
    let operation = R::operation(kind).ok_or_else(|| {
        Error::invalid_input(format!(
            "{} has no `{}` operation: declare it on the resource",
            R::NAME,
            kind.as_str()
        ))
    })?;
    if let Some(expected) = expected.filter(|e| *e != operation.response) {
        let use_instead = match operation.response {
            ResponseKind::Json => "call",
            ResponseKind::Empty => "call_empty",
            ResponseKind::Redirect => "call_redirect",
        };
        return Err(Error::invalid_input(format!(
            "{}::{} answers {:?}, not {expected:?}: send it with {use_instead}",
            R::NAME,
            kind.as_str(),
            operation.response
        )));
    }
    Request::new(R::NAME, R::BASE_URL, *operation, args, params)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operation::HttpMethod;

    #[derive(Debug, serde::Deserialize)]
    struct Day {}

    const DAY: PathTemplate = PathTemplate::new(&["/v1/Exports/", "/Days/", ""], &["kind", "day"]);

    impl Resource for Day {
        type ListPaging = crate::MetaPaging;
        const NAME: &'static str = "Day";
        const BASE_URL: &'static str = "https://bulkexports.twilio.com";
        const PATH: PathTemplate = DAY;
        const OPERATIONS: &'static [Operation] =
            &[Operation::new(OperationKind::Fetch, HttpMethod::Get, DAY).response(ResponseKind::Redirect)];
    }

    struct Unchecked;

    impl Resource for Unchecked {
        type ListPaging = crate::MetaPaging;
        const NAME: &'static str = "Unchecked";
        const BASE_URL: &'static str = "https://api.example.com/x?tenant=1";
        const PATH: PathTemplate = DAY;
        const OPERATIONS: &'static [Operation] =
            &[Operation::new(OperationKind::Fetch, HttpMethod::Get, DAY)];
    }

    impl<'de> serde::Deserialize<'de> for Unchecked {
        fn deserialize<D: serde::Deserializer<'de>>(_: D) -> std::result::Result<Self, D::Error> {
            Ok(Unchecked)
        }
    }

    #[test]
    fn the_answer_kind_must_match_the_call() {
        let err =
            request::<Day, ()>(OperationKind::Fetch, &["Calls", "2026-11-27"], &(), Some(ResponseKind::Json))
                .unwrap_err();
        assert!(err.to_string().contains("send it with call_redirect"), "{err}");
        assert!(
            request::<Day, ()>(OperationKind::Fetch, &["Calls", "d"], &(), Some(ResponseKind::Redirect))
                .is_ok()
        );
        assert!(request::<Day, ()>(OperationKind::Fetch, &["Calls", "d"], &(), None).is_ok());
        let err = request::<Day, ()>(OperationKind::Delete, &["Calls", "d"], &(), None).unwrap_err();
        assert!(err.to_string().contains("has no `delete` operation"), "{err}");
    }

    #[test]
    fn a_hand_written_base_url_is_checked_before_sending() {
        let err = request::<Unchecked, ()>(OperationKind::Fetch, &["a", "b"], &(), None).unwrap_err();
        assert!(err.to_string().contains("query or fragment"), "{err}");
    }

    #[test]
    fn a_resource_declares_no_sid_prefix_unless_it_says_so() {
        assert_eq!(Day::SID_PREFIX, None);
    }
}
