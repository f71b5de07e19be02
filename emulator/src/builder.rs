//! Configuration of an emulator before it starts.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use crate::emulator::Emulator;
use crate::error::EmulatorError;
use crate::http::auth::Credentials;
use crate::http::public_url;
use crate::server;
use crate::shared::Shared;

/// The account SID an emulator accepts unless configured otherwise.
pub const DEFAULT_ACCOUNT_SID: &str = "ACfacefacefacefacefacefacefaceface";
/// The auth token that goes with [`DEFAULT_ACCOUNT_SID`].
pub const DEFAULT_AUTH_TOKEN: &str = "c0ffeec0ffeec0ffeec0ffeec0ffee00";
/// The API key SID an emulator accepts unless configured otherwise.
pub const DEFAULT_API_KEY_SID: &str = "SKfacefacefacefacefacefacefaceface";
/// The secret that goes with [`DEFAULT_API_KEY_SID`].
pub const DEFAULT_API_KEY_SECRET: &str = "c0ffeec0ffeec0ffeec0ffeec0ffee01";

/// The bearer token an emulator accepts by default (`Authorization: Bearer ...`), for APIs that
/// authenticate so.
pub const DEFAULT_BEARER_TOKEN: &str = "sidekick-emulator-bearer-token";

/// Builds an [`Emulator`] with a chosen address or credentials.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let emu = sidekick_emulator::Emulator::builder()
///     .addr("127.0.0.1:0".parse()?)
///     .credentials("AC00000000000000000000000000000001", "token")
///     .api_key("SK00000000000000000000000000000001", "secret")
///     .start()
///     .await?;
/// assert_eq!(emu.account_sid(), "AC00000000000000000000000000000001");
/// # Ok(()) }
/// ```
///
/// Its `Debug` output shows the address and SIDs but not the auth token, API key secret or
/// bearer token.
#[derive(Clone)]
pub struct EmulatorBuilder {
    addr: SocketAddr,
    credentials: Credentials,
    /// As given; validated by `start`.
    public_base_url: Option<String>,
}

impl Default for EmulatorBuilder {
    fn default() -> EmulatorBuilder {
        EmulatorBuilder {
            addr: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            credentials: Credentials {
                account_sid: DEFAULT_ACCOUNT_SID.to_owned(),
                auth_token: DEFAULT_AUTH_TOKEN.to_owned(),
                api_key_sid: DEFAULT_API_KEY_SID.to_owned(),
                api_key_secret: DEFAULT_API_KEY_SECRET.to_owned(),
                bearer_token: DEFAULT_BEARER_TOKEN.to_owned(),
            },
            public_base_url: None,
        }
    }
}

impl fmt::Debug for EmulatorBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `Credentials` redacts its secrets; the public URL is not validated yet, so it may still
        // hold `user:password@`.
        f.debug_struct("EmulatorBuilder")
            .field("addr", &self.addr)
            .field("credentials", &self.credentials)
            .field("public_base_url", &self.public_base_url.as_deref().map(public_url::redact_userinfo))
            .finish()
    }
}

impl EmulatorBuilder {
    /// The address to listen on; defaults to `127.0.0.1:0` (an ephemeral port).
    ///
    /// ```
    /// let builder = sidekick_emulator::Emulator::builder().addr(([127, 0, 0, 1], 0).into());
    /// # drop(builder);
    /// ```
    pub fn addr(mut self, addr: SocketAddr) -> EmulatorBuilder {
        self.addr = addr;
        self
    }

    /// The account SID and auth token to accept (HTTP Basic username and password). The account
    /// SID also appears as `account_sid` in every resource.
    ///
    /// ```
    /// let builder = sidekick_emulator::Emulator::builder()
    ///     .credentials("AC00000000000000000000000000000001", "token");
    /// # drop(builder);
    /// ```
    pub fn credentials(
        mut self,
        account_sid: impl Into<String>,
        auth_token: impl Into<String>,
    ) -> EmulatorBuilder {
        self.credentials.account_sid = account_sid.into();
        self.credentials.auth_token = auth_token.into();
        self
    }

    /// The API key SID and secret to accept as well (replacing the default key).
    ///
    /// ```
    /// let builder = sidekick_emulator::Emulator::builder()
    ///     .api_key("SK00000000000000000000000000000001", "secret");
    /// # drop(builder);
    /// ```
    pub fn api_key(mut self, key_sid: impl Into<String>, secret: impl Into<String>) -> EmulatorBuilder {
        self.credentials.api_key_sid = key_sid.into();
        self.credentials.api_key_secret = secret.into();
        self
    }

