//! Dropping a connection without answering.
//!
//! An axum handler or middleware can only produce a response, so the fault middleware returns one
//! carrying the [`DropConnection`] marker; the connection service, which hyper drives directly,
//! turns it into an error, on which hyper closes the connection without writing a byte.

use std::fmt;

use axum::response::Response;

/// The marker, and the error hyper receives in place of the marked response.
#[derive(Clone, Copy, Debug)]
pub(crate) struct DropConnection;

impl DropConnection {
    /// A response that is never sent: the connection is dropped instead.
    pub(crate) fn response() -> Response {
        let mut response = Response::default();
        response.extensions_mut().insert(DropConnection);
        response
    }

    /// Passes `response` through, unless it is the marker.
    pub(crate) fn check(response: Response) -> Result<Response, DropConnection> {
        match response.extensions().get::<DropConnection>() {
            Some(marker) => Err(*marker),
            None => Ok(response),
        }
    }
}

impl fmt::Display for DropConnection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("connection dropped by an injected fault")
    }
}

impl std::error::Error for DropConnection {}
