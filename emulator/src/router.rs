//! Maps a request's method and raw path to an API operation.
//!
//! The raw path is split on `/` *before* percent-decoding, so `%2F` inside an identity stays part
//! of one segment. A trailing slash is ignored.

use hyper::Method;

use crate::faults::Route;

/// An API operation with its decoded path parameters.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Endpoint {
    ListRooms,
    CreateRoom,
    FetchRoom { room: String },
    UpdateRoom { room: String },
    ListParticipants { room: String },
    FetchParticipant { room: String, participant: String },
    UpdateParticipant { room: String, participant: String },
}

impl Endpoint {
    pub(crate) fn route(&self) -> Route {
        match self {
            Endpoint::ListRooms => Route::ListRooms,
            Endpoint::CreateRoom => Route::CreateRoom,
            Endpoint::FetchRoom { .. } => Route::FetchRoom,
            Endpoint::UpdateRoom { .. } => Route::UpdateRoom,
            Endpoint::ListParticipants { .. } => Route::ListParticipants,
            Endpoint::FetchParticipant { .. } => Route::FetchParticipant,
            Endpoint::UpdateParticipant { .. } => Route::UpdateParticipant,
        }
    }
}

/// The outcome of routing one request.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Resolution {
    Endpoint(Endpoint),
    /// The path exists, the method does not; `allow` lists the methods that do.
    MethodNotAllowed {
        allow: &'static str,
    },
    NotFound,
}

impl Resolution {
    pub(crate) fn route(&self) -> Option<Route> {
        match self {
            Resolution::Endpoint(endpoint) => Some(endpoint.route()),
            _ => None,
        }
    }
}

pub(crate) fn resolve(method: &Method, raw_path: &str) -> Resolution {
    let trimmed = raw_path.trim_end_matches('/');
    let Some(decoded) = trimmed
        .strip_prefix('/')
        .map(|rest| rest.split('/').map(decode_segment).collect::<Option<Vec<String>>>())
    else {
        return Resolution::NotFound;
    };
    let Some(segments) = decoded.filter(|segments| segments.iter().all(|s| !s.is_empty())) else {
        return Resolution::NotFound;
    };
    let is_get = method == Method::GET;
    let is_post = method == Method::POST;
    let parts: Vec<&str> = segments.iter().map(String::as_str).collect();
    let endpoint = match parts.as_slice() {
        ["v1", "Rooms"] if is_get => Endpoint::ListRooms,
        ["v1", "Rooms"] if is_post => Endpoint::CreateRoom,
        ["v1", "Rooms", room] if is_get => Endpoint::FetchRoom { room: room.to_string() },
        ["v1", "Rooms", room] if is_post => Endpoint::UpdateRoom { room: room.to_string() },
        ["v1", "Rooms", room, "Participants"] if is_get => {
            Endpoint::ListParticipants { room: room.to_string() }
        }
        ["v1", "Rooms", room, "Participants", participant] if is_get => {
            Endpoint::FetchParticipant { room: room.to_string(), participant: participant.to_string() }
        }
        ["v1", "Rooms", room, "Participants", participant] if is_post => {
            Endpoint::UpdateParticipant { room: room.to_string(), participant: participant.to_string() }
        }
        ["v1", "Rooms"] | ["v1", "Rooms", _] | ["v1", "Rooms", _, "Participants", _] => {
            return Resolution::MethodNotAllowed { allow: "GET, POST" };
        }
        ["v1", "Rooms", _, "Participants"] => {
            return Resolution::MethodNotAllowed { allow: "GET" };
        }
        _ => return Resolution::NotFound,
    };
    Resolution::Endpoint(endpoint)
}

/// Percent-decodes one path segment. A `%` not followed by two hex digits is kept literally;
/// `None` if the decoded bytes are not UTF-8 (no identity or name can match them).
fn decode_segment(segment: &str) -> Option<String> {
    let bytes = segment.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                decoded.push(byte);
                i += 3;
            }
            None => {
                decoded.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8(decoded).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fetch(room: &str, participant: &str) -> Resolution {
        Resolution::Endpoint(Endpoint::FetchParticipant {
            room: room.to_owned(),
            participant: participant.to_owned(),
        })
    }

    #[test]
    fn percent_encoded_slashes_stay_inside_their_segment() {
        let path = "/v1/Rooms/Daily%2FStandup/Participants/a%2Fb";
        assert_eq!(resolve(&Method::GET, path), fetch("Daily/Standup", "a/b"));
    }

    #[test]
    fn decodes_reserved_and_non_ascii_characters() {
        for (raw, decoded) in [
            ("a%3Fb", "a?b"),
            ("a%23b", "a#b"),
            ("bob%20smith", "bob smith"),
            ("%C3%A9", "é"),
            ("50%25", "50%"),
            ("user.123", "user.123"),
            ("a+b", "a+b"),
            ("100%", "100%"),
            ("%zz", "%zz"),
        ] {
            let path = format!("/v1/Rooms/R/Participants/{raw}");
            assert_eq!(resolve(&Method::GET, &path), fetch("R", decoded), "{raw}");
        }
    }

    #[test]
    fn trailing_slashes_are_ignored() {
        assert_eq!(resolve(&Method::GET, "/v1/Rooms/R/Participants/P/"), fetch("R", "P"));
        assert_eq!(resolve(&Method::GET, "/v1/Rooms/"), Resolution::Endpoint(Endpoint::ListRooms));
    }

    #[test]
    fn unknown_paths_and_methods() {
        assert_eq!(resolve(&Method::GET, "/"), Resolution::NotFound);
        assert_eq!(resolve(&Method::GET, "/v1/Rooms//Participants"), Resolution::NotFound);
        assert_eq!(resolve(&Method::GET, "/v1/rooms"), Resolution::NotFound);
        assert_eq!(resolve(&Method::GET, "/v1/Rooms/R/Participants/%FF"), Resolution::NotFound);
        assert_eq!(
            resolve(&Method::DELETE, "/v1/Rooms/R/Participants/P"),
            Resolution::MethodNotAllowed { allow: "GET, POST" }
        );
        assert_eq!(
            resolve(&Method::POST, "/v1/Rooms/R/Participants"),
            Resolution::MethodNotAllowed { allow: "GET" }
        );
    }
}
