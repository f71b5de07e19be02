//! The loopback server of the conformance tests. It knows nothing of the generator: it reads
//! the operation from the committed extract of Twilio's description, answers with the
//! description's example, and checks the one request it got against the description: the
//! method, the path, and every parameter (the tests set them all) in its described place.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, LazyLock, Mutex};

use serde::Serialize;
use serde_json::Value;
use sidekick::{Client, Redirect, RetryPolicy};
use wiremock::matchers::any;
use wiremock::{MockServer, Request, ResponseTemplate};

/// The paging parameters of lists, which the list request sets itself.
const PAGING_PARAMS: &[&str] = &["PageSize", "Page", "PageToken", "Size", "Token"];

const ACCOUNT_SID: &str = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const AUTH_TOKEN: &str = "conformance-auth-token";

/// The parsed extracts, by file stem: each is read once per test run.
static EXTRACTS: LazyLock<Mutex<HashMap<String, Arc<Value>>>> = LazyLock::new(Default::default);

fn extract(stem: &str) -> Arc<Value> {
    let mut cache = EXTRACTS.lock().unwrap_or_else(|e| e.into_inner());
    cache
        .entry(stem.to_owned())
        .or_insert_with(|| {
            let file = format!("{}/../codegen/extract/{stem}.json", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
            Arc::new(serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}")))
        })
        .clone()
}

/// One operation of a description, as the test checks it.
#[derive(Debug)]
struct Described {
    id: String,
    method: String,
    path: String,
    server: String,
    /// Every query parameter described, and the prefixes of those sent as `<prefix>.<key>`.
    query: BTreeSet<String>,
    query_prefixes: BTreeSet<String>,
    /// The query parameters and headers the test sets: all but paging and `Authorization`.
    expected_query: BTreeSet<String>,
    expected_headers: BTreeSet<String>,
    body_media: Vec<String>,
    body_fields: BTreeSet<String>,
    status: u16,
    media: Option<String>,
    example: Option<Value>,
}

fn describe(stem: &str, operation_id: &str) -> Described {
    let extract = extract(stem);
    let server = extract["server"].as_str().unwrap_or_default();
    let paths = extract["paths"].as_object().expect("paths");
    for (path, item) in paths {
        for (method, op) in item.as_object().into_iter().flatten() {
            if op.get("operationId").and_then(Value::as_str) != Some(operation_id) {
                continue;
            }
            let servers = op.get("servers").or_else(|| item.get("servers"));
            let server = servers.and_then(|s| s[0].as_str()).unwrap_or(server);
            let mut described = Described {
                id: operation_id.to_owned(),
                method: method.to_ascii_uppercase(),
                path: path.clone(),
                server: server.to_owned(),
                query: BTreeSet::new(),
                query_prefixes: BTreeSet::new(),
                expected_query: BTreeSet::new(),
                expected_headers: BTreeSet::new(),
                body_media: Vec::new(),
                body_fields: BTreeSet::new(),
                status: 200,
                media: None,
                example: None,
            };
            let list = operation_id.starts_with("List");
            for param in op.get("parameters").and_then(Value::as_array).into_iter().flatten() {
                let name = param["name"].as_str().unwrap_or_default().to_owned();
                let format = param.pointer("/schema/format").and_then(Value::as_str).unwrap_or_default();
                match param["in"].as_str() {
                    Some("query") => match format.strip_prefix("prefixed-collapsible-map-") {
                        Some(prefix) => {
                            described.query_prefixes.insert(format!("{prefix}."));
                        }
                        None => {
                            if !(list && PAGING_PARAMS.contains(&name.as_str())) {
                                described.expected_query.insert(name.clone());
                            }
                            described.query.insert(name);
                        }
                    },
                    // The client's credentials go in `Authorization`; Flex Insights' own token
                    // (24 operations) cannot be sent (see the closing notes of the generator).
                    Some("header") if name != "Authorization" => {
                        described.expected_headers.insert(name);
                    }
                    _ => {}
                }
            }
            let content = op.pointer("/requestBody/content").and_then(Value::as_object);
            if let Some((_, entry)) = content.and_then(|c| c.iter().next()) {
                described.body_media =
                    content.into_iter().flatten().map(|(media, _)| media.clone()).collect();
                let schema = resolve(&extract, &entry["schema"]);
                described.body_fields = schema
                    .get("properties")
                    .and_then(Value::as_object)
                    .map(|p| p.keys().cloned().collect())
                    .unwrap_or_default();
            }
            let mut answers: Vec<(bool, u16, Option<String>, Option<Value>)> = Vec::new();
            for (code, response) in op["responses"].as_object().into_iter().flatten() {
                let content =
                    response.get("content").and_then(Value::as_object).and_then(|c| c.iter().next());
                answers.push((
                    content.is_none(),
                    code.parse().unwrap_or(200),
                    content.map(|(media, _)| media.clone()),
                    content.and_then(|(_, e)| e.get("example").cloned()),
                ));
            }
            answers.sort_by_key(|a| (a.0, a.1));
            if let Some((_, status, media, example)) = answers.into_iter().next() {
                (described.status, described.media, described.example) = (status, media, example);
            }
            if described.example.is_none() && described.media.is_some() {
                described.example = Some(minimal_answer(&extract, op, operation_id));
            }
            return described;
        }
    }
    panic!("{stem}: no operation `{operation_id}`");
}

/// An answer for an operation whose description has no example (53 of them): an empty object,
/// or for a list an empty page (`{"<items key>": [], "meta": {}}`).
fn minimal_answer(extract: &Value, op: &Value, operation_id: &str) -> Value {
    let mut answer = serde_json::Map::new();
    if operation_id.starts_with("List") {
        let content = op.pointer("/responses/200/content").and_then(Value::as_object);
        let schema = content.and_then(|c| c.values().next()).map(|e| resolve(extract, &e["schema"]));
        let properties = schema.and_then(|s| s.get("properties")).and_then(Value::as_object);
        for (key, property) in properties.into_iter().flatten() {
            match resolve(extract, property).get("type").and_then(Value::as_str) {
                Some("array") if key != "schemas" => answer.insert(key.clone(), Value::Array(Vec::new())),
                Some("object") => answer.insert(key.clone(), Value::Object(Default::default())),
                _ => None,
            };
        }
    }
    Value::Object(answer)
}

fn resolve<'a>(extract: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/components/schemas/")) {
        Some(name) => resolve(extract, &extract["components"]["schemas"][name]),
        None => schema,
    }
}

