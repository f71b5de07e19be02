//! The one response body type the server sends: a whole buffer, or a deliberately cut one.

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use hyper::body::{Body, Bytes, Frame, SizeHint};
use hyper::header::{CONTENT_TYPE, HeaderValue};
use hyper::{Response, StatusCode};
use tokio::time::Sleep;

/// A response body.
pub(crate) struct ResponseBody {
    state: BodyState,
}

enum BodyState {
    /// The whole body, sent as one frame with an exact length.
    Whole(Option<Bytes>),
    /// A prefix of a body, then a pause (so the prefix is flushed), then an error that makes
    /// the server drop the connection short of the declared `Content-Length`.
    Cut { prefix: Option<Bytes>, pause: Pin<Box<Sleep>> },
}

impl ResponseBody {
    pub(crate) fn whole(bytes: impl Into<Bytes>) -> ResponseBody {
        ResponseBody { state: BodyState::Whole(Some(bytes.into())) }
    }

    /// Sends `prefix`, then fails. The size is left unknown so hyper uses the caller's
    /// `Content-Length` header instead of the real length.
    pub(crate) fn cut(prefix: impl Into<Bytes>) -> ResponseBody {
        ResponseBody {
            state: BodyState::Cut {
                prefix: Some(prefix.into()),
                pause: Box::pin(tokio::time::sleep(Duration::from_millis(50))),
            },
        }
    }

    /// A response with a JSON body.
    pub(crate) fn json_response(status: StatusCode, bytes: Vec<u8>) -> Response<ResponseBody> {
        let mut response = Response::new(ResponseBody::whole(bytes));
        *response.status_mut() = status;
        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        response
    }
}

impl Body for ResponseBody {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, io::Error>>> {
        match &mut self.get_mut().state {
            BodyState::Whole(bytes) => Poll::Ready(bytes.take().map(|b| Ok(Frame::data(b)))),
            BodyState::Cut { prefix, pause } => {
                if let Some(prefix) = prefix.take() {
                    return Poll::Ready(Some(Ok(Frame::data(prefix))));
                }
                match pause.as_mut().poll(cx) {
                    Poll::Pending => Poll::Pending,
                    Poll::Ready(()) => Poll::Ready(Some(Err(io::Error::new(
                        io::ErrorKind::ConnectionAborted,
                        "truncated body fault",
                    )))),
                }
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        matches!(self.state, BodyState::Whole(None))
    }

    fn size_hint(&self) -> SizeHint {
        match &self.state {
            BodyState::Whole(Some(bytes)) => SizeHint::with_exact(bytes.len() as u64),
            BodyState::Whole(None) => SizeHint::with_exact(0),
            BodyState::Cut { .. } => SizeHint::default(),
        }
    }
}
