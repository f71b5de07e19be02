//! Compile-fail cases of the derive: each mistake's message and where it points.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
