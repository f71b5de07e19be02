//! A server that answers from bodies rendered once, so that a request costs it a map lookup and
//! a write, and the client's share of the work dominates what is timed.

use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::Arc;

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::header::{CONTENT_TYPE, HeaderValue};
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;

/// A bound, not yet serving, listener: its address is known before the bodies are rendered,
/// so the URLs inside them can point back at it.
pub struct Bound {
    listener: std::net::TcpListener,
    pub base_url: String,
}

pub fn bind() -> Bound {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let base_url = format!("http://{}", listener.local_addr().expect("local address"));
    Bound { listener, base_url }
}

impl Bound {
    /// Serves `bodies` (keyed by path and query) on a thread of its own, whose allocations the
    /// heap counter ignores. Anything else is a 404. The thread ends with the process.
    pub fn serve(self, bodies: HashMap<String, Bytes>) {
        let bodies = Arc::new(bodies);
        let listener = self.listener;
        listener.set_nonblocking(true).expect("non-blocking listener");
        let thread = std::thread::Builder::new().name("server".into());
        thread
            .spawn(move || {
                crate::heap::ignore_this_thread();
                let runtime =
                    tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
                runtime.block_on(async move {
                    // Registering the socket needs the runtime, hence inside `block_on`.
                    let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
                    accept(listener, bodies).await
                });
            })
            .expect("server thread");
    }
}

async fn accept(listener: tokio::net::TcpListener, bodies: Arc<HashMap<String, Bytes>>) {
    loop {
        let Ok((stream, _)) = listener.accept().await else { continue };
        stream.set_nodelay(true).ok();
        let bodies = bodies.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |request: Request<Incoming>| {
                std::future::ready(Ok::<_, Infallible>(answer(&bodies, &request)))
            });
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

fn answer(bodies: &HashMap<String, Bytes>, request: &Request<Incoming>) -> Response<Full<Bytes>> {
    let key = request.uri().path_and_query().map_or("", |p| p.as_str());
    match bodies.get(key) {
        Some(body) => {
            let mut response = Response::new(Full::new(body.clone()));
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
            response
        }
        None => {
            let mut response = Response::new(Full::new(Bytes::from_static(b"{\"code\": 20404}")));
            *response.status_mut() = StatusCode::NOT_FOUND;
            response
        }
    }
}
