//! Requests as values: built without I/O from an operation and its arguments, then routed
//! (base URL, account, query) into the exact request an attempt sends.

use std::time::Duration;

use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderValue, USER_AGENT};
use reqwest::{Method, Url};

use crate::operation::{BodyFormat, Operation, OperationKind};
use crate::params::{self, Body, Encoded, Params};
use crate::{Client, Error, PathTemplate, Result};

const JSON: HeaderValue = HeaderValue::from_static("application/json");

/// One call of one operation, before routing: which operation, its path arguments and its
/// encoded parameters. Building it does no I/O, so every part of it is unit-tested.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Request {
    /// The resource's name, for tracing.
    pub(crate) resource: &'static str,
    pub(crate) operation: Operation,
    /// The resource's declared base URL, before overrides and region/edge.
    pub(crate) base: &'static str,
    /// The path, or its arguments until the account is known.
    pub(crate) path: Path,
    /// The account that fills the operation's account placeholder instead of the client's.
    pub(crate) account: Option<String>,
    pub(crate) params: Encoded,
    /// Safe to send twice: an idempotent method, or a call the caller vouched for.
    pub(crate) idempotent: bool,
}

impl Request {
    /// The request for `operation` of the resource `resource` declared on `base`.
    pub(crate) fn new<P: Params + ?Sized>(
        resource: &'static str,
        base: &'static str,
        operation: Operation,
        args: &[&str],
        params: &P,
    ) -> Result<Request> {
        let body = operation.method.has_body().then_some(operation.body);
        if let Some(BodyFormat::Json(media_type)) = body
            && !(media_type.contains('/') && media_type.bytes().all(|b| b.is_ascii_graphic() || b == b' '))
        {
            return Err(Error::invalid_input(format!(
                "{resource}::{}: the media type `{}` is not a valid `Content-Type`",
                operation.kind.as_str(),
                media_type.escape_debug()
            )));
        }
        Ok(Request {
            resource,
            operation,
            base,
            path: Path::new(operation, args)?,
            account: None,
            params: params::encode(params, body)?,
            idempotent: operation.method.is_idempotent(),
        })
    }

    /// Appends the path to `out`, every argument percent-encoded as data, the account
    /// placeholder filled from `self.account` or else `client_account`.
    pub(crate) fn render_path_into(&self, out: &mut String, client_account: Option<&str>) -> Result<()> {
        let template = self.operation.path;
        // `Path::new` leaves the path pending exactly when the template has an account placeholder.
        let (given, account_param) = match (&self.path, self.operation.account) {
            (Path::Pending(given), Some(account_param)) => (given, account_param),
            (Path::Rendered(path), _) if self.account.is_none() => {
                out.push_str(path);
                return Ok(());
            }
            _ => {
                return Err(Error::invalid_input(format!(
                    "{}::{} addresses no account ({template} has no account placeholder): remove .account_sid(..)",
                    self.resource,
                    self.operation.kind.as_str(),
                )));
            }
        };
        let account = self.account.as_deref().or(client_account).ok_or_else(|| {
            Error::invalid_input(format!(
                "{}::{} needs an account SID for `<{account_param}>` in {template}: configure one with \
                 ClientBuilder::auth_token or ClientBuilder::account_sid, or name it with .account_sid(..) on the call",
                self.resource,
                self.operation.kind.as_str(),
            ))
        })?;
        let mut given = given.iter();
        let mut args = Vec::with_capacity(template.params().len());
        for name in template.params() {
            if *name == account_param {
                args.push(account);
            } else {
                // Too few arguments are reported by `render`, which counts them.
                args.extend(given.next().map(String::as_str));
            }
        }
        args.extend(given.map(String::as_str));
        template.render_into(out, &args)
    }
}

/// A request's path: rendered when the request is built, unless the template has an account
/// placeholder, which is filled when the request is sent (a call may still name the account).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Path {
    /// Every argument percent-encoded in place.
    Rendered(String),
    /// The arguments in template order, without the account placeholder.
    Pending(Vec<String>),
}

impl Path {
    fn new(operation: Operation, args: &[&str]) -> Result<Path> {
        if operation.account.is_some() {
            return Ok(Path::Pending(args.iter().map(|a| (*a).to_owned()).collect()));
        }
        let mut path = String::new();
        operation.path.render_into(&mut path, args)?;
        Ok(Path::Rendered(path))
    }
}

/// What tracing says about a request: names and the path template, never the rendered path
/// (identities and phone numbers are personal data).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Label {
    pub(crate) resource: &'static str,
    pub(crate) operation: OperationKind,
    pub(crate) template: PathTemplate,
    /// For lists: the JSON key of a page's items.
    pub(crate) list_key: &'static str,
}