/// A loopback server answering one operation, and a client pointed at it.
pub struct Mock {
    pub client: Client,
    server: MockServer,
    described: Described,
}

impl Mock {
    /// Starts a server that answers every request as the description's `operation_id` of
    /// `codegen/extract/<stem>.json` does: its success status, media type and example.
    pub async fn start(stem: &str, operation_id: &str) -> Mock {
        let described = describe(stem, operation_id);
        let server = MockServer::start().await;
        let mut answer = ResponseTemplate::new(described.status);
        if (300..400).contains(&described.status) {
            answer = answer.insert_header("Location", format!("{}/redirected", server.uri()));
        }
        if let Some(media) = &described.media {
            let body = described.example.clone().unwrap_or_else(|| Value::Object(Default::default()));
            answer = answer.set_body_raw(serde_json::to_vec(&body).unwrap(), media);
        }
        wiremock::Mock::given(any()).respond_with(answer).mount(&server).await;
        let client = Client::builder()
            .auth_token(ACCOUNT_SID, AUTH_TOKEN)
            .base_url_override(described.server.clone(), server.uri())
            .retry_policy(RetryPolicy::none())
            .build()
            .unwrap();
        Mock { client, server, described }
    }

    /// A JSON answer decoded, keeping every value the example has; then the request is checked.
    pub async fn check_json<T: Serialize>(&self, answer: sidekick::Result<T>) {
        let decoded = answer
            .unwrap_or_else(|e| panic!("{}: the example answer did not decode: {e}", self.described.id));
        if let Some(example) = &self.described.example {
            self.check_kept(example, &decoded);
        }
        self.check_request().await;
    }

    /// Every non-null value of `example` is still there once `decoded` is written back as JSON:
    /// the generated type has a field for each (a `{}` or a wrong type would drop them).
    fn check_kept<T: Serialize>(&self, example: &Value, decoded: &T) {
        let written = serde_json::to_value(decoded).expect("the decoded value serializes");
        let mut lost = Vec::new();
        kept(example, &written, String::new(), &mut lost);
        assert!(lost.is_empty(), "{}: the decoded answer lost {lost:?}", self.described.id);
    }

    /// An empty answer; then the request is checked.
    pub async fn check_empty(&self, answer: sidekick::Result<()>) {
        if let Err(e) = &answer {
            panic!("{}: the empty answer failed: {e}", self.described.id);
        }
        self.check_request().await;
    }

    /// A redirect read as one; then the request is checked.
    pub async fn check_redirect(&self, answer: sidekick::Result<Redirect>) {
        match &answer {
            Ok(redirect) => assert_eq!(redirect.location, format!("{}/redirected", self.server.uri())),
            Err(e) => panic!("{}: the redirect was not read: {e}", self.described.id),
        }
        self.check_request().await;
    }

    /// A first page with the example's items, each keeping its values; then the request is checked.
    pub async fn check_page<T: Serialize>(&self, items: sidekick::Result<Vec<T>>) {
        let items =
            items.unwrap_or_else(|e| panic!("{}: the example page did not decode: {e}", self.described.id));
        let example = self.described.example.as_ref();
        let arrays: Vec<&Vec<Value>> = example
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .filter(|(key, _)| key.as_str() != "schemas")
            .filter_map(|(_, v)| v.as_array())
            .collect();
        let expected: &[Value] = match arrays.as_slice() {
            [one] => one,
            [] => &[],
            _ => panic!("{}: the example has several arrays", self.described.id),
        };
        assert_eq!(items.len(), expected.len(), "{}: items decoded from the example page", self.described.id);
        for (example, item) in expected.iter().zip(&items) {
            self.check_kept(example, item);
        }
        self.check_request().await;
    }

