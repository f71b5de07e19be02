//! The running emulator: its addresses, credentials, clock, faults and lifetime. The simulation
//! API that changes its world lives in `simulation.rs`.

use std::fmt;
use std::net::SocketAddr;
use std::sync::Arc;

use crate::builder::EmulatorBuilder;
use crate::error::EmulatorError;
use crate::faults::{Faults, Route};
use crate::registry::{Registration, ServedResource};
use crate::server::ServerHandle;
use crate::shared::Shared;
use crate::world::clock::Clock;
use sidekick_runtime::Resource;

/// A local, stateful Twilio Video server.
///
/// It serves Rooms and Room Participants over HTTP on `127.0.0.1` and stops when
/// [`shutdown`](Emulator::shutdown) is awaited or the value is dropped. The simulation methods
/// (`create_room`, `join`, ...) are synchronous and can be called from any thread; rooms are
/// addressed by SID or by the unique name of an in-progress room, participants by SID or by
/// the identity of a connected (or reconnecting) participant.
///
/// The server runs on a thread of its own with a tokio runtime of its own, as wiremock's do: it
/// does not depend on the runtime of the code that started it. One emulator can therefore be
/// shared by many tests through a `static`, each `#[tokio::test]` with its runtime, and it
/// serves synchronous tests as well ([`Emulator::spawn`]).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
/// let emu = sidekick_emulator::Emulator::start().await?;
/// emu.create_room("DailyStandup")?;
/// let alice = emu.join("DailyStandup", "Alice")?;
/// assert!(alice.starts_with("PA"));
/// emu.shutdown().await;
/// # Ok(()) }
/// ```
///
/// Its `Debug` output shows the addresses and SIDs but not the auth token or API key secret.
pub struct Emulator {
    pub(crate) shared: Arc<Shared>,
    addr: SocketAddr,
    server: Option<ServerHandle>,
}

impl Emulator {
    /// Starts an emulator on an ephemeral port of `127.0.0.1` with the default credentials.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// assert_eq!(emu.account_sid(), sidekick_emulator::DEFAULT_ACCOUNT_SID);
    /// # Ok(()) }
    /// ```
    pub async fn start() -> Result<Emulator, EmulatorError> {
        EmulatorBuilder::default().start().await
    }

    /// Starts an emulator like [`start`](Emulator::start), from synchronous code: nothing here
    /// needs a runtime.
    ///
    /// ```
    /// use std::sync::LazyLock;
    /// use sidekick_emulator::Emulator;
    ///
    /// // One emulator for every test of the binary; it stops when the process ends.
    /// static EMULATOR: LazyLock<Emulator> = LazyLock::new(|| Emulator::spawn().expect("emulator"));
    ///
    /// EMULATOR.create_room("DailyStandup")?;
    /// assert!(EMULATOR.join("DailyStandup", "Alice")?.starts_with("PA"));
    /// # Ok::<(), sidekick_emulator::EmulatorError>(())
    /// ```
    pub fn spawn() -> Result<Emulator, EmulatorError> {
        EmulatorBuilder::default().spawn()
    }

    /// Configures an emulator before starting it.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// let emu = sidekick_emulator::Emulator::builder().credentials("ACx", "secret").start().await?;
    /// assert_eq!(emu.auth_token(), "secret");
    /// # Ok(()) }
    /// ```
    pub fn builder() -> EmulatorBuilder {
        EmulatorBuilder::default()
    }

