//! The client: credentials, routing, timeouts, and one shared connection pool.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use base64::Engine as _;
use reqwest::header::HeaderValue;

use crate::host::{HostMap, check_host_label, normalize_base};
use crate::{Error, Result, RetryPolicy};

/// A little above Twilio's own ~30 s server-side timeout, so its answer arrives first.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(35);
const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// An authenticated Twilio API client. Cheap to clone: clones share one connection pool.
///
/// ```no_run
/// # extern crate sidekick_runtime as sidekick;
/// # async fn run() -> sidekick::Result<()> {
/// use sidekick::Client;
///
/// let client = Client::new("ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "your_auth_token");
/// let from_env = Client::from_env()?;
/// let local = Client::builder()
///     .auth_token("ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "your_auth_token")
///     .base_url_override("https://video.twilio.com", "http://127.0.0.1:4010")
///     .build()?;
/// # let _ = (client, from_env, local); Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<ClientInner>,
}

pub(crate) struct ClientInner {
    pub(crate) http: reqwest::Client,
    /// Marked sensitive, so reqwest and `Debug` never print it. `Err` holds why the
    /// credentials given to [`Client::new`] are unusable; every call then fails with it.
    pub(crate) authorization: std::result::Result<HeaderValue, String>,
    /// Who the credentials name (an account or API key SID, or "bearer token"), for `Debug`.
    pub(crate) username: String,
    pub(crate) account_sid: Option<String>,
    pub(crate) hosts: HostMap,
    pub(crate) user_agent: HeaderValue,
    pub(crate) timeout: Duration,
    pub(crate) retry: RetryPolicy,
}

impl Client {
    /// A client authenticated with an account SID and auth token, with default settings.
    ///
    /// Unusable credentials (empty, or not valid in a header) are not a panic: every call made
    /// with the client fails with [`Error::InvalidInput`] before sending. Use
    /// [`ClientBuilder::build`] to be told at construction instead. Like
    /// `reqwest::Client::new`, this panics only if the TLS backend cannot be initialised.
    pub fn new(account_sid: impl Into<String>, auth_token: impl Into<String>) -> Client {
        match Client::builder().auth_token(account_sid, auth_token).assemble(false) {
            Ok(client) => client,
            Err(e) => panic!("sidekick: could not create the HTTP client: {e}"),
        }
    }

    /// A client configured from `TWILIO_ACCOUNT_SID` and `TWILIO_AUTH_TOKEN`, or from
    /// `TWILIO_API_KEY` and `TWILIO_API_SECRET` (preferred when both pairs are set), plus the
    /// optional `TWILIO_REGION` and `TWILIO_EDGE`.
    pub fn from_env() -> Result<Client> {
        Client::builder().with_env().build()
    }

    /// A builder for every other setting.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// The account SID, when one was configured.
    pub fn account_sid(&self) -> Option<&str> {
        self.inner.account_sid.as_deref()
    }

    /// The `User-Agent` header this client sends.
    pub fn user_agent(&self) -> &str {
        self.inner.user_agent.to_str().unwrap_or_default()
    }

    /// The base URL requests for a resource declared on `base` are sent to, after overrides
    /// and the region/edge rewrite.
    ///
    /// ```
    /// # extern crate sidekick_runtime as sidekick;
    /// let client = sidekick::Client::builder()
    ///     .auth_token("AC123", "token").region("au1").edge("sydney").build().unwrap();
    /// assert_eq!(client.resolve_base_url("https://video.twilio.com"), "https://video.sydney.au1.twilio.com");
    /// ```
    pub fn resolve_base_url(&self, base: &str) -> String {
        self.inner.hosts.resolve(base).into_owned()
    }