    async fn check_request(&self) {
        let d = &self.described;
        let requests = self.server.received_requests().await.expect("recording is on");
        assert_eq!(requests.len(), 1, "{}: expected one request, got {requests:#?}", d.id);
        let request: &Request = &requests[0];
        assert_eq!(request.method.as_str(), d.method, "{}: method", d.id);
        assert_eq!(request.url.path(), expected_path(&d.path), "{}: path", d.id);

        let query: BTreeSet<String> = request.url.query_pairs().map(|(k, _)| k.into_owned()).collect();
        let prefixed = |key: &String| d.query_prefixes.iter().any(|p| key.starts_with(p.as_str()));
        let undeclared: Vec<&String> =
            query.iter().filter(|k| !d.query.contains(*k) && !prefixed(k)).collect();
        assert!(undeclared.is_empty(), "{}: undeclared query parameters {undeclared:?}", d.id);
        let missing: Vec<&String> = d.expected_query.difference(&query).collect();
        assert!(missing.is_empty(), "{}: query parameters missing: {missing:?}", d.id);
        for prefix in &d.query_prefixes {
            assert!(
                query.iter().any(|k| k.starts_with(prefix.as_str())),
                "{}: no `{prefix}*` parameter",
                d.id
            );
        }
        for header in &d.expected_headers {
            assert!(request.headers.contains_key(header.as_str()), "{}: header {header} missing", d.id);
        }

        let content_type =
            request.headers.get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default();
        // Any of the described media types will do (SCIM's user takes two).
        let described_media = |sent: &str| d.body_media.iter().any(|m| sent.starts_with(m.as_str()));
        let sent: BTreeSet<String> = match (d.body_media.is_empty(), request.body.is_empty()) {
            (true, _) => {
                assert!(request.body.is_empty(), "{}: a body was sent but none is described", d.id);
                BTreeSet::new()
            }
            (false, true) => {
                // An empty body still says what it would be, when it says anything.
                assert!(
                    content_type.is_empty() || described_media(content_type),
                    "{}: sent `{content_type}`, described {:?}",
                    d.id,
                    d.body_media
                );
                BTreeSet::new()
            }
            (false, false) => {
                assert!(
                    described_media(content_type),
                    "{}: sent `{content_type}`, described {:?}",
                    d.id,
                    d.body_media
                );
                if content_type.starts_with("application/x-www-form-urlencoded") {
                    form_keys(&request.body)
                } else {
                    let body: Value = serde_json::from_slice(&request.body)
                        .unwrap_or_else(|e| panic!("{}: the body is not JSON: {e}", d.id));
                    body.as_object().expect("a JSON object body").keys().cloned().collect()
                }
            }
        };
        let undeclared: Vec<&String> = sent.difference(&d.body_fields).collect();
        assert!(undeclared.is_empty(), "{}: undeclared body fields {undeclared:?}", d.id);
        let missing: Vec<&String> = d.body_fields.difference(&sent).collect();
        assert!(missing.is_empty(), "{}: body fields missing: {missing:?}", d.id);
    }
}

/// Adds to `lost` the path of each non-null value of `example` that `written` lacks.
fn kept(example: &Value, written: &Value, at: String, lost: &mut Vec<String>) {
    match (example, written) {
        (Value::Null, _) => {}
        (_, Value::Null) => lost.push(at),
        (Value::Object(example), Value::Object(written)) => {
            for (key, value) in example {
                let path = format!("{at}/{key}");
                match written.get(key) {
                    Some(w) => kept(value, w, path, lost),
                    None if value.is_null() => {}
                    None => lost.push(path),
                }
            }
        }
        (Value::Array(example), Value::Array(written)) => {
            for (i, (e, w)) in example.iter().zip(written).enumerate() {
                kept(e, w, format!("{at}/{i}"), lost);
            }
        }
        // A scalar written as another JSON type (a number kept as decimal text) is still kept.
        _ => {}
    }
}

/// The keys of a form body.
fn form_keys(body: &[u8]) -> BTreeSet<String> {
    let mut url = wiremock::http::Url::parse("http://form.invalid/").unwrap();
    url.set_query(Some(std::str::from_utf8(body).expect("a UTF-8 form")));
    url.query_pairs().map(|(k, _)| k.into_owned()).collect()
}

/// The described path with each `{Name}` filled with `Name`, as the tests pass them, and v2010's
/// leading `{AccountSid}` with the client's account.
fn expected_path(path: &str) -> String {
    let path = match path.strip_prefix("/2010-04-01/Accounts/{AccountSid}/") {
        Some(rest) => format!("/2010-04-01/Accounts/{ACCOUNT_SID}/{rest}"),
        None => path.to_owned(),
    };
    path.replace(['{', '}'], "")
}
