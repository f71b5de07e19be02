//! The HTTP/1.1 server: a thread of its own running a tokio runtime of its own, an accept loop,
//! one hyper connection task per client serving the axum application, and a graceful shutdown
//! that lets in-flight requests finish.
//!
//! Its own thread and runtime (as wiremock runs its servers) make an emulator independent of the
//! runtime that started it: it can live in a `static` shared by many `#[tokio::test]`s, each with
//! a runtime of its own, or serve a synchronous test.
//!
//! hyper drives each connection directly (not `axum::serve`) so that a fault can drop it without
//! a response: see [`drop_connection`].

mod drop_connection;
pub(crate) mod extract;
mod fault_response;
pub(crate) mod intake;
pub(crate) mod middleware;
mod truncated_body;

use std::io;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::{oneshot, watch};
use tower::ServiceExt;

use self::drop_connection::DropConnection;
use crate::http::router;
use crate::shared::Shared;

/// How long shutdown waits for in-flight requests before dropping them.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// Controls a running server.
#[derive(Debug)]
pub(crate) struct ServerHandle {
    stop: watch::Sender<bool>,
    /// Completed by the server's thread once its runtime has finished.
    stopped: oneshot::Receiver<()>,
    thread: JoinHandle<()>,
}

impl ServerHandle {
    /// Asks the server to stop without waiting (usable from `Drop`).
    pub(crate) fn signal_stop(&self) {
        self.stop.send_replace(true);
    }

    /// Stops the server and waits, without blocking the caller's runtime, until every
    /// connection has finished and its thread has ended.
    pub(crate) async fn stop(self) {
        self.signal_stop();
        // An error means the thread ended without saying so (it panicked); it has stopped.
        let _ = self.stopped.await;
        let _ = self.thread.join();
    }

    /// Stops the server and blocks the calling thread until it has.
    pub(crate) fn stop_blocking(self) {
        self.signal_stop();
        let _ = self.thread.join();
    }
}

/// Serves `shared` on `listener` from a new thread with a single-threaded tokio runtime.
pub(crate) fn spawn(listener: std::net::TcpListener, shared: Arc<Shared>) -> io::Result<ServerHandle> {
    listener.set_nonblocking(true)?;
    // Built here so that a failure is the caller's error rather than a dead thread.
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let (stop, stop_requested) = watch::channel(false);
    let (report_stopped, stopped) = oneshot::channel();
    let thread = std::thread::Builder::new().name("sidekick-emulator".to_owned()).spawn(move || {
        runtime.block_on(async move {
            match TcpListener::from_std(listener) {
                Ok(listener) => accept_loop(listener, shared, stop_requested).await,
                Err(err) => tracing::error!(%err, "the emulator could not listen"),
            }
        });
        // Connection tasks still running past the grace period end with the runtime.
        drop(runtime);
        let _ = report_stopped.send(());
    })?;
    Ok(ServerHandle { stop, stopped, thread })
}

async fn accept_loop(listener: TcpListener, shared: Arc<Shared>, mut stopped: watch::Receiver<bool>) {
    let app = router::app(shared);
    let graceful = GracefulShutdown::new();
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = stopped.wait_for(|stop| *stop) => break,
        };
        let stream = match accepted {
            Ok((stream, _peer)) => stream,
            Err(err) => {
                // Usually out of file descriptors: back off instead of spinning.
                tracing::warn!(%err, "accept failed");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        // Many small requests in tests: don't let Nagle delay the last segment of a response.
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        let service = service_fn(move |request| {
            let app = app.clone();
            async move {
                let Ok(response) = app.oneshot(request).await;
                DropConnection::check(response)
            }
        });
        let connection = http1::Builder::new().serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(err) = connection.await {
                tracing::debug!(%err, "connection ended with an error");
            }
        });
    }
    drop(listener);
    if tokio::time::timeout(SHUTDOWN_GRACE, graceful.shutdown()).await.is_err() {
        tracing::warn!("shutdown grace period elapsed with connections still open");
    }
}
