//! The HTTP/1.1 server: an accept loop on tokio, one hyper connection task per client serving the
//! axum application, and a graceful shutdown that lets in-flight requests finish.
//!
//! hyper drives each connection directly (not `axum::serve`) so that a fault can drop it without
//! a response: see [`drop_connection`].

mod drop_connection;
pub(crate) mod extract;
mod fault_response;
pub(crate) mod intake;
pub(crate) mod middleware;
mod truncated_body;

use std::sync::Arc;
use std::time::Duration;

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tower::ServiceExt;

use self::drop_connection::DropConnection;
use crate::router;
use crate::shared::Shared;

/// How long shutdown waits for in-flight requests before dropping them.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// Controls a running server.
#[derive(Debug)]
pub(crate) struct ServerHandle {
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl ServerHandle {
    /// Asks the server to stop without waiting (usable from `Drop`).
    pub(crate) fn signal_stop(&self) {
        self.stop.send_replace(true);
    }

    /// Stops the server and waits until every connection has finished.
    pub(crate) async fn stop(self) {
        self.signal_stop();
        // A join error means the task panicked or was cancelled; either way it has stopped.
        let _ = self.task.await;
    }
}

/// Serves `shared` on `listener` in a background task of the current tokio runtime.
pub(crate) fn spawn(listener: TcpListener, shared: Arc<Shared>) -> ServerHandle {
    let (stop, stopped) = watch::channel(false);
    let task = tokio::spawn(accept_loop(listener, shared, stopped));
    ServerHandle { stop, task }
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
