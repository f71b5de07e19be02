//! The facts generated docs state: a schema's type, format, pattern, nullability and values.

use serde_json::Value;

use super::space::Space;

/// What a field's schema says, in a few words: `string (date-time), nullable`,
/// `one of "queued", "sent"`, `array of string`. `schema` is resolved; `written` is the
/// schema as written at the field (its `nullable` counts too).
pub(crate) fn describe(schema: &Value, written: &Value, space: &Space) -> String {
    let mut text = shape(schema, space, 0);
    let nullable = |s: &Value| s.get("nullable") == Some(&Value::Bool(true));
    if nullable(schema) || nullable(written) {
        text.push_str(", nullable");
    }
    if schema.get("deprecated") == Some(&Value::Bool(true)) {
        text.push_str(", deprecated");
    }
    text
}

fn shape(schema: &Value, space: &Space, depth: usize) -> String {
    let schema = space.resolve(schema);
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        let values: Vec<String> =
            values.iter().map(|v| format!("`{}`", v.as_str().unwrap_or_default())).collect();
        return format!("one of {}", values.join(", "));
    }
    if ["oneOf", "anyOf", "allOf"].iter().any(|k| schema.get(k).is_some()) {
        return "any JSON".to_owned();
    }
    let ty = schema.get("type").and_then(Value::as_str);
    let mut text = match ty {
        Some("array") if depth < 3 => match schema.get("items") {
            Some(items) => format!("array of {}", shape(items, space, depth + 1)),
            None => "array".to_owned(),
        },
        Some("object") | None if schema.get("properties").is_some() => "object".to_owned(),
        Some(ty) => ty.to_owned(),
        None => "any JSON".to_owned(),
    };
    if let Some(format) = schema.get("format").and_then(Value::as_str) {
        text.push_str(&format!(" ({format})"));
    }
    if let Some(pattern) = schema.get("pattern").and_then(Value::as_str) {
        text.push_str(&format!(" matching `{pattern}`"));
    }
    for (key, word) in [("minimum", "at least"), ("maximum", "at most"), ("default", "default")] {
        if let Some(bound) = schema.get(key) {
            text.push_str(&format!(", {word} `{bound}`"));
        }
    }
    text
}

/// `text` as `///` lines indented by `indent`, with rustdoc's special characters kept literal
/// (`[` and `]` would start links, `<` and `>` HTML).
pub(crate) fn doc_lines(text: &str, indent: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        if line.is_empty() {
            out.push_str(&format!("{indent}///\n"));
        } else {
            out.push_str(&format!("{indent}/// {line}\n"));
        }
    }
    out
}