    /// The bearer token accepted besides the Basic credentials (default
    /// [`DEFAULT_BEARER_TOKEN`]).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// let emu = sidekick_emulator::Emulator::builder().bearer_token("ghp_test").start().await?;
    /// assert_eq!(emu.bearer_token(), "ghp_test");
    /// # Ok(()) }
    /// ```
    pub fn bearer_token(mut self, token: impl Into<String>) -> EmulatorBuilder {
        self.credentials.bearer_token = token.into();
        self
    }

    /// The base URL clients use to reach the emulator, when it differs from the bound address:
    /// behind a Docker port mapping, a service name or a proxy, with `0.0.0.0` as the address.
    /// The absolute URLs the emulator writes (`url`, `links`, and the paging URLs in `meta`)
    /// then start with it, so a client that follows `next_page_url` stays on the origin it used.
    ///
    /// It must be an absolute `http` or `https` URL without credentials, query or fragment; it
    /// may have a path prefix, and a trailing slash is trimmed. [`start`](EmulatorBuilder::start)
    /// checks it and returns [`EmulatorError::InvalidArgument`] otherwise.
    /// [`Emulator::base_url`] still returns the bound address;
    /// [`Emulator::public_base_url`] returns this one.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// use sidekick_emulator::{Emulator, EmulatorError};
    /// let emu = Emulator::builder().public_base_url("http://twilio-emulator:4010/").start().await?;
    /// assert_eq!(emu.public_base_url(), "http://twilio-emulator:4010");
    ///
    /// let bad = Emulator::builder().public_base_url("twilio-emulator:4010").start().await;
    /// assert!(matches!(bad, Err(EmulatorError::InvalidArgument { .. })));
    /// # Ok(()) }
    /// ```
    pub fn public_base_url(mut self, url: impl Into<String>) -> EmulatorBuilder {
        self.public_base_url = Some(url.into());
        self
    }

    /// Binds the address and starts serving from a thread of the emulator's own: see
    /// [`EmulatorBuilder::spawn`], which this is, for async code.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// let emu = sidekick_emulator::Emulator::builder().start().await?;
    /// assert!(emu.base_url().starts_with("http://127.0.0.1:"));
    /// # Ok(()) }
    /// ```
    pub async fn start(self) -> Result<Emulator, EmulatorError> {
        self.spawn()
    }

    /// Binds the address and starts serving from a new thread running a tokio runtime of its
    /// own, so the emulator needs no runtime from its caller and outlives any: it can serve a
    /// synchronous test, or live in a `static` shared by many `#[tokio::test]`s. It stops when
    /// dropped or shut down.
    ///
    /// ```
    /// let emu = sidekick_emulator::Emulator::builder().spawn()?;
    /// assert!(emu.base_url().starts_with("http://127.0.0.1:"));
    /// emu.shutdown_blocking();
    /// # Ok::<(), sidekick_emulator::EmulatorError>(())
    /// ```
    pub fn spawn(self) -> Result<Emulator, EmulatorError> {
        // Validate before binding, so a bad URL leaves no socket behind.
        let public_base_url = self.public_base_url.as_deref().map(public_url::validate).transpose()?;
        let listener = std::net::TcpListener::bind(self.addr)?;
        let addr = listener.local_addr()?;
        // Without a public base URL, links must still be usable: a wildcard bind is reached
        // through loopback.
        let link_addr = match addr.ip() {
            IpAddr::V4(ip) if ip.is_unspecified() => SocketAddr::from((Ipv4Addr::LOCALHOST, addr.port())),
            IpAddr::V6(ip) if ip.is_unspecified() => SocketAddr::from((Ipv6Addr::LOCALHOST, addr.port())),
            _ => addr,
        };
        let base_url = format!("http://{link_addr}");
        let link_base_url = public_base_url.unwrap_or_else(|| base_url.clone());
        let shared = Arc::new(Shared::new(self.credentials, base_url, link_base_url));
        crate::video::register(&shared.registry).map_err(|why| EmulatorError::InvalidArgument {
            message: format!("Twilio Video's resources could not be registered: {why}"),
        })?;
        let server = server::spawn(listener, Arc::clone(&shared))?;
        tracing::info!(base_url = %shared.base_url, public_base_url = %shared.link_base_url, "emulator started");
        Ok(Emulator::from_parts(shared, addr, server))
    }
}
