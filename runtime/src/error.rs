//! The one error type of sidekick, and how error responses are classified.

use std::error::Error as _;
use std::fmt;
use std::io;
use std::time::Duration;

use reqwest::StatusCode;
use serde::Deserialize;

/// A `Result` whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong with a call. Every variant that saw an HTTP response keeps its
/// status ([`Error::status`]). No variant ever holds credentials.
///
/// ```
/// # extern crate sidekick_runtime as sidekick;
/// # async fn run(client: &sidekick::Client) {
/// # let result: sidekick::Result<()> = Ok(());
/// match result {
///     Err(e) if e.code() == Some(20404) => println!("no such participant"),
///     Err(e) if e.is_retryable() => println!("try again later: {e}"),
///     Err(e) => println!("failed with HTTP {:?}: {e}", e.status()),
///     Ok(()) => {}
/// }
/// # }
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The API answered with an error body in Twilio's format.
    #[error(transparent)]
    Api(Box<ApiError>),
    /// A non-2xx response whose body is not a Twilio error (an HTML page from a proxy, an empty
    /// body, plain text...).
    #[error("HTTP {status} with an unexpected {} body: {snippet:?}", content_type.as_deref().unwrap_or("untyped"))]
    UnexpectedBody {
        /// The response status.
        status: StatusCode,
        /// The response's `Content-Type`, if any.
        content_type: Option<String>,
        /// The start of the body (at most 200 characters).
        snippet: String,
    },
    /// A 2xx body that does not match the expected shape.
    #[error("could not decode the HTTP {status} response at `{path}`: {source}")]
    Decode {
        /// The response status.
        status: StatusCode,
        /// The JSON path of the field that failed, such as `participants[3].duration`.
        path: String,
        /// What serde said.
        source: serde_json::Error,
    },
    /// No complete answer in time: either one attempt's timeout ran out (the client's, or the
    /// call's own), or the call's time budget did ([`RetryPolicy::max_elapsed`], which bounds
    /// the whole call, retries included).
    ///
    /// Displays as, for instance, "no complete response within 2s (the call's time budget)".
    ///
    /// [`RetryPolicy::max_elapsed`]: crate::RetryPolicy::max_elapsed
    #[error(
        "no complete response within {timeout:?} ({})",
        if *budget { "the call's time budget" } else { "the per-attempt timeout" }
    )]
    Timeout {
        /// The time that ran out: the per-attempt timeout, or the call's whole budget.
        timeout: Duration,
        /// The status, when the headers had arrived before the body timed out.
        status: Option<StatusCode>,
        /// `true` when the call's time budget ran out (retries included), `false` when a
        /// single attempt's timeout did.
        budget: bool,
    },
    /// The connection failed, or was closed before a complete response.
    ///
    /// The message says what happened in plain words ("connection refused (could not connect
    /// to the server)", "the response body was cut short after HTTP 200 OK"...), never with
    /// the request's URL; the underlying error is the [`source`](std::error::Error::source).
    #[error("{}{}", describe_transport(source), status.map(|s| format!(" after HTTP {s}")).unwrap_or_default())]
    Transport {
        /// The status, when the headers had arrived before the failure.
        status: Option<StatusCode>,
        /// The underlying error.
        source: reqwest::Error,
    },
    /// A 3xx answer (or, for an operation whose answer is a redirect, anything else).
    /// Redirects are not followed: the credentials must not travel to another
    /// host, and the API does not redirect. `Display` shows the location without its query
    /// (signed download URLs carry their signature there); the field keeps all of it.
    #[error("{}", redirect_message(*status, location.as_deref()))]
    Redirect {
        /// The response status.
        status: StatusCode,
        /// The response's `Location`, if any.
        location: Option<String>,
    },
    /// A 2xx body larger than any API answer (64 MiB); it was not read further.
    #[error("the HTTP {status} response body is larger than {limit} bytes; not reading it")]
    BodyTooLarge {
        /// The response status.
        status: StatusCode,
        /// The largest body sidekick reads.
        limit: usize,
    },
    /// The request was refused before sending: an empty path parameter, an out-of-range page
    /// size, parameters that do not serialize, a missing credential...
    #[error("invalid input: {0}")]
    InvalidInput(String),
    /// Paging was stopped because the server's `next_page_url` could not be followed safely.
    #[error("paging stopped: {0}")]
    Paging(String),
}