    pub(crate) fn from_parts(shared: Arc<Shared>, addr: SocketAddr, server: ServerHandle) -> Emulator {
        Emulator { shared, addr, server: Some(server) }
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash: the base URL to point a client at.
    ///
    /// This is the address the server is bound to (loopback when bound to a wildcard such as
    /// `0.0.0.0`), which is what a client in the same process or on the same host should use.
    /// It is not changed by [`EmulatorBuilder::public_base_url`]; the URLs written in responses
    /// are, see [`public_base_url`](Emulator::public_base_url).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// assert_eq!(emu.base_url(), format!("http://{}", emu.addr()));
    /// # Ok(()) }
    /// ```
    pub fn base_url(&self) -> String {
        self.shared.base_url.clone()
    }

    /// The base of the absolute URLs the emulator writes into responses (`url`, `links` and the
    /// paging `meta` URLs), without a trailing slash: the public base URL given to
    /// [`EmulatorBuilder::public_base_url`], or else the same as [`base_url`](Emulator::base_url).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// let emu = sidekick_emulator::Emulator::builder()
    ///     .public_base_url("http://emulator.test:4010/")
    ///     .start()
    ///     .await?;
    /// assert_eq!(emu.public_base_url(), "http://emulator.test:4010");
    /// assert!(emu.base_url().starts_with("http://127.0.0.1:"));
    ///
    /// let local = sidekick_emulator::Emulator::start().await?;
    /// assert_eq!(local.public_base_url(), local.base_url());
    /// # Ok(()) }
    /// ```
    pub fn public_base_url(&self) -> &str {
        &self.shared.link_base_url
    }

    /// The address the server listens on.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// assert!(emu.addr().ip().is_loopback());
    /// assert_ne!(emu.addr().port(), 0);
    /// # Ok(()) }
    /// ```
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The accepted account SID (the HTTP Basic username).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// assert!(emu.account_sid().starts_with("AC"));
    /// # Ok(()) }
    /// ```
    pub fn account_sid(&self) -> &str {
        &self.shared.credentials.account_sid
    }

    /// The accepted auth token (the HTTP Basic password for the account SID).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// assert_eq!(emu.auth_token(), sidekick_emulator::DEFAULT_AUTH_TOKEN);
    /// # Ok(()) }
    /// ```
    pub fn auth_token(&self) -> &str {
        &self.shared.credentials.auth_token
    }

    /// The accepted API key SID (an alternative HTTP Basic username).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// assert!(emu.api_key_sid().starts_with("SK"));
    /// # Ok(()) }
    /// ```
    pub fn api_key_sid(&self) -> &str {
        &self.shared.credentials.api_key_sid
    }

    /// The secret of [`api_key_sid`](Emulator::api_key_sid).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// assert_eq!(emu.api_key_secret(), sidekick_emulator::DEFAULT_API_KEY_SECRET);
    /// # Ok(()) }
    /// ```
    pub fn api_key_secret(&self) -> &str {
        &self.shared.credentials.api_key_secret
    }

    /// The accepted bearer token (`Authorization: Bearer ...`).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// assert_eq!(emu.bearer_token(), sidekick_emulator::DEFAULT_BEARER_TOKEN);
    /// # Ok(()) }
    /// ```
    pub fn bearer_token(&self) -> &str {
        &self.shared.credentials.bearer_token
    }

    /// The emulator's clock. It follows real time until set; see [`Clock`].
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// use chrono::{TimeDelta, TimeZone, Utc};
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// emu.clock().set(Utc.with_ymd_and_hms(2015, 7, 30, 20, 0, 0).unwrap());
    /// emu.create_room("DailyStandup")?;
    /// emu.join("DailyStandup", "Alice")?;
    /// emu.clock().advance(TimeDelta::seconds(42));
    /// assert_eq!(emu.leave("DailyStandup", "Alice")?.duration, Some(42));
    /// # Ok(()) }
    /// ```
    pub fn clock(&self) -> Clock {
        self.shared.clock.clone()
    }

    /// The fault queue: make upcoming requests fail. See [`Faults`].
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// use sidekick_emulator::{Fault, Route};
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// emu.faults().inject(Route::ListParticipants, Fault::TooManyRequests { retry_after_secs: 1 }, 3);
    /// assert_eq!(emu.faults().pending(), 3);
    /// # Ok(()) }
    /// ```
    pub fn faults(&self) -> Faults {
        self.shared.faults.clone()
    }

    /// How many requests the server has received for `route` ([`Route::Any`]: all of them),
    /// including ones that failed authentication or were faulted.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// assert_eq!(emu.request_count(sidekick_emulator::Route::Any), 0);
    /// # Ok(()) }
    /// ```
    pub fn request_count(&self, route: Route) -> u64 {
        self.shared.request_count(route)
    }

    /// Serves the resource type `R` from now on, as its `#[derive(Resource)]` declares it:
    /// each of its operations at its path, statefully, with its list's paging shape and key.
    /// See [`register_with`](Emulator::register_with) for the choices this makes by default.
    ///
    /// Registering a type again changes nothing, so tests sharing an emulator may each
    /// register what they use. A type whose paths another registered type serves with the
    /// same methods, or whose JSON shape cannot be read (it must be a struct with named
    /// fields), or whose list pages in a shape of its own (see
    /// [`Registration::page_format`]), is an [`EmulatorError::InvalidArgument`].
    pub fn register<R: Resource>(&self) -> Result<(), EmulatorError> {
        self.register_with(Registration::<R>::new())
    }

    /// Serves the resource type `R` from now on, as [`register`](Emulator::register) does,
    /// with the SID prefix and parameter names of `registration`.
    ///
    /// By default:
    /// - a create makes an object with every field of `R`: `null` where the field is an
    ///   `Option`, the SID (the resource's prefix and 32 hex digits) in the field named by the
    ///   path's last placeholder (or `sid`), `account_sid` and the parents' SIDs from the path,
    ///   `date_created` and `date_updated` from the emulator's clock (in RFC 2822 where `R`
    ///   reads them so), and then the request's parameters: `FriendlyName` sets
    ///   `friendly_name`, read as the field's type (a number, a boolean, a list for a
    ///   repeated parameter). Parameters that name no field are ignored, as at Twilio; a value
    ///   `R` cannot read is a 400 with code 20001;
    /// - `url` (absolute), `uri` (relative) and `links` or `subresource_uris` (to the lists of
    ///   registered resources under it) point back at the emulator;
    /// - an update changes the fields its parameters name and `date_updated`; a delete
    ///   answers 204; an unknown SID is a 404 with code 20404;
    /// - a list pages in `R::ListPaging`'s shape, newest last, with stable cursors; its other
    ///   query parameters are equality filters on the fields they name.
    pub fn register_with<R: Resource>(&self, registration: Registration<R>) -> Result<(), EmulatorError> {
        let invalid = |problem: String| EmulatorError::InvalidArgument {
            message: format!("cannot serve {}: {problem}", R::NAME),
        };
        let served = ServedResource::new(registration).map_err(invalid)?;
        self.shared.registry.add(served).map_err(invalid)
    }

    /// Serves the resources a TOML description gives (see the crate's README for the format),
    /// without Rust types: what the command line's `--resources FILE` does. Returns their
    /// names.
    ///
    /// ```
    /// let emu = sidekick_emulator::Emulator::spawn()?;
    /// let names = emu.register_described(r#"
    ///     [[resource]]
    ///     name = "Note"
    ///     path = "/v1/Notes/{Sid}"
    ///     operations = ["create", "fetch", "list"]
    ///     fields = { sid = "string", text = "string?" }
    /// "#)?;
    /// assert_eq!(names, ["Note"]);
    /// # Ok::<(), sidekick_emulator::EmulatorError>(())
    /// ```
    pub fn register_described(&self, toml: &str) -> Result<Vec<&'static str>, EmulatorError> {
        let invalid = |message: String| EmulatorError::InvalidArgument { message };
        let resources =
            crate::described::parse(toml).map_err(|e| invalid(format!("bad resource description: {e}")))?;
        let mut names = Vec::with_capacity(resources.len());
        for resource in resources {
            let name = resource.name;
            self.shared.registry.add(resource).map_err(|e| invalid(format!("cannot serve {name}: {e}")))?;
            names.push(name);
        }
        Ok(names)
    }

