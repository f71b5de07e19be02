//! `application/x-www-form-urlencoded` bodies and query strings in Twilio's conventions.

use serde::Serialize;
use serde_json::Value;

use crate::Error;

/// Encodes `params` (a struct or map) as Twilio expects form bodies and query strings:
/// `None` fields are left out, booleans are `true`/`false`, sequences become repeated keys,
/// and nested objects are sent as JSON text (Twilio's JSON-typed parameters).
///
/// ```
/// # extern crate sidekick_runtime as sidekick;
/// #[derive(serde::Serialize)]
/// struct Params { #[serde(rename = "Status")] status: &'static str, #[serde(rename = "Tag")] tags: Vec<u8>, #[serde(rename = "Missing")] missing: Option<u8> }
/// let body = sidekick::form::encode(&Params { status: "disconnected", tags: vec![1, 2], missing: None }).unwrap();
/// assert_eq!(body, "Status=disconnected&Tag=1&Tag=2");
/// ```
pub fn encode<T: Serialize + ?Sized>(params: &T) -> Result<String, Error> {
    to_query(&pairs(params)?)
}

/// The key-value pairs `encode` would send, in order, before escaping.
fn pairs<T: Serialize + ?Sized>(params: &T) -> Result<Vec<(String, String)>, Error> {
    let fields = fields(params)?;
    let mut pairs: Vec<(String, String)> = Vec::with_capacity(fields.len());
    for (key, value) in fields {
        push_pairs(&mut pairs, key, value);
    }
    Ok(pairs)
}

/// The top-level fields of a parameters value, by wire name; `()` has none.
pub(crate) fn fields<T: Serialize + ?Sized>(params: &T) -> Result<serde_json::Map<String, Value>, Error> {
    // Parameter sets are a handful of fields, so going through `Value` costs little and lets
    // serde_urlencoded do the escaping while we add the repeated-key and JSON conventions.
    let value = serde_json::to_value(params)
        .map_err(|e| Error::invalid_input(format!("parameters could not be serialized: {e}")))?;
    match value {
        Value::Null => Ok(serde_json::Map::new()),
        Value::Object(fields) => Ok(fields),
        other => Err(Error::invalid_input(format!(
            "parameters must serialize as a struct or map, not {}",
            kind(&other)
        ))),
    }
}

/// Adds one parameter's pairs: none for `null`, one per item for a sequence.
pub(crate) fn push_pairs(pairs: &mut Vec<(String, String)>, key: String, value: Value) {
    match value {
        Value::Null => {}
        Value::Array(items) => {
            pairs.extend(items.into_iter().filter_map(scalar_text).map(|v| (key.clone(), v)));
        }
        other => pairs.extend(scalar_text(other).map(|v| (key, v))),
    }
}

/// Escapes and joins pairs as `a=1&b=2`.
pub(crate) fn to_query(pairs: &[(String, String)]) -> Result<String, Error> {
    serde_urlencoded::to_string(pairs)
        .map_err(|e| Error::invalid_input(format!("parameters could not be form-encoded: {e}")))
}

pub(crate) fn scalar_text(value: Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(s),
        nested @ (Value::Array(_) | Value::Object(_)) => Some(nested.to_string()),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a sequence",
        Value::Object(_) => "a map",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(Serialize)]
    #[serde(rename_all = "PascalCase")]
    struct Everything {
        status: Option<&'static str>,
        record: bool,
        max_participants: u32,
        video_codecs: Vec<&'static str>,
        rules: BTreeMap<&'static str, &'static str>,
        identity: String,
        skipped: Option<bool>,
    }

    #[test]
    fn twilio_conventions() {
        let body = encode(&Everything {
            status: Some("in-progress"),
            record: false,
            max_participants: 50,
            video_codecs: vec!["VP8", "H264"],
            rules: BTreeMap::from([("type", "include")]),
            identity: "bob smith&co=1/é".into(),
            skipped: None,
        })
        .unwrap();
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(&body).unwrap();
        let expect = [
            ("Identity", "bob smith&co=1/é"),
            ("MaxParticipants", "50"),
            ("Record", "false"),
            ("Rules", r#"{"type":"include"}"#),
            ("Status", "in-progress"),
            ("VideoCodecs", "VP8"),
            ("VideoCodecs", "H264"),
        ];
        let got: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(got, expect);
        assert!(!body.contains("Skipped"));
    }

    #[test]
    fn unit_and_empty_structs_encode_to_nothing() {
        #[derive(Serialize)]
        struct Empty {}
        assert_eq!(encode(&()).unwrap(), "");
        assert_eq!(encode(&Empty {}).unwrap(), "");
    }

    #[test]
    fn non_struct_parameters_are_refused() {
        let err = encode(&"just a string").unwrap_err();
        assert!(err.to_string().contains("not a string"), "{err}");
        assert!(encode(&[1, 2]).is_err());
    }
}
