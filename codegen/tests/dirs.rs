//! Extracting, writing and checking whole directories.

use std::fs;
use std::path::PathBuf;

use serde_json::json;
use sidekick_codegen::{Difference, check_dir, extract_dir, write_dir};

/// A fresh scratch directory for one test, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(test: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("sidekick-codegen-{test}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn description(operation_id: &str) -> String {
    json!({
        "openapi": "3.0.1",
        "servers": [{"url": "https://video.twilio.com"}],
        "paths": {"/v1/Rooms": {"get": {"operationId": operation_id, "responses": {"200": {"description": "OK"}}}}}
    })
    .to_string()
}

#[test]
fn write_then_check_finds_missing_changed_and_extra_files() {
    let scratch = Scratch::new("roundtrip");
    let (spec, out) = (scratch.0.join("spec"), scratch.0.join("out"));
    fs::create_dir_all(&spec).unwrap_or_else(|e| panic!("{e}"));
    for (name, id) in
        [("twilio_a_v1.json", "ListA"), ("twilio_b_v1.json", "ListB"), ("twilio_c_v1.json", "ListC")]
    {
        fs::write(spec.join(name), description(id)).unwrap_or_else(|e| panic!("{e}"));
    }
    fs::write(spec.join("README.md"), "not a description").unwrap_or_else(|e| panic!("{e}"));

    let files = extract_dir(&spec).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        files.keys().collect::<Vec<_>>(),
        ["twilio_a_v1.json", "twilio_b_v1.json", "twilio_c_v1.json"]
    );
    assert_eq!(check_dir(&out, &files), Ok(files.keys().cloned().map(Difference::Missing).collect()));

    let written = write_dir(&out, &files).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(written.written.len(), 3);
    assert_eq!(check_dir(&out, &files), Ok(Vec::new()));

    fs::write(out.join("twilio_b_v1.json"), "{}\n").unwrap_or_else(|e| panic!("{e}"));
    fs::remove_file(out.join("twilio_c_v1.json")).unwrap_or_else(|e| panic!("{e}"));
    fs::write(out.join("twilio_old_v1.json"), "{}\n").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        check_dir(&out, &files),
        Ok(vec![
            Difference::Differs("twilio_b_v1.json".into()),
            Difference::Missing("twilio_c_v1.json".into()),
            Difference::Extra("twilio_old_v1.json".into()),
        ])
    );

    let rewritten = write_dir(&out, &files).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rewritten.unchanged, ["twilio_a_v1.json"]);
    assert_eq!(rewritten.written, ["twilio_b_v1.json", "twilio_c_v1.json"]);
    assert_eq!(rewritten.removed, ["twilio_old_v1.json"]);
    assert_eq!(check_dir(&out, &files), Ok(Vec::new()));
}

#[test]
fn errors_name_the_file_and_pointer() {
    let scratch = Scratch::new("errors");
    let bad = scratch.0.join("twilio_bad_v1.json");
    let text = description("ListBad").replace("\"operationId\"", "\"callbacks\": {}, \"operationId\"");
    fs::write(&bad, text).unwrap_or_else(|e| panic!("{e}"));
    let err = extract_dir(&scratch.0).err().map(|e| e.to_string()).unwrap_or_default();
    assert_eq!(
        err,
        format!("{}: at /paths/~1v1~1Rooms/get/callbacks: unknown operation key `callbacks`", bad.display())
    );

    let empty = Scratch::new("empty");
    let err = extract_dir(&empty.0).err().map(|e| e.to_string()).unwrap_or_default();
    assert_eq!(err, format!("{}: no twilio_*.json descriptions here", empty.0.display()));
}
