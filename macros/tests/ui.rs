//! The derive as users meet it: every misuse's message and where it points (`tests/ui`), and
//! every combination of keys compiling and running (`tests/pass`).
//!
//! One trybuild run for both, so the dependencies are built once. Regenerate the expected
//! messages with `TRYBUILD=overwrite cargo test -p sidekick-macros --test ui`.
//!
//! They live in the macro crate so that trybuild builds `sidekick` with the features this
//! crate's dev-dependency asks for (none: no generated bindings to compile), whatever a workspace
//! build enables.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
    cases.pass("tests/pass/*.rs");
}
