//! TLS: rustls with the platform's certificate verifier and the *ring* crypto provider, or the
//! process's default provider where the application installed one (aws-lc for FIPS or
//! post-quantum key exchange, say).
//!
//! reqwest's own rustls set-up brings aws-lc, whose C build is the longest step of a first
//! build; ring builds in a fraction of that time.

use std::sync::Arc;

use rustls::ClientConfig;
use rustls::crypto::CryptoProvider;
use rustls_platform_verifier::BuilderVerifierExt;

/// The TLS configuration of every client.
pub(crate) fn config() -> Result<ClientConfig, rustls::Error> {
    let provider = CryptoProvider::get_default()
        .cloned()
        .unwrap_or_else(|| Arc::new(rustls::crypto::ring::default_provider()));
    let mut config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_platform_verifier()?
        .with_no_client_auth();
    // HTTP/2 where the server offers it, HTTP/1.1 otherwise, as reqwest itself asks.
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(config)
}

#[cfg(test)]
mod tests {
    use tokio::io::AsyncReadExt;

    use crate::{Client, Error, HttpMethod, Operation, OperationKind, PathTemplate, Resource};

    #[derive(Debug, serde::Deserialize)]
    struct Probe {}

    impl Resource for Probe {
        type ListPaging = crate::MetaPaging;
        const NAME: &'static str = "Probe";
        const BASE_URL: &'static str = "https://probe.example";
        const PATH: PathTemplate = PathTemplate::new(&["/v1/Probe"], &[]);
        const OPERATIONS: &'static [Operation] =
            &[Operation::new(OperationKind::Fetch, HttpMethod::Get, Self::PATH)];
    }

    /// The client offers TLS with the server's name and both HTTP versions to a server that
    /// then hangs up: a typed transport error, never a panic.
    #[tokio::test]
    async fn https_sends_a_client_hello_with_name_and_protocols() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let server = tokio::spawn(async move {
            let (mut stream, _) = listener.accept().await.unwrap();
            let mut hello = vec![0; 4096];
            let n = stream.read(&mut hello).await.unwrap();
            hello.truncate(n);
            hello
        });
        // `localhost` rather than an address: a name goes into the hello's SNI.
        let client = Client::builder()
            .auth_token("ACtls", "token")
            .base_url_override(Probe::BASE_URL, format!("https://localhost:{port}"))
            .build()
            .unwrap();
        let err = crate::call::<Probe, _>(&client, OperationKind::Fetch, &[], &()).await.unwrap_err();
        assert!(matches!(err, Error::Transport { status: None, .. }), "{err:?}");
        let hello = server.await.unwrap();
        assert_eq!(hello.first(), Some(&0x16), "a TLS handshake record");
        let contains = |needle: &[u8]| hello.windows(needle.len()).any(|w| w == needle);
        assert!(contains(b"localhost"), "the server's name (SNI)");
        assert!(contains(b"\x02h2") && contains(b"\x08http/1.1"), "both protocols offered (ALPN)");
    }
}
