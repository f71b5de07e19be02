//! Fault injection: make the next few requests to a route fail in a chosen way.

use std::borrow::Cow;
use std::collections::VecDeque;
use std::fmt;
use std::str::FromStr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use sidekick_runtime::{OperationKind, Resource};

/// Which requests a fault applies to.
///
/// Every API operation the emulator serves has a variant; [`Route::Any`] matches every request,
/// including ones to unknown paths. The binary's `--fault` flag names routes in kebab case
/// (`list-participants`), which [`FromStr`] parses.
///
/// ```
/// use sidekick_emulator::Route;
/// let route: Route = "update-participant".parse().unwrap();
/// assert_eq!(route, Route::UpdateParticipant);
/// assert_eq!(route.to_string(), "update-participant");
/// ```
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub enum Route {
    /// Every request.
    Any,
    /// `GET /v1/Rooms/{Room}/Participants/{Participant}`.
    FetchParticipant,
    /// `POST /v1/Rooms/{Room}/Participants/{Participant}`.
    UpdateParticipant,
    /// `GET /v1/Rooms/{Room}/Participants`.
    ListParticipants,
    /// `GET /v1/Rooms/{Room}`.
    FetchRoom,
    /// `GET /v1/Rooms`.
    ListRooms,
    /// `POST /v1/Rooms`.
    CreateRoom,
    /// `POST /v1/Rooms/{Room}`.
    UpdateRoom,
    /// An operation of a registered resource type: see [`Route::of`].
    Operation {
        /// The resource's name (`Resource::NAME`).
        resource: &'static str,
        /// Which of its operations.
        operation: OperationKind,
        /// Where the resource lives, for resources that share a name: its host's first label and
        /// its path's first segment (`video.v1`, `api.2010-04-01`). Empty matches a resource of
        /// this name wherever it lives.
        home: &'static str,
    },
}

impl Route {
    /// Every route, [`Route::Any`] first.
    ///
    /// ```
    /// assert_eq!(sidekick_emulator::Route::ALL.len(), 8);
    /// ```
    pub const ALL: [Route; 8] = [
        Route::Any,
        Route::FetchParticipant,
        Route::UpdateParticipant,
        Route::ListParticipants,
        Route::FetchRoom,
        Route::ListRooms,
        Route::CreateRoom,
        Route::UpdateRoom,
    ];

    /// The route of `operation` of the registered resource type `R`.
    ///
    /// ```
    /// # #[derive(serde::Deserialize)] struct Message {}
    /// # impl sidekick_runtime::Resource for Message {
    /// #     type ListPaging = sidekick_runtime::UriPaging;
    /// #     const NAME: &'static str = "Message";
    /// #     const BASE_URL: &'static str = "https://api.twilio.com";
    /// #     const PATH: sidekick_runtime::PathTemplate = sidekick_runtime::PathTemplate::new(&["/Messages/", ""], &["sid"]);
    /// #     const OPERATIONS: &'static [sidekick_runtime::Operation] = &[];
    /// # }
    /// use sidekick_emulator::Route;
    /// use sidekick_runtime::OperationKind;
    ///
    /// let route = Route::of::<Message>(OperationKind::Create);
    /// assert_eq!(route.name(), "create-message");
    /// assert_eq!(route.to_string(), "create-message@api.Messages");
    ///
    /// // Video's operations have their own routes.
    /// let create_room = Route::of::<sidekick::twilio::video::v1::Room>(OperationKind::Create);
    /// assert_eq!(create_room, Route::CreateRoom);
    /// ```
    pub fn of<R: Resource>(operation: OperationKind) -> Route {
        Route::operation(R::NAME, operation, crate::registry::home_of::<R>())
    }

    /// The route of an operation: Video's have their names (`Route::of::<Room>(Create)` is
    /// [`Route::CreateRoom`]).
    pub(crate) fn operation(resource: &'static str, operation: OperationKind, home: &'static str) -> Route {
        let named = VIDEO_OPERATIONS
            .iter()
            .find(|(_, name, kind)| home == VIDEO_HOME && *name == resource && *kind == operation);
        named.map_or(Route::Operation { resource, operation, home }, |(route, _, _)| *route)
    }