    /// The fault routes of the served resources' operations, in registration order: Video's
    /// first, which every emulator serves.
    ///
    /// ```
    /// let emu = sidekick_emulator::Emulator::spawn()?;
    /// emu.register_described(r#"
    ///     [[resource]]
    ///     name = "Note"
    ///     path = "/v1/Notes/{Sid}"
    ///     operations = ["create", "fetch"]
    ///     fields = { sid = "string" }
    /// "#)?;
    /// let names: Vec<String> = emu.registered_routes().iter().map(|r| r.to_string()).collect();
    /// assert_eq!(names[..3], ["fetch-room", "create-room", "update-room"]);
    /// assert_eq!(names[names.len() - 2..], ["create-note@v1", "fetch-note@v1"]);
    /// # Ok::<(), sidekick_emulator::EmulatorError>(())
    /// ```
    pub fn registered_routes(&self) -> Vec<Route> {
        self.shared
            .registry
            .all()
            .iter()
            .flat_map(|r| r.operations.iter().map(|op| r.route(op.kind)).collect::<Vec<_>>())
            .collect()
    }

    /// Stores a new `R` under the parents `parents` (the path's arguments before the
    /// resource's own, such as `&["AC..."]` for a 2010 API message, or `&["owner", "repo"]`),
    /// as a create request would, with `fields` (field or parameter names, with JSON values)
    /// set, and returns it as clients will read it. `R` must be registered.
    ///
    /// A value for the identifier field (a GitHub issue's `number`) is kept; otherwise one is
    /// made as for a create.
    pub fn insert<R>(&self, parents: &[&str], fields: serde_json::Value) -> Result<R, EmulatorError>
    where
        R: Resource,
    {
        let invalid = |message: String| EmulatorError::InvalidArgument { message };
        let resource = self.shared.registry.of::<R>().ok_or_else(|| {
            invalid(format!("{} is not registered: call Emulator::register first", R::NAME))
        })?;
        let serde_json::Value::Object(fields) = fields else {
            return Err(invalid(format!("the fields of a new {} must be a JSON object", R::NAME)));
        };
        let expected = resource.parent_count();
        if parents.len() != expected {
            return Err(invalid(format!(
                "{} lives under {expected} parent(s) ({}), not {}",
                R::NAME,
                resource.instance,
                parents.len()
            )));
        }
        let scope: Vec<String> = parents.iter().map(|p| (*p).to_owned()).collect();
        let params: Vec<(String, serde_json::Value)> = fields.into_iter().collect();
        let keep = crate::http::resources::Identify::KeepGiven;
        let (value, _) = crate::http::resources::insert(&self.shared, &resource, &scope, &params, keep)
            .map_err(|e| invalid(format!("cannot insert {}: {}", R::NAME, e.message())))?;
        serde_json::from_value(value)
            .map_err(|e| invalid(format!("{} does not read its own JSON: {e}", R::NAME)))
    }

