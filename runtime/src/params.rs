//! Operation parameters: one `Serialize` type per operation, each field sent where it belongs
//! (query string, header, or body).

use std::collections::{BTreeMap, HashMap};

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::form;
use crate::operation::BodyFormat;
use crate::{Error, Result};

/// Where a parameter is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParamLocation {
    /// The query string.
    Query,
    /// A request header, named by the parameter.
    Header,
    /// The body: form fields or JSON properties, as the operation encodes it.
    Body,
}

/// The parameters of one operation: a `Serialize` type whose top-level fields are the
/// parameters, by wire name.
///
/// A field goes to the body of a `POST`, `PUT` or `PATCH` and to the query string of a `GET`
/// or `DELETE`, unless [`Params::location`] names another place for it. Derive it (the
/// `sidekick` crate's `#[derive(Params)]` reads each field's `#[param(query | header | body)]`
/// and serde's names, and checks header names at compile time) or implement it by hand:
///
/// ```
/// # extern crate sidekick_runtime as sidekick;
/// use sidekick::{ParamLocation, Params};
///
/// #[derive(serde::Serialize)]
/// struct CreateConversation {
///     #[serde(rename = "FriendlyName")]
///     friendly_name: String,
///     #[serde(rename = "X-Twilio-Webhook-Enabled")]
///     webhook_enabled: Option<bool>,
/// }
///
/// impl Params for CreateConversation {
///     fn location(name: &str) -> Option<ParamLocation> {
///         (name == "X-Twilio-Webhook-Enabled").then_some(ParamLocation::Header)
///     }
/// }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a parameters type",
    label = "not a parameters type",
    note = "derive it: `#[derive(serde::Serialize, sidekick::Params)]`, and mark fields that are not in the default place with `#[param(query)]`, `#[param(header)]` or `#[param(body)]`"
)]
pub trait Params: Serialize {
    /// Whether any field is placed in the body explicitly (`#[param(body)]`): such a type
    /// cannot serve a `GET` or `DELETE`, which the derive checks at compile time.
    const BODY_FIELDS: bool = false;

    /// Where the field with this wire name goes, when not to the operation's default place.
    fn location(name: &str) -> Option<ParamLocation> {
        let _ = name;
        None
    }

    /// Whether a `None` in this field is sent as JSON `null` (to clear a value with a `PUT`
    /// or `PATCH`) rather than left out. Forms and queries have no `null`: there it is left out.
    fn keeps_null(name: &str) -> bool {
        let _ = name;
        false
    }
}

impl Params for () {}

impl<T: Params + ?Sized> Params for &T {
    const BODY_FIELDS: bool = T::BODY_FIELDS;
    fn location(name: &str) -> Option<ParamLocation> {
        T::location(name)
    }
    fn keeps_null(name: &str) -> bool {
        T::keeps_null(name)
    }
}

impl<T: Params + ?Sized> Params for Box<T> {
    const BODY_FIELDS: bool = T::BODY_FIELDS;
    fn location(name: &str) -> Option<ParamLocation> {
        T::location(name)
    }
    fn keeps_null(name: &str) -> bool {
        T::keeps_null(name)
    }
}

/// `None` sends no parameters (a `#[serde(flatten)]` group that is absent).
impl<T: Params> Params for Option<T> {
    const BODY_FIELDS: bool = T::BODY_FIELDS;
    fn location(name: &str) -> Option<ParamLocation> {
        T::location(name)
    }
    fn keeps_null(name: &str) -> bool {
        T::keeps_null(name)
    }
}

impl<K: Serialize, V: Serialize> Params for BTreeMap<K, V> {}

impl<K: Serialize, V: Serialize, S> Params for HashMap<K, V, S> {}

impl Params for Map<String, Value> {}

/// Parameters split by where they go, ready for a request.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Encoded {
    pub(crate) query: Vec<(String, String)>,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Option<Body>,
}

/// A request body, encoded.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Body {
    Form(String),
    Json { content_type: &'static str, bytes: Vec<u8> },
}

impl Body {
    pub(crate) fn content_type(&self) -> &'static str {
        match self {
            Body::Form(_) => "application/x-www-form-urlencoded",
            Body::Json { content_type, .. } => content_type,
        }
    }

    pub(crate) fn bytes(&self) -> &[u8] {
        match self {
            Body::Form(text) => text.as_bytes(),
            Body::Json { bytes, .. } => bytes,
        }
    }
}