    /// The kebab-case name used by the binary's `--fault` flag: `list-rooms`, or
    /// `create-message` for an operation of a registered resource.
    ///
    /// ```
    /// assert_eq!(sidekick_emulator::Route::ListRooms.name(), "list-rooms");
    /// ```
    pub fn name(self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Route::Any => "any",
            Route::FetchParticipant => "fetch-participant",
            Route::UpdateParticipant => "update-participant",
            Route::ListParticipants => "list-participants",
            Route::FetchRoom => "fetch-room",
            Route::ListRooms => "list-rooms",
            Route::CreateRoom => "create-room",
            Route::UpdateRoom => "update-room",
            Route::Operation { resource, operation, .. } => {
                return Cow::Owned(crate::registry::operation_route_name(resource, operation));
            }
        })
    }

    /// The name with where the resource lives, `fetch-participant@api.2010-04-01`, which tells
    /// apart resources of the same name (the binary's `--fault` flag takes it too). Routes
    /// that name no home, Video's among them, have their plain name.
    ///
    /// ```
    /// let route: sidekick_emulator::Route = "fetch-participant@api.2010-04-01".parse().unwrap();
    /// assert_eq!(route.qualified_name(), "fetch-participant@api.2010-04-01");
    /// assert_eq!(route.name(), "fetch-participant");
    /// ```
    pub fn qualified_name(self) -> String {
        match self {
            Route::Operation { home, .. } if !home.is_empty() => format!("{}@{home}", self.name()),
            _ => self.name().into_owned(),
        }
    }

    /// Where a registered operation's resource lives; empty for the others.
    pub(crate) fn home(self) -> &'static str {
        match self {
            Route::Operation { home, .. } => home,
            _ => "",
        }
    }

    /// Whether a fault registered for `self` applies to a request that resolved to `actual`
    /// (`None` for a request to no known route).
    pub(crate) fn covers(self, actual: Option<Route>) -> bool {
        match (self, actual) {
            (Route::Any, _) => true,
            // A route parsed from its name may know the resource only by it.
            (Route::Operation { home, .. }, Some(actual @ Route::Operation { home: actual_home, .. })) => {
                self.name() == actual.name() && (home.is_empty() || home == actual_home)
            }
            _ => Some(self) == actual,
        }
    }

    /// The route's slot among [`Route::ALL`]; `None` for a registered operation's.
    pub(crate) fn index(self) -> Option<usize> {
        Route::ALL.iter().position(|r| *r == self)
    }
}

/// Routes are equal when they name the same operation: a resource's name as `Resource::NAME`
/// spells it or as a parsed route does (`IncomingPhoneNumber`, `incoming-phone-number`).
impl PartialEq for Route {
    fn eq(&self, other: &Route) -> bool {
        match (self, other) {
            (
                Route::Operation { resource, operation, home },
                Route::Operation { resource: other_resource, operation: other_operation, home: other_home },
            ) => {
                operation == other_operation
                    && home == other_home
                    && name_letters(resource).eq(name_letters(other_resource))
            }
            _ => std::mem::discriminant(self) == std::mem::discriminant(other),
        }
    }
}

impl Eq for Route {}

impl std::hash::Hash for Route {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        std::mem::discriminant(self).hash(state);
        if let Route::Operation { resource, operation, home } = self {
            name_letters(resource).for_each(|c| c.hash(state));
            operation.hash(state);
            home.hash(state);
        }
    }
}

/// A resource name's letters and digits, lower-cased: what its kebab-case spelling keeps.
fn name_letters(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars().filter(|c| *c != '-' && *c != '_').map(|c| c.to_ascii_lowercase())
}

/// Where Video's resources live.
const VIDEO_HOME: &str = "video.v1";

/// Video's named routes, as the operations they are.
const VIDEO_OPERATIONS: [(Route, &str, OperationKind); 7] = [
    (Route::FetchParticipant, "Participant", OperationKind::Fetch),
    (Route::UpdateParticipant, "Participant", OperationKind::Update),
    (Route::ListParticipants, "Participant", OperationKind::List),
    (Route::FetchRoom, "Room", OperationKind::Fetch),
    (Route::ListRooms, "Room", OperationKind::List),
    (Route::CreateRoom, "Room", OperationKind::Create),
    (Route::UpdateRoom, "Room", OperationKind::Update),
];

/// The qualified name ([`Route::qualified_name`]), which [`FromStr`] reads back.
impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.qualified_name())
    }
}

impl FromStr for Route {
    type Err = ParseFaultError;

