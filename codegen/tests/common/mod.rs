//! Helpers shared by the tests.

use serde_json::Value;

/// Keys that hold prose in OpenAPI.
const PROSE: &[&str] = &["description", "summary", "title"];

/// Keys whose value is data copied verbatim (an example body, a default, enum values): a
/// `description` inside is a field of Twilio's resource, not prose.
const DATA: &[&str] = &["example", "default", "enum"];

/// Keys whose value maps names (of properties, paths, schemas, media types, ...) to values: the
/// names are data (a resource may well have a `description` field), the values are checked.
const NAMES: &[&str] = &[
    "properties",
    "paths",
    "schemas",
    "securitySchemes",
    "content",
    "responses",
    "dependentProperties",
    "mapping",
];

/// The JSON pointers of every prose key left in an extract.
pub fn prose_keys(value: &Value) -> Vec<String> {
    let mut found = Vec::new();
    walk(value, String::new(), false, &mut found);
    found
}

fn walk(value: &Value, at: String, names: bool, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let here = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
                if !names && PROSE.contains(&key.as_str()) {
                    found.push(here.clone());
                }
                if names || !DATA.contains(&key.as_str()) {
                    walk(child, here, !names && NAMES.contains(&key.as_str()), found);
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(item, format!("{at}/{i}"), false, found);
            }
        }
        _ => {}
    }
}