/// Splits `params` into query, headers and body. `body` is `None` for methods without a
/// body, where unplaced fields go to the query string.
pub(crate) fn encode<P: Params + ?Sized>(params: &P, body: Option<BodyFormat>) -> Result<Encoded> {
    let fields = form::fields(params)?;
    let default = if body.is_some() { ParamLocation::Body } else { ParamLocation::Query };
    let mut encoded = Encoded::default();
    let mut form_fields = Vec::new();
    let mut json_fields = Map::new();
    for (name, value) in fields {
        let location = P::location(&name).unwrap_or(default);
        match (location, body) {
            (ParamLocation::Header, _) => add_header(&mut encoded.headers, &name, value)?,
            (ParamLocation::Query, _) => form::push_pairs(&mut encoded.query, name, value),
            // Only a declared location gets here: unplaced fields default to the query.
            (ParamLocation::Body, None) => {
                return Err(Error::invalid_input(format!(
                    "`{name}` is a body parameter, but the operation sends no body (a GET or DELETE): \
                     mark it `#[param(query)]`"
                )));
            }
            (ParamLocation::Body, Some(BodyFormat::Form)) => form::push_pairs(&mut form_fields, name, value),
            // `None` leaves a parameter out here too, as in forms and queries: a `null` would
            // clear the field on a PUT, so only fields that ask for it send one. (Nulls inside
            // a nested value are the value's own.)
            (ParamLocation::Body, Some(BodyFormat::Json(_))) if value.is_null() && !P::keeps_null(&name) => {}
            (ParamLocation::Body, Some(BodyFormat::Json(_))) => {
                json_fields.insert(name, value);
            }
        }
    }
    encoded.body = match body {
        None => None,
        Some(BodyFormat::Form) => Some(Body::Form(form::to_query(&form_fields)?)),
        Some(BodyFormat::Json(content_type)) => Some(json_body(content_type, &Value::Object(json_fields))?),
    };
    Ok(encoded)
}

fn json_body(content_type: &'static str, value: &Value) -> Result<Body> {
    let bytes = serde_json::to_vec(value)
        .map_err(|e| Error::invalid_input(format!("the JSON body could not be serialized: {e}")))?;
    Ok(Body::Json { content_type, bytes })
}

/// Headers the client or the connection owns: a parameter must not change credentials, framing
/// or the target host.
pub const RESERVED_HEADERS: &[&str] = &[
    "authorization",
    "proxy-authorization",
    "host",
    "content-length",
    "content-type",
    "transfer-encoding",
    "connection",
    "upgrade",
    "te",
    "expect",
    "user-agent",
];