    /// A named route's name (Video's), or `KIND-RESOURCE` (`create-message`) for an operation
    /// of a registered resource, with `@HOME` (`@api.2010-04-01`) for one of resources that share
    /// a name. The binary checks them once its resources are registered.
    fn from_str(text: &str) -> Result<Route, ParseFaultError> {
        if let Some(route) = Route::ALL.into_iter().find(|route| route.name() == text) {
            return Ok(route);
        }
        let (text, home) = match text.split_once('@') {
            Some((name, home)) if !home.is_empty() && !home.contains(['@', '/']) => {
                (name, crate::intern::intern(home))
            }
            Some(_) => {
                return Err(ParseFaultError(format!(
                    "`{text}` names no home after `@`, as in create-message@api.2010-04-01"
                )));
            }
            None => (text, ""),
        };
        let kinds = [
            OperationKind::Create,
            OperationKind::Fetch,
            OperationKind::Update,
            OperationKind::Patch,
            OperationKind::Delete,
            OperationKind::List,
        ];
        let operation = text.split_once('-').and_then(|(kind, resource)| {
            let kind = kinds.into_iter().find(|k| k.as_str() == kind)?;
            let named = !resource.is_empty()
                && resource.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            named.then(|| Route::Operation {
                resource: crate::intern::intern(resource),
                operation: kind,
                home,
            })
        });
        operation.ok_or_else(|| {
            let names: Vec<Cow<'static, str>> = Route::ALL.iter().map(|r| r.name()).collect();
            ParseFaultError(format!(
                "unknown route `{text}`; expected one of: {}, or KIND-RESOURCE for a registered resource (create-message)",
                names.join(", ")
            ))
        })
    }
}

/// How a faulted request fails.
///
/// In the binary's `--fault` flag a fault is written `429` (or `429-SECS` for a Retry-After other
/// than 1), `500`, `503`, `latency-MSms`, `close`, `truncate` or `html-STATUS`.
///
/// ```
/// use std::time::Duration;
/// use sidekick_emulator::Fault;
/// assert_eq!("429-5".parse::<Fault>().unwrap(), Fault::TooManyRequests { retry_after_secs: 5 });
/// assert_eq!("latency-250ms".parse::<Fault>().unwrap(), Fault::Latency(Duration::from_millis(250)));
/// assert_eq!("html-502".parse::<Fault>().unwrap(), Fault::HtmlError { status: 502 });
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fault {
    /// 429 with Twilio error 20429 and a `Retry-After` header.
    TooManyRequests {
        /// Value of the `Retry-After` header, in seconds.
        retry_after_secs: u64,
    },
    /// 500 with Twilio error 20500.
    InternalError,
    /// 503 with Twilio error 20503.
    Unavailable,
    /// Waits this long, then answers normally.
    Latency(Duration),
    /// Closes the connection without sending a single response byte.
    CloseConnection,
    /// Sends 200 with a `Content-Length` larger than the body it sends, then closes.
    TruncatedBody,
    /// An HTML error page with `Content-Type: text/html`, as a proxy in front of the API sends.
    /// A status that is not a valid HTTP status code is sent as 502.
    HtmlError {
        /// The HTTP status of the page, e.g. 502.
        status: u16,
    },
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fault::TooManyRequests { retry_after_secs } => write!(f, "429-{retry_after_secs}"),
            Fault::InternalError => f.write_str("500"),
            Fault::Unavailable => f.write_str("503"),
            Fault::Latency(delay) => write!(f, "latency-{}ms", delay.as_millis()),
            Fault::CloseConnection => f.write_str("close"),
            Fault::TruncatedBody => f.write_str("truncate"),
            Fault::HtmlError { status } => write!(f, "html-{status}"),
        }
    }
}

impl FromStr for Fault {
    type Err = ParseFaultError;