/// The routed request one attempt sends (and a retry sends again).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PreparedRequest {
    pub(crate) method: Method,
    pub(crate) url: Url,
    /// The operation's header parameters.
    pub(crate) headers: HeaderMap,
    pub(crate) body: Option<Body>,
    pub(crate) idempotent: bool,
    /// A 3xx answer is the operation's result rather than an error.
    pub(crate) redirect_is_success: bool,
    /// The resource's declared base URL, which next-page URLs may use.
    pub(crate) base: &'static str,
    pub(crate) label: Label,
}

impl PreparedRequest {
    /// The same request for another URL: the next page of a list.
    pub(crate) fn with_url(&self, url: Url) -> PreparedRequest {
        PreparedRequest { url, ..self.clone() }
    }
}

impl Client {
    /// Routes `request`: the base URL after overrides and the region/edge rewrite, the path
    /// with its account, and the query string.
    pub(crate) fn prepare(&self, request: &Request) -> Result<PreparedRequest> {
        if let Err(problem) = &self.inner.authorization {
            return Err(Error::invalid_input(problem.clone()));
        }
        // The whole URL in one buffer: base, then path, then query.
        let base = self.inner.hosts.resolve(request.base);
        let mut raw = String::with_capacity(base.len() + 128);
        raw.push_str(&base);
        request.render_path_into(&mut raw, self.account_sid())?;
        if !request.params.query.is_empty() {
            raw.push('?');
            raw.push_str(&crate::form::to_query(&request.params.query)?);
        }
        let url = Url::parse(&raw)
            .map_err(|e| Error::invalid_input(format!("invalid request URL `{raw}`: {e}")))?;
        Ok(PreparedRequest {
            method: request.operation.method.to_reqwest(),
            url,
            headers: request.params.headers.clone(),
            body: request.params.body.clone(),
            idempotent: request.idempotent,
            redirect_is_success: request.operation.response == crate::ResponseKind::Redirect,
            base: request.base,
            label: Label {
                resource: request.resource,
                operation: request.operation.kind,
                template: request.operation.path,
                list_key: request.operation.list_key,
            },
        })
    }