    /// The stored `R` that `id` names under the parents `parents`, as a fetch would serve it
    /// (without running `on_read` hooks); `None` if there is none or `R` is not registered.
    /// For asserting on the emulator's state without a request.
    ///
    /// ```
    /// # #[derive(serde::Deserialize)] struct Note { sid: String, text: Option<String> }
    /// # impl sidekick_runtime::Resource for Note {
    /// #     type ListPaging = sidekick_runtime::MetaPaging;
    /// #     const NAME: &'static str = "Note";
    /// #     const BASE_URL: &'static str = "https://notes.example.com";
    /// #     const PATH: sidekick_runtime::PathTemplate = sidekick_runtime::PathTemplate::new(&["/v1/Notes/", ""], &["sid"]);
    /// #     const OPERATIONS: &'static [sidekick_runtime::Operation] = &[sidekick_runtime::Operation::new(
    /// #         sidekick_runtime::OperationKind::Fetch, sidekick_runtime::HttpMethod::Get, Self::PATH)];
    /// # }
    /// let emu = sidekick_emulator::Emulator::spawn()?;
    /// emu.register::<Note>()?;
    /// let note: Note = emu.insert(&[], serde_json::json!({"text": "hi"}))?;
    /// let again: Note = emu.get(&[], &note.sid).expect("stored");
    /// assert_eq!(again.text.as_deref(), Some("hi"));
    /// assert!(emu.get::<Note>(&[], "NO0").is_none());
    /// # Ok::<(), sidekick_emulator::EmulatorError>(())
    /// ```
    pub fn get<R: Resource>(&self, parents: &[&str], id: &str) -> Option<R> {
        let resource = self.shared.registry.of::<R>()?;
        let scope: Vec<String> = parents.iter().map(|p| (*p).to_owned()).collect();
        let value = crate::http::resources::stored(&self.shared, &resource, &scope, id)?;
        serde_json::from_value(value).ok()
    }

    /// Stops accepting connections, lets in-flight requests finish (up to 5 s), and waits for
    /// the server to stop. Dropping the emulator also stops it, without waiting.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), sidekick_emulator::EmulatorError> {
    /// let emu = sidekick_emulator::Emulator::start().await?;
    /// let addr = emu.addr();
    /// emu.shutdown().await;
    /// assert!(tokio::net::TcpStream::connect(addr).await.is_err());
    /// # Ok(()) }
    /// ```
    pub async fn shutdown(mut self) {
        if let Some(server) = self.server.take() {
            server.stop().await;
        }
    }

    /// Like [`shutdown`](Emulator::shutdown), for synchronous code: blocks the calling thread
    /// until the server has stopped. Do not call it from async code, which `shutdown` serves.
    ///
    /// ```
    /// let emu = sidekick_emulator::Emulator::spawn()?;
    /// let addr = emu.addr();
    /// emu.shutdown_blocking();
    /// assert!(std::net::TcpStream::connect(addr).is_err());
    /// # Ok::<(), sidekick_emulator::EmulatorError>(())
    /// ```
    pub fn shutdown_blocking(mut self) {
        if let Some(server) = self.server.take() {
            server.stop_blocking();
        }
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        if let Some(server) = &self.server {
            server.signal_stop();
        }
    }
}

impl fmt::Debug for Emulator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `Credentials` shows the SIDs and redacts the secrets. The world, clock and faults are
        // left out: they have their own accessors, and the world can be large.
        f.debug_struct("Emulator")
            .field("addr", &self.addr)
            .field("base_url", &self.shared.base_url)
            .field("public_base_url", &self.shared.link_base_url)
            .field("credentials", &self.shared.credentials)
            .finish_non_exhaustive()
    }
}