    fn from_str(text: &str) -> Result<Fault, ParseFaultError> {
        let number = |digits: &str| {
            digits
                .parse::<u64>()
                .map_err(|_| ParseFaultError(format!("`{digits}` in fault `{text}` is not a whole number")))
        };
        let fault = match text {
            "429" => Fault::TooManyRequests { retry_after_secs: 1 },
            "500" => Fault::InternalError,
            "503" => Fault::Unavailable,
            "close" => Fault::CloseConnection,
            "truncate" => Fault::TruncatedBody,
            _ => {
                if let Some(secs) = text.strip_prefix("429-") {
                    Fault::TooManyRequests { retry_after_secs: number(secs)? }
                } else if let Some(status) = text.strip_prefix("html-") {
                    let status = u16::try_from(number(status)?)
                        .map_err(|_| ParseFaultError(format!("status in fault `{text}` is too large")))?;
                    Fault::HtmlError { status }
                } else if let Some(ms) =
                    text.strip_prefix("latency-").and_then(|rest| rest.strip_suffix("ms"))
                {
                    Fault::Latency(Duration::from_millis(number(ms)?))
                } else {
                    return Err(ParseFaultError(format!(
                        "unknown fault `{text}`; expected 429, 429-SECS, 500, 503, \
                         latency-MSms, close, truncate or html-STATUS"
                    )));
                }
            }
        };
        Ok(fault)
    }
}

/// A fault, the route it applies to, and how many requests it applies to: the binary's
/// `--fault ROUTE:FAULT:TIMES` flag (`TIMES` defaults to 1).
///
/// ```
/// use sidekick_emulator::{Fault, FaultSpec, Route};
/// let spec: FaultSpec = "list-participants:429:3".parse().unwrap();
/// assert_eq!(spec.route, Route::ListParticipants);
/// assert_eq!(spec.fault, Fault::TooManyRequests { retry_after_secs: 1 });
/// assert_eq!(spec.times, 3);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FaultSpec {
    /// Requests the fault applies to.
    pub route: Route,
    /// What happens to them.
    pub fault: Fault,
    /// How many matching requests are affected.
    pub times: usize,
}

impl FromStr for FaultSpec {
    type Err = ParseFaultError;

    fn from_str(text: &str) -> Result<FaultSpec, ParseFaultError> {
        let mut parts = text.split(':');
        let (Some(route), Some(fault)) = (parts.next(), parts.next()) else {
            return Err(ParseFaultError(format!(
                "fault `{text}` should look like ROUTE:FAULT[:TIMES], e.g. list-participants:429:3"
            )));
        };
        let times = match parts.next() {
            None => 1,
            Some(times) => times
                .parse()
                .map_err(|_| ParseFaultError(format!("TIMES in fault `{text}` is not a whole number")))?,
        };
        if parts.next().is_some() {
            return Err(ParseFaultError(format!("fault `{text}` has too many `:`-separated parts")));
        }
        Ok(FaultSpec { route: route.parse()?, fault: fault.parse()?, times })
    }
}

/// Why a [`Route`], [`Fault`] or [`FaultSpec`] could not be parsed.
///
/// ```
/// let err = "teapot".parse::<sidekick_emulator::Fault>().unwrap_err();
/// assert!(err.to_string().contains("unknown fault"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseFaultError(String);

impl fmt::Display for ParseFaultError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ParseFaultError {}

/// A shared handle to the emulator's queue of pending faults; clones share the queue.
///
/// Faults are consumed in the order they were injected: each request takes the oldest pending
/// fault whose route covers it. They act before authentication, as a proxy or load balancer in
/// front of the API would, so a faulted request is answered the same with or without valid
/// credentials.
///
/// ```
/// use sidekick_emulator::{Fault, Faults, Route};
/// let faults = Faults::new();
/// faults.inject(Route::ListParticipants, Fault::Unavailable, 2);
/// assert_eq!(faults.pending(), 2);
/// faults.clear();
/// assert_eq!(faults.pending(), 0);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Faults {
    queue: Arc<Mutex<VecDeque<PendingFault>>>,
}

#[derive(Debug)]
struct PendingFault {
    route: Route,
    fault: Fault,
    remaining: usize,
}

impl Faults {
    /// An empty queue.
    ///
    /// ```
    /// assert_eq!(sidekick_emulator::Faults::new().pending(), 0);
    /// ```
    pub fn new() -> Faults {
        Faults::default()
    }

    /// Makes the next `times` requests covered by `route` fail with `fault`.
    ///
    /// ```
    /// use sidekick_emulator::{Fault, Faults, Route};
    /// let faults = Faults::new();
    /// faults.inject(Route::Any, Fault::TooManyRequests { retry_after_secs: 2 }, 3);
    /// assert_eq!(faults.pending(), 3);
    /// ```
    pub fn inject(&self, route: Route, fault: Fault, times: usize) {
        if times == 0 {
            return;
        }
        self.lock().push_back(PendingFault { route, fault, remaining: times });
    }

