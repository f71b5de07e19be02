//! Request parameters as JSON values of their fields' kinds, and the names that connect them
//! (`FriendlyName` sets `friendly_name`).

use serde_json::Value;

use crate::world::schema::Kind;

/// A path argument as its field's kind takes it (a whole number for GitHub's `number`).
pub(crate) fn coerce_known(kind: Kind, text: &str) -> Value {
    match kind {
        Kind::Integer => whole_number(text).unwrap_or_else(|| Value::String(text.to_owned())),
        _ => Value::String(text.to_owned()),
    }
}

/// A whole number in JSON, signed or as large as `u64`.
fn whole_number(text: &str) -> Option<Value> {
    let text = text.trim();
    text.parse::<i64>().map(Value::from).or_else(|_| text.parse::<u64>().map(Value::from)).ok()
}

/// A parameter's value as a field of `kind` takes it; `None` if it does not read as one.
pub(crate) fn coerce(kind: Kind, value: &Value) -> Option<Value> {
    let text = value.as_str();
    let last = || match value {
        Value::Array(values) => values.last().cloned(),
        other => Some(other.clone()),
    };
    Some(match kind {
        Kind::OneOf(names) => match last()? {
            Value::String(text) if names.contains(&text.as_str()) => Value::String(text),
            _ => return None,
        },
        Kind::Text | Kind::Any => match last()? {
            Value::String(text) => Value::String(text),
            other if kind == Kind::Any => other,
            other => Value::String(text_of(&other)),
        },
        Kind::Integer => match last()? {
            Value::String(text) => whole_number(&text)?,
            number @ Value::Number(_) if number.is_i64() || number.is_u64() => number,
            _ => return None,
        },
        Kind::Float => match last()? {
            Value::String(text) => Value::from(text.trim().parse::<f64>().ok().filter(|f| f.is_finite())?),
            number @ Value::Number(_) => number,
            _ => return None,
        },
        Kind::Bool => match last()? {
            Value::String(text) if text.eq_ignore_ascii_case("true") => Value::Bool(true),
            Value::String(text) if text.eq_ignore_ascii_case("false") => Value::Bool(false),
            boolean @ Value::Bool(_) => boolean,
            _ => return None,
        },
        Kind::List => match value {
            Value::Array(values) => Value::Array(values.clone()),
            other => Value::Array(vec![other.clone()]),
        },
        Kind::Object => match (text, value) {
            (Some(text), _) => match serde_json::from_str(text).ok()? {
                object @ Value::Object(_) => object,
                _ => return None,
            },
            (None, object @ Value::Object(_)) => object.clone(),
            _ => return None,
        },
    })
}

pub(crate) fn expected(kind: Kind) -> String {
    let what = match kind {
        Kind::OneOf(names) => return format!("expected one of: {}", names.join(", ")),
        Kind::Bool => "true or false",
        Kind::Integer => "a whole number",
        Kind::Float => "a number",
        Kind::Text | Kind::Any => "text",
        Kind::List => "a list",
        Kind::Object => "a JSON object",
    };
    format!("expected {what}")
}

/// A value as a filter compares it: strings as they are, anything else as JSON.
pub(crate) fn text_of(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// `FriendlyName` → `friendly_name`, `SMSUrl` → `sms_url`.
pub(crate) fn snake_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            let previous = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(char::is_ascii_lowercase);
            if previous.is_ascii_lowercase()
                || previous.is_ascii_digit()
                || (previous.is_ascii_uppercase() && next_lower)
            {
                out.push('_');
            }
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameter_names_become_field_names() {
        assert_eq!(snake_case("FriendlyName"), "friendly_name");
        assert_eq!(snake_case("SMSUrl"), "sms_url");
        assert_eq!(snake_case("StatusCallbackEvent"), "status_callback_event");
        assert_eq!(snake_case("Ttl"), "ttl");
        assert_eq!(snake_case("Page2Token"), "page2_token");
        assert_eq!(snake_case("body"), "body");
    }

    #[test]
    fn values_are_read_as_their_field_kind() {
        let text = |t: &str| Value::String(t.to_owned());
        assert_eq!(coerce(Kind::Integer, &text("42")), Some(Value::from(42)));
        assert_eq!(coerce(Kind::Integer, &text("4.2")), None);
        assert_eq!(coerce(Kind::Bool, &text("True")), Some(Value::Bool(true)));
        assert_eq!(coerce(Kind::Bool, &text("yes")), None);
        assert_eq!(coerce(Kind::Float, &text("NaN")), None);
        assert_eq!(coerce(Kind::List, &text("a")), Some(serde_json::json!(["a"])));
        let both = Value::Array(vec![text("a"), text("b")]);
        assert_eq!(coerce(Kind::List, &both), Some(serde_json::json!(["a", "b"])));
        assert_eq!(coerce(Kind::Text, &both), Some(text("b")), "the last of a repeated parameter wins");
        assert_eq!(coerce(Kind::Object, &text(r#"{"a": 1}"#)), Some(serde_json::json!({"a": 1})));
        assert_eq!(coerce(Kind::Object, &text("[1]")), None);
    }
}