/// Adds a header parameter; `null` and an empty sequence leave it out, a sequence is sent
/// comma-separated (so its items may not hold commas).
fn add_header(headers: &mut HeaderMap, name: &str, value: Value) -> Result<()> {
    let text = match value {
        Value::Null => return Ok(()),
        Value::Array(items) => {
            let items: Vec<String> = items.into_iter().filter_map(form::scalar_text).collect();
            if let Some(item) = items.iter().find(|item| item.contains(',')) {
                return Err(Error::invalid_input(format!(
                    "an item of header parameter `{name}` contains `,`, which separates items in a header: `{}`",
                    item.escape_debug()
                )));
            }
            if items.is_empty() {
                return Ok(());
            }
            items.join(", ")
        }
        other => match form::scalar_text(other) {
            Some(text) => text,
            None => return Ok(()),
        },
    };
    let header = HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
        Error::invalid_input(format!("header parameter name `{name}` is not a valid HTTP header name"))
    })?;
    if RESERVED_HEADERS.contains(&header.as_str()) {
        return Err(Error::invalid_input(format!(
            "header parameter `{name}` is set by the client itself and cannot be a parameter"
        )));
    }
    let value = HeaderValue::try_from(text).map_err(|_| {
        Error::invalid_input(format!(
            "the value of header parameter `{name}` has characters not allowed in a header (line breaks or control characters)"
        ))
    })?;
    headers.append(header, value);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Mixed {
        #[serde(rename = "FriendlyName")]
        friendly_name: &'static str,
        #[serde(rename = "X-Twilio-Webhook-Enabled")]
        webhook: Option<bool>,
        #[serde(rename = "Fields")]
        fields: Vec<&'static str>,
        #[serde(rename = "Nothing")]
        nothing: Option<u8>,
    }

    impl Params for Mixed {
        fn location(name: &str) -> Option<ParamLocation> {
            match name {
                "X-Twilio-Webhook-Enabled" => Some(ParamLocation::Header),
                "Fields" => Some(ParamLocation::Query),
                _ => None,
            }
        }
    }

    fn mixed() -> Mixed {
        Mixed { friendly_name: "Team & co", webhook: Some(true), fields: vec!["a", "b"], nothing: None }
    }

    #[test]
    fn fields_go_where_they_are_declared() {
        let e = encode(&mixed(), Some(BodyFormat::Form)).unwrap();
        assert_eq!(e.query, [("Fields".to_owned(), "a".to_owned()), ("Fields".to_owned(), "b".to_owned())]);
        assert_eq!(e.headers["x-twilio-webhook-enabled"], "true");
        assert_eq!(e.body, Some(Body::Form("FriendlyName=Team+%26+co".into())));
    }

    #[test]
    fn without_a_body_unplaced_fields_are_query_parameters() {
        let e = encode(&mixed(), None).unwrap();
        let names: Vec<&str> = e.query.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(names, ["Fields", "Fields", "FriendlyName"]);
        assert!(e.body.is_none());
        assert_eq!(e.headers.len(), 1);
    }

    #[test]
    fn json_bodies_keep_types_and_leave_none_out() {
        let e = encode(&mixed(), Some(BodyFormat::Json("application/scim+json"))).unwrap();
        let Some(Body::Json { content_type, bytes }) = e.body else { panic!("{e:?}") };
        assert_eq!(content_type, "application/scim+json");
        let body: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(body, serde_json::json!({"FriendlyName": "Team & co"}));
    }

    #[test]
    fn body_parameters_of_an_operation_without_a_body_are_refused() {
        #[derive(Serialize)]
        struct Misplaced {
            #[serde(rename = "Body")]
            body: &'static str,
        }
        impl Params for Misplaced {
            fn location(name: &str) -> Option<ParamLocation> {
                match name {
                    "Body" => Some(ParamLocation::Body),
                    _ => None,
                }
            }
        }
        let err = encode(&Misplaced { body: "b" }, None).unwrap_err();
        assert!(err.to_string().contains("sends no body"), "{err}");
        assert!(encode(&Misplaced { body: "b" }, Some(BodyFormat::Form)).is_ok());
    }

    #[test]
    fn header_sequences_are_comma_separated_and_empty_ones_left_out() {
        #[derive(Serialize)]
        struct Tags {
            #[serde(rename = "X-Tags")]
            tags: Vec<&'static str>,
        }
        impl Params for Tags {
            fn location(_: &str) -> Option<ParamLocation> {
                Some(ParamLocation::Header)
            }
        }
        let e = encode(&Tags { tags: vec!["a", "b"] }, None).unwrap();
        assert_eq!(e.headers["x-tags"], "a, b");
        assert!(encode(&Tags { tags: vec![] }, None).unwrap().headers.is_empty());
        let err = encode(&Tags { tags: vec!["a", "b,c"] }, None).unwrap_err();
        assert!(err.to_string().contains("contains `,`"), "{err}");
    }

    #[test]
    fn nullable_fields_send_null_in_json() {
        #[derive(Serialize)]
        struct Clear {
            name: Option<&'static str>,
            note: Option<&'static str>,
        }
        impl Params for Clear {
            fn keeps_null(name: &str) -> bool {
                name == "note"
            }
        }
        let e =
            encode(&Clear { name: None, note: None }, Some(BodyFormat::Json("application/json"))).unwrap();
        assert_eq!(e.body.unwrap().bytes(), br#"{"note":null}"#);
        let form = encode(&Clear { name: None, note: None }, Some(BodyFormat::Form)).unwrap();
        assert_eq!(form.body, Some(Body::Form(String::new())));
    }

    #[test]
    fn empty_parameters() {
        assert_eq!(encode(&(), None).unwrap(), Encoded::default());
        assert_eq!(encode(&(), Some(BodyFormat::Form)).unwrap().body, Some(Body::Form(String::new())));
        let json = encode(&(), Some(BodyFormat::Json("application/json"))).unwrap();
        assert_eq!(json.body.unwrap().bytes(), b"{}");
    }

    #[test]
    fn bad_header_names_and_values_are_refused_before_sending() {
        let mut bad = BTreeMap::new();
        bad.insert("Bad Header", "x");
        struct AsHeader<'a>(&'a BTreeMap<&'static str, &'static str>);
        impl Serialize for AsHeader<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                self.0.serialize(s)
            }
        }
        impl Params for AsHeader<'_> {
            fn location(name: &str) -> Option<ParamLocation> {
                match name {
                    "Bad Header" => Some(ParamLocation::Header),
                    "If-Match" => Some(ParamLocation::Header),
                    _ => None,
                }
            }
        }
        let err = encode(&AsHeader(&bad), None).unwrap_err();
        assert!(err.to_string().contains("`Bad Header` is not a valid HTTP header name"), "{err}");

        let mut injected = BTreeMap::new();
        injected.insert("If-Match", "etag\r\nX-Evil: 1");
        let err = encode(&AsHeader(&injected), None).unwrap_err();
        assert!(matches!(err, Error::InvalidInput(_)));
        assert!(err.to_string().contains("`If-Match`"), "{err}");

        struct Auth;
        impl Serialize for Auth {
            fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                let mut m = BTreeMap::new();
                m.insert("Authorization", "Basic x");
                m.serialize(s)
            }
        }
        impl Params for Auth {
            fn location(name: &str) -> Option<ParamLocation> {
                match name {
                    "Authorization" => Some(ParamLocation::Header),
                    _ => None,
                }
            }
        }
        let err = encode(&Auth, None).unwrap_err();
        assert!(err.to_string().contains("set by the client itself"), "{err}");
    }
}
