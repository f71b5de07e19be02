//! The extraction over the real vendored descriptions (`../shared/spec/twilio-oai`).

mod common;

use std::collections::BTreeMap;

use serde_json::Value;
use sidekick_codegen::{check_dir, default_out_dir, default_spec_dir, extract_dir};

const METHODS: &[&str] = &["delete", "get", "head", "options", "patch", "post", "put", "trace"];

/// The rendered extract of the vendored directory; fails (never skips) when it is missing.
fn extract_vendored() -> BTreeMap<String, String> {
    let spec = default_spec_dir();
    assert!(
        spec.is_dir(),
        "the vendored Twilio descriptions are missing: looked for {} (../shared/spec/twilio-oai from the \
         workspace root)",
        spec.display()
    );
    extract_dir(&spec).unwrap_or_else(|e| panic!("extraction failed: {e}"))
}

#[test]
fn committed_extract_is_a_fresh_extraction() {
    // What `check-extract` checks: the committed files are exactly what the extraction gives.
    let files = extract_vendored();
    let out = default_out_dir();
    let differences = check_dir(&out, &files).unwrap_or_else(|e| panic!("{e}"));
    let listed: Vec<String> = differences.iter().map(ToString::to_string).collect();
    assert!(
        listed.is_empty(),
        "{} is stale; run `cargo run -p sidekick-codegen -- extract`:\n  {}",
        out.display(),
        listed.join("\n  ")
    );
}

#[test]
fn totals_match_the_spec_readme() {
    let files = extract_vendored();
    let mut paths = 0;
    let mut paths_with_operations = 0;
    let mut methods = BTreeMap::<&str, usize>::new();
    for (name, extract) in parsed(&files) {
        let items = extract["paths"].as_object().unwrap_or_else(|| panic!("{name}: no paths object"));
        paths += items.len();
        for item in items.values() {
            let mut any = false;
            for method in METHODS.iter().filter(|m| item.get(**m).is_some()) {
                *methods.entry(method).or_default() += 1;
                any = true;
            }
            paths_with_operations += usize::from(any);
        }
    }
    assert_eq!(files.len(), 55, "descriptions");
    assert_eq!(paths, 926, "paths (all of them: those without operations are parents)");
    assert_eq!(paths_with_operations, 822, "paths with at least one operation");
    assert_eq!(methods.values().sum::<usize>(), 1447, "operations");
    let expected = BTreeMap::from([("delete", 217), ("get", 733), ("patch", 2), ("post", 484), ("put", 11)]);
    assert_eq!(methods, expected, "operations per method");
}

#[test]
fn no_prose_keys_are_left() {
    // Apart from data: example bodies, defaults and enum values, and names (a resource's
    // `description` field is a fact).
    let files = extract_vendored();
    let mut prose = Vec::new();
    for (name, extract) in parsed(&files) {
        prose.extend(common::prose_keys(&extract).into_iter().map(|at| format!("{name}: {at}")));
    }
    assert!(prose.is_empty(), "prose keys left:\n  {}", prose.join("\n  "));
}

fn parsed(files: &BTreeMap<String, String>) -> impl Iterator<Item = (&String, Value)> {
    files
        .iter()
        .map(|(name, text)| (name, serde_json::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"))))
}
