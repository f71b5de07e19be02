//! A response body that is deliberately cut short, for the truncated-body fault.

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::Bytes;
use hyper::body::{Body, Frame, SizeHint};
use tokio::time::Sleep;

/// Sends a prefix, then pauses (so the prefix is flushed), then fails, which makes hyper drop the
/// connection short of the declared `Content-Length`.
pub(crate) struct TruncatedBody {
    prefix: Option<Bytes>,
    pause: Pin<Box<Sleep>>,
}

impl TruncatedBody {
    /// Sends `prefix`, then fails.
    pub(crate) fn new(prefix: impl Into<Bytes>) -> TruncatedBody {
        TruncatedBody {
            prefix: Some(prefix.into()),
            pause: Box::pin(tokio::time::sleep(Duration::from_millis(50))),
        }
    }
}

impl Body for TruncatedBody {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, io::Error>>> {
        let this = self.get_mut();
        if let Some(prefix) = this.prefix.take() {
            return Poll::Ready(Some(Ok(Frame::data(prefix))));
        }
        match this.pause.as_mut().poll(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(()) => Poll::Ready(Some(Err(io::Error::new(
                io::ErrorKind::ConnectionAborted,
                "truncated body fault",
            )))),
        }
    }

    /// Unknown, so that neither axum nor hyper replaces the caller's `Content-Length` header
    /// with the real length.
    fn size_hint(&self) -> SizeHint {
        SizeHint::default()
    }
}
