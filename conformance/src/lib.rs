//! Conformance of the generated Twilio bindings to Twilio's descriptions.
//!
//! The crate has no code of its own: `tests/operations` holds one generated test per operation
//! (`cargo run -p sidekick-codegen -- generate` writes them) and the loopback server they use
//! (`mock.rs`, hand-written). Building it enables every product feature of `sidekick`.