    /// The exact HTTP request one attempt sends.
    pub(crate) fn http_request(&self, prepared: &PreparedRequest, timeout: Duration) -> reqwest::Request {
        let mut request = reqwest::Request::new(prepared.method.clone(), prepared.url.clone());
        let headers = request.headers_mut();
        // The operation's own headers first, so none of them can replace what the client sets
        // (parameters cannot name those: see `RESERVED_HEADERS`).
        headers.extend(prepared.headers.iter().map(|(name, value)| (name.clone(), value.clone())));
        if let Ok(authorization) = &self.inner.authorization {
            headers.insert(AUTHORIZATION, authorization.clone());
        }
        // An API may want its own media type (`application/vnd.github+json`).
        if !headers.contains_key(ACCEPT) {
            headers.insert(ACCEPT, JSON);
        }
        headers.insert(USER_AGENT, self.inner.user_agent.clone());
        if let Some(body) = &prepared.body {
            // Checked when the request was built; JSON stands in were it ever not.
            let content_type = HeaderValue::from_str(body.content_type()).unwrap_or(JSON);
            headers.insert(CONTENT_TYPE, content_type);
            *request.body_mut() = Some(body.bytes().to_vec().into());
        }
        // The HTTP client applies the client's timeout by itself.
        if timeout != self.inner.timeout {
            *request.timeout_mut() = Some(timeout);
        }
        request
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operation::HttpMethod;
    use crate::params::ParamLocation;
    use base64::Engine as _;

    const PARTICIPANT: PathTemplate =
        PathTemplate::new(&["/v1/Rooms/", "/Participants/", ""], &["room", "sid"]);
    const MESSAGE: PathTemplate =
        PathTemplate::new(&["/2010-04-01/Accounts/", "/Messages/", ".json"], &["account_sid", "sid"]);

    fn client() -> Client {
        Client::builder()
            .auth_token("ACtest", "token")
            .base_url_override("https://video.twilio.com", "http://127.0.0.1:4010")
            .build()
            .unwrap()
    }

    fn fetch() -> Operation {
        Operation::new(OperationKind::Fetch, HttpMethod::Get, PARTICIPANT)
    }

    #[derive(serde::Serialize)]
    struct Update {
        #[serde(rename = "Status")]
        status: &'static str,
        #[serde(rename = "If-Match")]
        if_match: Option<&'static str>,
        #[serde(rename = "Fields")]
        fields: Option<&'static str>,
    }

    impl Params for Update {
        fn location(name: &str) -> Option<ParamLocation> {
            match name {
                "If-Match" => Some(ParamLocation::Header),
                "Fields" => Some(ParamLocation::Query),
                _ => None,
            }
        }
    }

    #[test]
    fn get_has_auth_accept_agent_and_no_body() {
        let c = client();
        let request =
            Request::new("Participant", "https://video.twilio.com", fetch(), &["a/b", "Alice"], &()).unwrap();
        let p = c.prepare(&request).unwrap();
        assert!(p.idempotent);
        let r = c.http_request(&p, Duration::from_secs(3));
        assert_eq!(r.method(), Method::GET);
        assert_eq!(r.url().as_str(), "http://127.0.0.1:4010/v1/Rooms/a%2Fb/Participants/Alice");
        let expected = format!("Basic {}", base64::engine::general_purpose::STANDARD.encode("ACtest:token"));
        assert_eq!(r.headers()[AUTHORIZATION], expected.as_str());
        assert!(r.headers()[AUTHORIZATION].is_sensitive());
        assert_eq!(r.headers()[ACCEPT], "application/json");
        assert_eq!(r.headers()[USER_AGENT], c.user_agent());
        assert!(r.headers().get(CONTENT_TYPE).is_none());
        assert!(r.body().is_none());
        assert_eq!(r.timeout(), Some(&Duration::from_secs(3)));
        // The client's own timeout is the HTTP client's, so the request need not carry it.
        assert_eq!(c.http_request(&p, c.inner.timeout).timeout(), None);
    }

    #[test]
    fn an_account_for_a_path_without_one_is_refused_before_sending() {
        let mut request =
            Request::new("Participant", "https://video.twilio.com", fetch(), &["R", "P"], &()).unwrap();
        request.account = Some("ACsub".to_owned());
        let err = client().prepare(&request).unwrap_err();
        assert!(err.to_string().contains("remove .account_sid(..)"), "{err}");
    }

    #[test]
    fn post_carries_form_body_header_and_query_parameters() {
        let c = client();
        let op = Operation::new(OperationKind::Update, HttpMethod::Post, PARTICIPANT);
        let params = Update { status: "disconnected", if_match: Some("\"etag-1\""), fields: Some("x") };
        let request =
            Request::new("Participant", "https://video.twilio.com", op, &["R", "P"], &params).unwrap();
        let p = c.prepare(&request).unwrap();
        assert!(!p.idempotent);
        let r = c.http_request(&p, Duration::from_secs(1));
        assert_eq!(r.url().as_str(), "http://127.0.0.1:4010/v1/Rooms/R/Participants/P?Fields=x");
        assert_eq!(r.headers()[CONTENT_TYPE], "application/x-www-form-urlencoded");
        assert_eq!(r.headers()["if-match"], "\"etag-1\"");
        assert_eq!(r.body().and_then(|b| b.as_bytes()), Some(&b"Status=disconnected"[..]));
    }

    #[test]
    fn header_parameters_cannot_replace_authorization() {
        let c = client();
        let mut params = std::collections::BTreeMap::new();
        params.insert("Authorization", "Basic stolen");
        struct Sneaky(std::collections::BTreeMap<&'static str, &'static str>);
        impl serde::Serialize for Sneaky {
            fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                self.0.serialize(s)
            }
        }
        impl Params for Sneaky {
            fn location(name: &str) -> Option<ParamLocation> {
                match name {
                    "Authorization" => Some(ParamLocation::Header),
                    _ => None,
                }
            }
        }
        let err =
            Request::new("Participant", "https://video.twilio.com", fetch(), &["R", "P"], &Sneaky(params))
                .unwrap_err();
        assert!(matches!(err, Error::InvalidInput(_)), "{err:?}");
        // And were one to get through, the client's own header would still win.
        let mut request =
            Request::new("Participant", "https://video.twilio.com", fetch(), &["R", "P"], &()).unwrap();
        request.params.headers.insert(AUTHORIZATION, HeaderValue::from_static("Basic stolen"));
        let r = c.http_request(&c.prepare(&request).unwrap(), Duration::from_secs(1));
        assert_eq!(r.headers().get_all(AUTHORIZATION).iter().count(), 1);
        assert_ne!(r.headers()[AUTHORIZATION], "Basic stolen");
    }