    /// The same client (settings and connection pool) authenticating with a new bearer token:
    /// for OAuth 2 access tokens, which expire and are replaced.
    ///
    /// ```
    /// # extern crate sidekick_runtime as sidekick;
    /// let client = sidekick::Client::builder().bearer_token("token-1").build().unwrap();
    /// let refreshed = client.with_bearer_token("token-2").unwrap();
    /// assert!(!format!("{refreshed:?}").contains("token-2"));
    /// ```
    pub fn with_bearer_token(&self, token: impl Into<String>) -> Result<Client> {
        let authorization = bearer_auth(&token.into()).map_err(Error::invalid_input)?;
        let inner = &self.inner;
        Ok(Client {
            inner: Arc::new(ClientInner {
                http: inner.http.clone(),
                authorization: Ok(authorization),
                username: BEARER.to_owned(),
                account_sid: inner.account_sid.clone(),
                hosts: inner.hosts.clone(),
                user_agent: inner.user_agent.clone(),
                timeout: inner.timeout,
                retry: inner.retry.clone(),
            }),
        })
    }
}

/// What `Debug` shows for a bearer token's owner: the token itself is the secret.
const BEARER: &str = "bearer token";

/// The credentials a client sends.
#[derive(Clone)]
enum Credentials {
    /// HTTP Basic: an account SID and auth token, or an API key SID and secret.
    Basic { username: String, password: String },
    /// `Authorization: Bearer ...`.
    Bearer(String),
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("username", &self.inner.username)
            .field("password", &"<redacted>")
            .field("region", &self.inner.hosts.region)
            .field("edge", &self.inner.hosts.edge)
            .field("overrides", &self.inner.hosts.overrides)
            .field("timeout", &self.inner.timeout)
            .field("retry", &self.inner.retry)
            .finish()
    }
}

/// Settings for a [`Client`].
///
/// ```
/// # extern crate sidekick_runtime as sidekick;
/// use std::time::Duration;
/// use sidekick::{Client, RetryPolicy};
///
/// let client = Client::builder()
///     .api_key("SKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "secret")
///     .account_sid("ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
///     .region("ie1")
///     .timeout(Duration::from_secs(10))
///     .retry_policy(RetryPolicy::default().max_retries(5))
///     .user_agent_extension("my-app/1.2")
///     .build()
///     .unwrap();
/// assert!(client.user_agent().ends_with(" my-app/1.2"));
/// ```
#[derive(Default, Clone)]
pub struct ClientBuilder {
    account_sid: Option<String>,
    credentials: Option<Credentials>,
    region: Option<String>,
    edge: Option<String>,
    overrides: Vec<(String, String)>,
    timeout: Option<Duration>,
    connect_timeout: Option<Duration>,
    user_agent_extensions: Vec<String>,
    retry: Option<RetryPolicy>,
}

impl ClientBuilder {
    /// Authenticate with an account SID and its auth token.
    pub fn auth_token(mut self, account_sid: impl Into<String>, auth_token: impl Into<String>) -> Self {
        let account_sid = account_sid.into();
        self.credentials =
            Some(Credentials::Basic { username: account_sid.clone(), password: auth_token.into() });
        self.account_sid = Some(account_sid);
        self
    }

    /// Authenticate with an API key SID (`SK...`) and its secret.
    pub fn api_key(mut self, api_key_sid: impl Into<String>, api_key_secret: impl Into<String>) -> Self {
        self.credentials =
            Some(Credentials::Basic { username: api_key_sid.into(), password: api_key_secret.into() });
        self
    }

    /// Authenticate with a bearer token (`Authorization: Bearer ...`): a Twilio OAuth 2 access
    /// token from the client-credentials grant, or any API's bearer token. Set the account with
    /// [`account_sid`](Self::account_sid) where paths need it. Replace an expired token with
    /// [`Client::with_bearer_token`], which keeps the connection pool.
    pub fn bearer_token(mut self, token: impl Into<String>) -> Self {
        self.credentials = Some(Credentials::Bearer(token.into()));
        self
    }

    /// The account whose resources paths name by default (`/2010-04-01/Accounts/<account_sid>`),
    /// for API keys and bearer tokens (an auth token sets it already).
    pub fn account_sid(mut self, account_sid: impl Into<String>) -> Self {
        self.account_sid = Some(account_sid.into());
        self
    }