/// A Twilio error response: `{"code": 20404, "message": "...", "more_info": "...", "status": 404}`.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    /// The HTTP status of the response (authoritative over the body's `status`).
    pub status: StatusCode,
    /// Twilio's error code, such as `20404`.
    pub code: Option<u32>,
    /// The human-readable message.
    pub message: String,
    /// A link to the error's documentation.
    pub more_info: Option<String>,
    /// Extra structured details, when Twilio sends them.
    pub details: Option<serde_json::Value>,
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Twilio API error (HTTP {}", self.status)?;
        if let Some(code) = self.code {
            write!(f, ", code {code}")?;
        }
        write!(f, "): {}", self.message)?;
        if let Some(more) = &self.more_info {
            write!(f, " (see {more})")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

fn redirect_message(status: StatusCode, location: Option<&str>) -> String {
    match location {
        _ if !status.is_redirection() => format!("HTTP {status} where a redirect was expected"),
        Some(location) => {
            format!("HTTP {status} to `{}`; redirects are not followed", without_query(location))
        }
        None => format!("HTTP {status} without a location; redirects are not followed"),
    }
}

/// `url` up to its query or fragment.
fn without_query(url: &str) -> &str {
    url.split(['?', '#']).next().unwrap_or(url)
}

impl Error {
    /// What tracing may say about the error: its kind, status and Twilio code, never a server
    /// message or a URL (they can quote paths, phone numbers and signed links).
    pub(crate) fn log_summary(&self) -> String {
        match self {
            Error::Api(e) => match e.code {
                Some(code) => format!("Twilio API error, HTTP {}, code {code}", e.status),
                None => format!("Twilio API error, HTTP {}", e.status),
            },
            Error::UnexpectedBody { status, .. } => format!("HTTP {status} with an unexpected body"),
            Error::Decode { status, path, .. } => {
                format!("could not decode the HTTP {status} response at `{path}`")
            }
            Error::Redirect { status, .. } => format!("HTTP {status} redirect, not followed"),
            Error::Timeout { .. } | Error::Transport { .. } | Error::BodyTooLarge { .. } => self.to_string(),
            Error::InvalidInput(_) => "invalid input".to_owned(),
            Error::Paging(_) => "paging stopped".to_owned(),
        }
    }

    pub(crate) fn invalid_input(message: impl Into<String>) -> Self {
        Error::InvalidInput(message.into())
    }

    /// The HTTP status of the response behind this error, if one arrived.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::UnexpectedBody { status, .. }
            | Error::Decode { status, .. }
            | Error::BodyTooLarge { status, .. }
            | Error::Redirect { status, .. } => Some(*status),
            Error::Timeout { status, .. } | Error::Transport { status, .. } => *status,
            Error::InvalidInput(_) | Error::Paging(_) => None,
        }
    }

    /// Twilio's error code (`20404`, `20429`...), for API errors.
    pub fn code(&self) -> Option<u32> {
        self.api().and_then(|e| e.code)
    }

    /// The documentation link of an API error.
    pub fn more_info(&self) -> Option<&str> {
        self.api().and_then(|e| e.more_info.as_deref())
    }

    /// The API error body, if this is one.
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(e) => Some(e),
            _ => None,
        }
    }

    /// Whether sending the same request again may succeed: 429, 5xx, timeouts and connection
    /// failures. (Whether it is *safe* to resend a POST is a separate question; see
    /// [`RetryPolicy`](crate::RetryPolicy).)
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Timeout { .. } | Error::Transport { .. } => true,
            _ => self.status().is_some_and(|s| s == StatusCode::TOO_MANY_REQUESTS || s.is_server_error()),
        }
    }
}

#[derive(Deserialize)]
struct TwilioErrorBody {
    code: Option<u32>,
    message: Option<String>,
    more_info: Option<String>,
    details: Option<serde_json::Value>,
}

