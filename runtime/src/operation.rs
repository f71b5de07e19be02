//! Operations: what one method of a resource sends, as plain `const` data.

use crate::PathTemplate;

/// Which of a resource's operations this is. A resource has at most one of each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OperationKind {
    /// Read one resource.
    Fetch,
    /// Make a new resource (usually `POST` to the list path).
    Create,
    /// Change one resource (`POST`, `PUT` or `PATCH`).
    Update,
    /// Change part of one resource with `PATCH`, for an API that also has a full `update`
    /// (Twilio's SCIM users: `PUT` replaces, `PATCH` amends).
    Patch,
    /// Remove one resource.
    Delete,
    /// Read the resources of a list, page by page.
    List,
}

impl OperationKind {
    /// The operation's name, as the generated method is called: `fetch`, `create`, ...
    pub const fn as_str(self) -> &'static str {
        match self {
            OperationKind::Fetch => "fetch",
            OperationKind::Create => "create",
            OperationKind::Update => "update",
            OperationKind::Patch => "patch",
            OperationKind::Delete => "delete",
            OperationKind::List => "list",
        }
    }
}

/// The HTTP methods REST operations use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HttpMethod {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `PUT`
    Put,
    /// `PATCH`
    Patch,
    /// `DELETE`
    Delete,
}

impl HttpMethod {
    /// The method's name on the wire.
    pub const fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Post => "POST",
            HttpMethod::Put => "PUT",
            HttpMethod::Patch => "PATCH",
            HttpMethod::Delete => "DELETE",
        }
    }

    /// Whether sending the request twice has the effect of sending it once (RFC 9110):
    /// such requests are retried after 5xx answers and dropped connections.
    pub const fn is_idempotent(self) -> bool {
        matches!(self, HttpMethod::Get | HttpMethod::Put | HttpMethod::Delete)
    }

    /// Whether the method carries a request body: its parameters go there by default.
    pub const fn has_body(self) -> bool {
        matches!(self, HttpMethod::Post | HttpMethod::Put | HttpMethod::Patch)
    }

    pub(crate) fn to_reqwest(self) -> reqwest::Method {
        match self {
            HttpMethod::Get => reqwest::Method::GET,
            HttpMethod::Post => reqwest::Method::POST,
            HttpMethod::Put => reqwest::Method::PUT,
            HttpMethod::Patch => reqwest::Method::PATCH,
            HttpMethod::Delete => reqwest::Method::DELETE,
        }
    }
}

impl std::fmt::Display for HttpMethod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How an operation's body parameters are encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BodyFormat {
    /// `application/x-www-form-urlencoded`, in Twilio's conventions (see [`crate::form`]).
    Form,
    /// JSON, sent with this `Content-Type` (`application/json`, `application/scim+json`...).
    Json(&'static str),
}

/// What a successful answer of an operation carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ResponseKind {
    /// A JSON body: the resource (or, for lists, a page of them).
    Json,
    /// Nothing worth reading (`204 No Content`); the call gives `()`.
    Empty,
    /// A `3xx` answer whose `Location` is the result; the call gives a
    /// [`Redirect`](crate::Redirect) and never follows it.
    Redirect,
}

/// One operation of a resource: everything needed to build its request, as `const` data.
///
/// `#[derive(Resource)]` writes these; by hand, build them with the `const` methods:
///
/// ```
/// # extern crate sidekick_runtime as sidekick;
/// use sidekick::{BodyFormat, HttpMethod, Operation, OperationKind, PathTemplate};
///
/// const UPDATE: Operation = Operation::new(
///     OperationKind::Update,
///     HttpMethod::Put,
///     PathTemplate::new(&["/v1/Assistants/", ""], &["id"]),
/// )
/// .body(BodyFormat::Json("application/json"));
/// assert_eq!(UPDATE.path.to_string(), "/v1/Assistants/<id>");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operation {
    /// Which operation this is.
    pub kind: OperationKind,
    /// The HTTP method.
    pub method: HttpMethod,
    /// The path it is sent to.
    pub path: PathTemplate,
    /// How body parameters are encoded (for methods that have a body).
    pub body: BodyFormat,
    /// What a successful answer carries.
    pub response: ResponseKind,
    /// The placeholder filled from the client's account SID unless the call names another
    /// account (`account_sid` in Twilio's 2010 API), so callers need not repeat it.
    pub account: Option<&'static str>,
    /// For lists: the JSON key of a page's items (`participants`).
    pub list_key: &'static str,
}

impl Operation {
    /// An operation with a form body (when its method has one) and a JSON answer.
    pub const fn new(kind: OperationKind, method: HttpMethod, path: PathTemplate) -> Self {
        let response = match kind {
            OperationKind::Delete => ResponseKind::Empty,
            _ => ResponseKind::Json,
        };
        Operation { kind, method, path, body: BodyFormat::Form, response, account: None, list_key: "" }
    }

    /// Sets how body parameters are encoded.
    pub const fn body(mut self, format: BodyFormat) -> Self {
        self.body = format;
        self
    }

    /// Sets what a successful answer carries.
    pub const fn response(mut self, response: ResponseKind) -> Self {
        self.response = response;
        self
    }

    /// Fills the placeholder `name` from the client's account SID by default.
    pub const fn account(mut self, name: &'static str) -> Self {
        self.account = Some(name);
        self
    }

    /// Sets the JSON key of a list page's items.
    pub const fn list_key(mut self, key: &'static str) -> Self {
        self.list_key = key;
        self
    }
}