    /// Route Twilio hosts to a region, such as `au1` or `ie1`.
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Route Twilio hosts through an edge location, such as `sydney` (implies region `us1`
    /// when no region is given).
    pub fn edge(mut self, edge: impl Into<String>) -> Self {
        self.edge = Some(edge.into());
        self
    }

    /// Send every request for resources declared on `base` (such as
    /// `https://video.twilio.com`) to `to` instead, as-is: no region or edge rewrite. This is
    /// how tests and the emulator are reached.
    pub fn base_url_override(mut self, base: impl Into<String>, to: impl Into<String>) -> Self {
        self.overrides.push((base.into(), to.into()));
        self
    }

    /// The timeout of each attempt, from sending to the end of the body (default 35 s). The
    /// whole call, retries included, is also bounded by the retry policy's
    /// [`max_elapsed`](RetryPolicy::max_elapsed) (default 60 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// The timeout for opening a connection (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// Appends a product token, such as `my-app/1.2`, to the `User-Agent` header.
    pub fn user_agent_extension(mut self, extension: impl Into<String>) -> Self {
        self.user_agent_extensions.push(extension.into());
        self
    }

    /// How failed requests are retried (default: [`RetryPolicy::default`]).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Fills credentials, region and edge from the `TWILIO_*` environment variables that are
    /// set, keeping what was configured for the others.
    pub fn with_env(self) -> Self {
        self.with_vars(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
    }

    fn with_vars(mut self, var: impl Fn(&str) -> Option<String>) -> Self {
        if let Some(sid) = var("TWILIO_ACCOUNT_SID") {
            if let Some(token) = var("TWILIO_AUTH_TOKEN") {
                self = self.auth_token(sid.clone(), token);
            }
            self.account_sid = Some(sid);
        }
        if let (Some(key), Some(secret)) = (var("TWILIO_API_KEY"), var("TWILIO_API_SECRET")) {
            self = self.api_key(key, secret);
        }
        self.region = var("TWILIO_REGION").or(self.region);
        self.edge = var("TWILIO_EDGE").or(self.edge);
        self
    }

    /// Checks the settings and creates the client.
    pub fn build(self) -> Result<Client> {
        self.assemble(true)
    }

    /// With `strict`, unusable credentials are an error now; without, they are kept inside
    /// the client and reported by every call (so [`Client::new`] need not panic).
    fn assemble(self, strict: bool) -> Result<Client> {
        let (username, authorization) = match &self.credentials {
            Some(Credentials::Basic { username, password }) => {
                (username.clone(), basic_auth(username, password))
            }
            Some(Credentials::Bearer(token)) => (BEARER.to_owned(), bearer_auth(token)),
            None => {
                return Err(Error::invalid_input(
                    "no credentials: call auth_token(account_sid, token), api_key(sid, secret) or \
                     bearer_token(token), or set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (or \
                     TWILIO_API_KEY and TWILIO_API_SECRET)",
                ));
            }
        };
        if strict && let Err(problem) = &authorization {
            return Err(Error::invalid_input(problem.clone()));
        }
        if let Some(region) = &self.region {
            check_host_label("region", region)?;
        }
        if let Some(edge) = &self.edge {
            check_host_label("edge", edge)?;
        }
        let mut overrides = Vec::with_capacity(self.overrides.len());
        for (from, to) in &self.overrides {
            overrides.push((normalize_base(from)?, normalize_base(to)?));
        }
        let tls = crate::tls::config().map_err(|e| {
            Error::invalid_input(format!("TLS could not be set up with the platform's certificates: {e}"))
        })?;
        let timeout = self.timeout.unwrap_or(DEFAULT_TIMEOUT);
        let http = reqwest::Client::builder()
            .tls_backend_preconfigured(tls)
            // The usual attempt's limit, so only a different one is set on a request (which
            // costs reqwest a map of extensions per request).
            .timeout(timeout)
            .connect_timeout(self.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|source| Error::Transport { status: None, source })?;
        Ok(Client {
            inner: Arc::new(ClientInner {
                http,
                authorization,
                username,
                account_sid: self.account_sid,
                hosts: HostMap { region: self.region, edge: self.edge, overrides },
                user_agent: user_agent(&self.user_agent_extensions)?,
                timeout,
                retry: self.retry.unwrap_or_default(),
            }),
        })
    }
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field(
                "username",
                &self.credentials.as_ref().map(|c| match c {
                    Credentials::Basic { username, .. } => username.as_str(),
                    Credentials::Bearer(_) => BEARER,
                }),
            )
            .field("password", &self.credentials.as_ref().map(|_| "<redacted>"))
            .field("account_sid", &self.account_sid)
            .field("region", &self.region)
            .field("edge", &self.edge)
            .field(
                "overrides",
                &self
                    .overrides
                    .iter()
                    .map(|(from, to)| (without_userinfo(from), without_userinfo(to)))
                    .collect::<Vec<_>>(),
            )
            .finish_non_exhaustive()
    }
}

fn basic_auth(username: &str, password: &str) -> std::result::Result<HeaderValue, String> {
    if username.is_empty() || password.is_empty() {
        return Err(
            "credentials must not be empty: give an account SID and auth token (or API key and secret)"
                .into(),
        );
    }
    let encoded = base64::engine::general_purpose::STANDARD.encode(format!("{username}:{password}"));
    let mut value = HeaderValue::try_from(format!("Basic {encoded}"))
        .map_err(|_| "credentials do not fit in an HTTP header".to_owned())?;
    value.set_sensitive(true);
    Ok(value)
}

/// A URL as `Debug` may show it: credentials in it (which `build` refuses, but the builder
/// holds until then) replaced.
fn without_userinfo(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_owned() };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => format!("{scheme}://<redacted>@{}", &rest[at + 1..]),
        None => url.to_owned(),
    }
}

