//! The committed bindings, conformance tests and cargo features are exactly what the generator
//! writes from the committed extract: CI fails on any hand edit or stale regeneration.

use sidekick_codegen::emit;

#[test]
fn the_committed_bindings_are_what_the_generator_writes() {
    let root = sidekick_codegen::repository_root();
    let files = emit::generate(&root).unwrap_or_else(|e| panic!("the generator failed: {e}"));
    assert!(files.len() > 600, "only {} files generated", files.len());
    let stale = emit::check(&root, &files).unwrap_or_else(|e| panic!("{e}"));
    let listed: Vec<String> = stale.iter().map(ToString::to_string).collect();
    assert!(
        stale.is_empty(),
        "the generated files are stale; run `cargo run -p sidekick-codegen -- generate` and commit:\n{}",
        listed.join("\n")
    );
}