    /// Injects a parsed [`FaultSpec`].
    ///
    /// ```
    /// let faults = sidekick_emulator::Faults::new();
    /// faults.inject_spec("fetch-room:503:2".parse().unwrap());
    /// assert_eq!(faults.pending(), 2);
    /// ```
    pub fn inject_spec(&self, spec: FaultSpec) {
        self.inject(spec.route, spec.fault, spec.times);
    }

    /// Drops every pending fault.
    ///
    /// ```
    /// let faults = sidekick_emulator::Faults::new();
    /// faults.clear();
    /// assert_eq!(faults.pending(), 0);
    /// ```
    pub fn clear(&self) {
        self.lock().clear();
    }

    /// How many requests are still going to be faulted, summed over all routes.
    ///
    /// ```
    /// use sidekick_emulator::{Fault, Faults, Route};
    /// let faults = Faults::new();
    /// faults.inject(Route::FetchRoom, Fault::InternalError, 1);
    /// faults.inject(Route::ListRooms, Fault::InternalError, 2);
    /// assert_eq!(faults.pending(), 3);
    /// ```
    pub fn pending(&self) -> usize {
        // Saturates: `inject(.., usize::MAX)` twice must not overflow.
        self.lock().iter().fold(0, |total: usize, p| total.saturating_add(p.remaining))
    }

    /// Takes one use of the oldest fault covering a request to `route`.
    pub(crate) fn take(&self, route: Option<Route>) -> Option<Fault> {
        let mut queue = self.lock();
        let index = queue.iter().position(|p| p.route.covers(route))?;
        let pending = &mut queue[index];
        let fault = pending.fault;
        pending.remaining -= 1;
        if pending.remaining == 0 {
            queue.remove(index);
        }
        Some(fault)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, VecDeque<PendingFault>> {
        // Each queue operation leaves it consistent, so a poisoned lock is still usable.
        self.queue.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn take_consumes_matching_faults_in_order() {
        let faults = Faults::new();
        faults.inject(Route::ListRooms, Fault::InternalError, 1);
        faults.inject(Route::Any, Fault::Unavailable, 2);
        assert_eq!(faults.take(Some(Route::FetchRoom)), Some(Fault::Unavailable));
        assert_eq!(faults.take(Some(Route::ListRooms)), Some(Fault::InternalError));
        assert_eq!(faults.take(None), Some(Fault::Unavailable));
        assert_eq!(faults.take(Some(Route::ListRooms)), None);
        assert_eq!(faults.pending(), 0);
    }

    #[test]
    fn pending_saturates_instead_of_overflowing() {
        let faults = Faults::new();
        faults.inject(Route::Any, Fault::InternalError, usize::MAX);
        faults.inject(Route::Any, Fault::Unavailable, usize::MAX);
        assert_eq!(faults.pending(), usize::MAX);
        assert_eq!(faults.take(None), Some(Fault::InternalError));
    }

    #[test]
    fn zero_times_injects_nothing() {
        let faults = Faults::new();
        faults.inject(Route::Any, Fault::CloseConnection, 0);
        assert_eq!(faults.take(None), None);
    }

    #[test]
    fn every_fault_round_trips_through_its_text_form() {
        let all = [
            Fault::TooManyRequests { retry_after_secs: 7 },
            Fault::InternalError,
            Fault::Unavailable,
            Fault::Latency(Duration::from_millis(30)),
            Fault::CloseConnection,
            Fault::TruncatedBody,
            Fault::HtmlError { status: 504 },
        ];
        for fault in all {
            assert_eq!(fault.to_string().parse::<Fault>(), Ok(fault));
        }
        for route in Route::ALL {
            assert_eq!(route.name().parse::<Route>(), Ok(route));
        }
    }

    #[test]
    fn spec_parsing_reports_bad_input() {
        assert_eq!("any:close".parse::<FaultSpec>().map(|s| s.times), Ok(1));
        assert!("any".parse::<FaultSpec>().is_err());
        assert!("any:close:x".parse::<FaultSpec>().is_err());
        assert!("any:close:1:2".parse::<FaultSpec>().is_err());
        assert!("nowhere:close:1".parse::<FaultSpec>().is_err());
        assert!("any:latency-fast:1".parse::<FaultSpec>().is_err());
        assert!("any:html-99999:1".parse::<FaultSpec>().is_err());
    }
}