/// Turns a non-2xx response into the matching error.
pub(crate) fn classify_error(status: StatusCode, content_type: Option<&str>, body: &[u8]) -> Error {
    if let Ok(TwilioErrorBody { code, message: Some(message), more_info, details }) =
        serde_json::from_slice::<TwilioErrorBody>(body)
    {
        return Error::Api(Box::new(ApiError { status, code, message, more_info, details }));
    }
    Error::UnexpectedBody { status, content_type: content_type.map(str::to_owned), snippet: snippet(body) }
}

/// Says in plain words what went wrong with a connection, from the whole `source()` chain of
/// `error`. Never includes the request's URL (reqwest's own `Display` does, and path parameters
/// can be personal data such as identities or phone numbers).
pub(crate) fn describe_transport(error: &reqwest::Error) -> String {
    let chain: Vec<&(dyn std::error::Error + 'static)> =
        std::iter::successors(error.source(), |&e| e.source()).collect();
    // The innermost cause says most: "Connection refused (os error 111)", "invalid peer
    // certificate: UnknownIssuer"... (reqwest's own text, which holds the URL, is never used).
    let detail = chain.last().map(|e| e.to_string());
    let with_detail = |what: &str| match &detail {
        Some(detail) => format!("{what}: {detail}"),
        None => what.to_owned(),
    };
    let io_kind = chain.iter().find_map(|e| e.downcast_ref::<io::Error>()).map(io::Error::kind);
    let says = |text: &str| chain.iter().any(|e| e.to_string().contains(text));
    let reading_body = error.is_body() || error.is_decode() || says("error reading a body from connection");
    let connecting = error.is_connect();

    if error.is_dns() {
        return with_detail("DNS lookup failed");
    }
    match io_kind {
        Some(io::ErrorKind::ConnectionRefused) => {
            return "connection refused (could not connect to the server)".into();
        }
        Some(io::ErrorKind::ConnectionReset) if connecting => {
            return "connection reset by the server while connecting (during the TLS handshake?)".into();
        }
        Some(io::ErrorKind::ConnectionReset) if reading_body => {
            return "connection reset by the server; the response body was cut short".into();
        }
        Some(io::ErrorKind::ConnectionReset) => return "connection reset by the server".into(),
        Some(io::ErrorKind::ConnectionAborted) => return "connection aborted".into(),
        Some(io::ErrorKind::BrokenPipe) => {
            return "the server closed the connection while the request was being sent".into();
        }
        Some(io::ErrorKind::UnexpectedEof) if connecting => {
            return "the server closed the connection while connecting (during the TLS handshake?)".into();
        }
        Some(io::ErrorKind::UnexpectedEof) => {
            return "the response body was cut short".into();
        }
        Some(io::ErrorKind::TimedOut) if connecting => {
            return "connect timeout (the server did not accept the connection in time)".into();
        }
        Some(io::ErrorKind::TimedOut) => return "timed out".into(),
        Some(io::ErrorKind::InvalidData) if connecting => return with_detail("TLS handshake failed"),
        Some(
            io::ErrorKind::NetworkUnreachable
            | io::ErrorKind::HostUnreachable
            | io::ErrorKind::NetworkDown
            | io::ErrorKind::AddrNotAvailable,
        ) => return with_detail("could not connect to the server"),
        _ => {}
    }
    // rustls reaches us boxed rather than as an io::Error; its messages are recognisable.
    const TLS_MESSAGES: &[&str] = &[
        "received corrupt message",
        "invalid peer certificate",
        "peer is incompatible",
        "peer misbehaved",
        "received fatal alert",
        "received unexpected message",
        "no certificates presented",
        "handshake",
    ];
    if connecting && TLS_MESSAGES.iter().any(|m| says(m)) {
        return with_detail("TLS handshake failed");
    }
    // hyper's IncompleteMessage: the connection closed before the whole response head.
    if says("connection closed before message completed") {
        return "the server closed the connection before a complete response".into();
    }
    if connecting {
        with_detail("could not connect to the server")
    } else if reading_body {
        with_detail("the response body could not be read")
    } else if error.is_request() {
        with_detail("the request could not be sent")
    } else if error.is_builder() {
        with_detail("the HTTP client could not be set up")
    } else {
        detail.unwrap_or_else(|| "the HTTP exchange failed".into())
    }
}

fn snippet(body: &[u8]) -> String {
    const MAX_CHARS: usize = 200;
    let text = String::from_utf8_lossy(body);
    let trimmed = text.trim();
    match trimmed.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{}…", &trimmed[..cut]),
        None => trimmed.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twilio_body_becomes_api_error() {
        let body = br#"{"code": 20404, "message": "The requested resource /v1/Rooms/X was not found", "more_info": "https://www.twilio.com/docs/errors/20404", "status": 404}"#;
        let err = classify_error(StatusCode::NOT_FOUND, Some("application/json"), body);
        assert_eq!(err.status(), Some(StatusCode::NOT_FOUND));
        assert_eq!(err.code(), Some(20404));
        assert_eq!(err.more_info(), Some("https://www.twilio.com/docs/errors/20404"));
        assert!(!err.is_retryable());
        assert!(!format!("{err} {}", err.log_summary()).contains("secret"));
        assert_eq!(
            err.to_string(),
            "Twilio API error (HTTP 404 Not Found, code 20404): The requested resource /v1/Rooms/X \
             was not found (see https://www.twilio.com/docs/errors/20404)"
        );
    }

    #[test]
    fn html_and_empty_bodies_keep_status_and_snippet() {
        let html = format!("<html><body><h1>502 Bad Gateway</h1>{}</body></html>", "x".repeat(500));
        let err = classify_error(StatusCode::BAD_GATEWAY, Some("text/html"), html.as_bytes());
        let Error::UnexpectedBody { status, snippet, content_type } = &err else { panic!("{err:?}") };
        assert_eq!(*status, StatusCode::BAD_GATEWAY);
        assert_eq!(content_type.as_deref(), Some("text/html"));
        assert!(snippet.starts_with("<html><body><h1>502 Bad Gateway"));
        assert_eq!(snippet.chars().count(), 201);
        assert!(err.is_retryable());

        let empty = classify_error(StatusCode::SERVICE_UNAVAILABLE, None, b"");
        assert_eq!(empty.status(), Some(StatusCode::SERVICE_UNAVAILABLE));
        assert!(empty.to_string().contains("untyped"), "{empty}");
    }

    #[test]
    fn json_without_message_is_unexpected() {
        let err = classify_error(StatusCode::BAD_REQUEST, Some("application/json"), br#"{"oops": 1}"#);
        assert!(matches!(err, Error::UnexpectedBody { .. }), "{err:?}");
        assert_eq!(err.status(), Some(StatusCode::BAD_REQUEST));
    }

    #[test]
    fn timeouts_say_which_limit_ran_out() {
        let budget = Error::Timeout { timeout: Duration::from_secs(2), status: None, budget: true };
        assert_eq!(budget.to_string(), "no complete response within 2s (the call's time budget)");
        let attempt = Error::Timeout { timeout: Duration::from_millis(1500), status: None, budget: false };
        assert_eq!(attempt.to_string(), "no complete response within 1.5s (the per-attempt timeout)");
        assert!(budget.is_retryable() && attempt.is_retryable());
    }

    #[test]
    fn redirects_keep_status_and_location_and_are_not_retryable() {
        let err = Error::Redirect {
            status: StatusCode::TEMPORARY_REDIRECT,
            location: Some("https://elsewhere.example/x?X-Amz-Signature=secret#f".into()),
        };
        assert_eq!(err.status(), Some(StatusCode::TEMPORARY_REDIRECT));
        assert!(!err.is_retryable());
        assert!(!format!("{err} {}", err.log_summary()).contains("secret"));
        assert_eq!(
            err.to_string(),
            "HTTP 307 Temporary Redirect to `https://elsewhere.example/x`; redirects are not followed"
        );
        let bare = Error::Redirect { status: StatusCode::MULTIPLE_CHOICES, location: None };
        assert_eq!(
            bare.to_string(),
            "HTTP 300 Multiple Choices without a location; redirects are not followed"
        );
    }

    #[test]
    fn snippet_cuts_on_char_boundaries() {
        let s = snippet("é".repeat(300).as_bytes());
        assert_eq!(s.chars().count(), 201);
    }
}