fn bearer_auth(token: &str) -> std::result::Result<HeaderValue, String> {
    if token.trim().is_empty() {
        return Err("the bearer token must not be empty".into());
    }
    let mut value = HeaderValue::try_from(format!("Bearer {token}"))
        .map_err(|_| "the bearer token has characters not allowed in an HTTP header".to_owned())?;
    value.set_sensitive(true);
    Ok(value)
}

fn user_agent(extensions: &[String]) -> Result<HeaderValue> {
    let mut agent = format!(
        "sidekick/{} ({} {}) rust/{}",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS,
        std::env::consts::ARCH,
        env!("SIDEKICK_RUSTC_VERSION"),
    );
    for extension in extensions {
        agent.push(' ');
        agent.push_str(extension);
    }
    HeaderValue::try_from(agent)
        .map_err(|_| Error::invalid_input("a User-Agent extension has characters not allowed in a header"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn vars(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> =
            pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        move |name| map.get(name).cloned()
    }

    #[test]
    fn env_with_auth_token() {
        let c = ClientBuilder::default()
            .with_vars(vars(&[
                ("TWILIO_ACCOUNT_SID", "AC1"),
                ("TWILIO_AUTH_TOKEN", "tok"),
                ("TWILIO_REGION", "au1"),
                ("TWILIO_EDGE", "sydney"),
            ]))
            .build()
            .unwrap();
        assert_eq!(c.account_sid(), Some("AC1"));
        assert_eq!(c.inner.username, "AC1");
        assert_eq!(c.resolve_base_url("https://video.twilio.com"), "https://video.sydney.au1.twilio.com");
    }

    #[test]
    fn env_api_key_wins_and_keeps_account() {
        let c = ClientBuilder::default()
            .with_vars(vars(&[
                ("TWILIO_ACCOUNT_SID", "AC1"),
                ("TWILIO_API_KEY", "SK1"),
                ("TWILIO_API_SECRET", "s"),
            ]))
            .build()
            .unwrap();
        assert_eq!(c.inner.username, "SK1");
        assert_eq!(c.account_sid(), Some("AC1"));
    }

    #[test]
    fn missing_credentials_is_a_clear_error() {
        let err =
            ClientBuilder::default().with_vars(vars(&[("TWILIO_ACCOUNT_SID", "AC1")])).build().unwrap_err();
        assert!(err.to_string().contains("TWILIO_AUTH_TOKEN"), "{err}");
        assert!(Client::builder().auth_token("AC1", "").build().is_err());
    }

    #[test]
    fn client_new_defers_bad_credentials_to_each_call() {
        let client = Client::new("", "token");
        let op = crate::Operation::new(
            crate::OperationKind::Fetch,
            crate::HttpMethod::Get,
            crate::PathTemplate::new(&["/v1/Rooms"], &[]),
        );
        let request = crate::request::Request::new("Room", "https://video.twilio.com", op, &[], &()).unwrap();
        let err = client.prepare(&request).unwrap_err();
        assert!(err.to_string().contains("credentials must not be empty"), "{err}");
        assert!(Client::builder().api_key("SK1", "").build().is_err());
    }

    #[test]
    fn invalid_region_or_edge_is_refused_at_build() {
        let err = Client::builder().auth_token("AC1", "t").region("au1/x").build().unwrap_err();
        assert!(err.to_string().contains("region `au1/x`"), "{err}");
        assert!(Client::builder().auth_token("AC1", "t").edge("").build().is_err());
    }

    #[test]
    fn secrets_never_show_in_debug() {
        let builder = Client::builder().auth_token("AC1", "hunter2-secret");
        assert!(!format!("{builder:?}").contains("hunter2"));
        let client = builder.build().unwrap();
        let shown = format!("{client:?} {client:#?}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(!shown.contains(&base64::engine::general_purpose::STANDARD.encode("AC1:hunter2-secret")));
        assert!(shown.contains("<redacted>"));
    }

    #[test]
    fn override_urls_with_credentials_are_redacted_before_build_refuses_them() {
        let builder = Client::builder()
            .auth_token("AC1", "t")
            .base_url_override("https://video.twilio.com", "http://user:hunter2@127.0.0.1:9/x");
        let shown = format!("{builder:?}");
        assert!(!shown.contains("hunter2") && shown.contains("http://<redacted>@127.0.0.1:9/x"), "{shown}");
        assert!(builder.build().is_err());
        assert_eq!(without_userinfo("https://a.example/p@q"), "https://a.example/p@q");
    }

    #[test]
    fn bearer_tokens_are_sent_and_never_shown() {
        let client = Client::builder().bearer_token("eyJ-secret-token").account_sid("AC1").build().unwrap();
        assert_eq!(client.account_sid(), Some("AC1"));
        let header = client.inner.authorization.as_ref().unwrap();
        assert_eq!(header, "Bearer eyJ-secret-token");
        assert!(header.is_sensitive());
        let shown = format!("{client:?} {:?}", Client::builder().bearer_token("eyJ-secret-token"));
        assert!(!shown.contains("eyJ-secret"), "{shown}");
        let refreshed = client.with_bearer_token("eyJ-second").unwrap();
        assert_eq!(refreshed.inner.authorization.as_ref().unwrap(), "Bearer eyJ-second");
        assert_eq!(refreshed.account_sid(), Some("AC1"));
        assert!(client.with_bearer_token(" ").is_err());
        assert!(Client::builder().bearer_token("line\nbreak").build().is_err());
    }

    #[test]
    fn user_agent_names_versions_and_extensions() {
        let c = Client::builder().auth_token("AC1", "t").user_agent_extension("app/1").build().unwrap();
        let ua = c.user_agent();
        let expected_prefix = format!(
            "sidekick/{} ({} {}) rust/1.",
            env!("CARGO_PKG_VERSION"),
            std::env::consts::OS,
            std::env::consts::ARCH
        );
        assert!(ua.starts_with(&expected_prefix), "{ua}");
        assert!(ua.ends_with(" app/1"), "{ua}");
        assert!(Client::builder().auth_token("AC1", "t").user_agent_extension("bad\nvalue").build().is_err());
    }

    #[test]
    fn bad_override_urls_are_refused() {
        let err = Client::builder()
            .auth_token("AC1", "t")
            .base_url_override("https://video.twilio.com", "127.0.0.1:80")
            .build()
            .unwrap_err();
        assert!(matches!(err, Error::InvalidInput(_)), "{err:?}");
    }
}