    #[test]
    fn put_with_json_body_is_idempotent() {
        let c = Client::builder().auth_token("AC1", "t").build().unwrap();
        let op = Operation::new(
            OperationKind::Update,
            HttpMethod::Put,
            PathTemplate::new(&["/v1/Assistants/", ""], &["id"]),
        )
        .body(BodyFormat::Json("application/json"));
        let mut params = std::collections::BTreeMap::new();
        params.insert("name", "helper");
        let request =
            Request::new("Assistant", "https://assistants.twilio.com", op, &["aia_1"], &params).unwrap();
        let p = c.prepare(&request).unwrap();
        assert!(p.idempotent);
        let r = c.http_request(&p, Duration::from_secs(1));
        assert_eq!(r.method(), Method::PUT);
        assert_eq!(r.url().as_str(), "https://assistants.twilio.com/v1/Assistants/aia_1");
        assert_eq!(r.headers()[CONTENT_TYPE], "application/json");
        assert_eq!(r.body().and_then(|b| b.as_bytes()), Some(&br#"{"name":"helper"}"#[..]));
    }

    #[test]
    fn a_bad_media_type_is_an_error_not_a_panic() {
        let op = Operation::new(OperationKind::Create, HttpMethod::Post, PARTICIPANT)
            .body(BodyFormat::Json("application/jsön"));
        let err = Request::new("Participant", "https://video.twilio.com", op, &["R"], &()).unwrap_err();
        assert!(err.to_string().contains("is not a valid `Content-Type`"), "{err}");
    }

    #[test]
    fn account_placeholder_comes_from_the_client_or_the_call() {
        let c = Client::builder().auth_token("ACmain", "t").build().unwrap();
        let op = Operation::new(OperationKind::Fetch, HttpMethod::Get, MESSAGE).account("account_sid");
        let mut request = Request::new("Message", "https://api.twilio.com", op, &["SM1"], &()).unwrap();
        let url = c.prepare(&request).unwrap().url;
        assert_eq!(url.as_str(), "https://api.twilio.com/2010-04-01/Accounts/ACmain/Messages/SM1.json");
        request.account = Some("ACsub/x".into());
        let url = c.prepare(&request).unwrap().url;
        assert_eq!(url.as_str(), "https://api.twilio.com/2010-04-01/Accounts/ACsub%2Fx/Messages/SM1.json");

        let no_account = Request::new("Participant", "https://video.twilio.com", fetch(), &["R", "P"], &());
        let mut no_account = no_account.unwrap();
        no_account.account = Some("ACsub".into());
        let err = c.prepare(&no_account).unwrap_err();
        assert!(err.to_string().contains("has no account placeholder"), "{err}");

        let keyed = Client::builder().api_key("SK1", "s").build().unwrap();
        request.account = None;
        let err = keyed.prepare(&request).unwrap_err();
        assert!(err.to_string().contains("needs an account SID for `<account_sid>`"), "{err}");
    }

    #[test]
    fn region_and_edge_apply_to_prepared_requests() {
        let c = Client::builder().auth_token("AC1", "t").region("au1").edge("sydney").build().unwrap();
        let request =
            Request::new("Participant", "https://video.twilio.com", fetch(), &["R", "P"], &()).unwrap();
        let p = c.prepare(&request).unwrap();
        assert_eq!(p.url.as_str(), "https://video.sydney.au1.twilio.com/v1/Rooms/R/Participants/P");
    }

    #[test]
    fn bad_path_arguments_fail_before_sending() {
        // Without an account placeholder the path is rendered, and checked, as the request is
        // built; with one, when it is routed.
        let request = Request::new("Participant", "https://video.twilio.com", fetch(), &["R", ".."], &());
        assert!(matches!(request, Err(Error::InvalidInput(_))), "{request:?}");
        let err = Request::new("Participant", "https://video.twilio.com", fetch(), &["R"], &()).unwrap_err();
        assert!(err.to_string().contains("takes 2 argument(s), 1 given"), "{err}");

        let c = Client::builder().auth_token("ACmain", "t").build().unwrap();
        let op = Operation::new(OperationKind::Fetch, HttpMethod::Get, MESSAGE).account("account_sid");
        let request = Request::new("Message", "https://api.twilio.com", op, &[".."], &()).unwrap();
        assert!(matches!(c.prepare(&request), Err(Error::InvalidInput(_))));
        let request = Request::new("Message", "https://api.twilio.com", op, &[], &()).unwrap();
        let err = c.prepare(&request).unwrap_err();
        assert!(err.to_string().contains("takes 2 argument(s), 1 given"), "{err}");
    }
}
