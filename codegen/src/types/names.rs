//! Rust names for wire names: struct fields, enum variants, and the types of components.
//!
//! All three split a wire name into **words** the same way: every character that is not an
//! ASCII letter or digit separates words (`twilio/call-to-action`, `Avg. Handle Time (Today)`,
//! `ONLINE:UPDATING`), and so does a change of case: a lower-case letter or digit followed by
//! an upper-case one (`dateSent`, `sms2Way`), and the last capital of a run followed by a
//! lower-case letter (`USt` → `U St`, `HTMLParser` → `HTML Parser`). Letters and digits are not
//! split (`Parameter1`, `VP8`, `e164`).
//!
//! - [`field_name`]: the words in lower case, joined by `_` (`Non-Resident` → `non_resident`).
//!   A trailing `<` or `>` is Twilio's inequality filter and becomes `_before`/`_after`, as
//!   Twilio's own libraries name them (`DateSent<` → `date_sent_before`), so `DateSent`,
//!   `DateSent<` and `DateSent>` stay three fields. A keyword becomes a **raw identifier**
//!   (`type` → `r#type`): serde strips the `r#`, so the field still reads and writes `type`,
//!   and unlike `type_` it cannot clash with another wire name, since no snake_case name starts
//!   with `r#`. The four keywords that cannot be raw (`self`, `Self`, `super`, `crate`) take a
//!   trailing `_` instead.
//! - [`variant_name`]: each word capitalized, the rest of it lower case (`in-progress`,
//!   `IN_PROGRESS`, `inProgress` → `InProgress`; `VP8` → `Vp8`), punctuation dropped
//!   (`~predicted-csat` → `PredictedCsat`, `Avg. Handle Time (Today)` → `AvgHandleTimeToday`).
//!   [`variant_names`] tells apart the values of one enum that would share a name.
//! - [`enum_type_name`] and [`type_names`]: the types that components become.
//!
//! A name that would start with a digit gets the prefix `n`/`N` (number): `+1` → `N1`. A wire
//! name with no letter or digit at all is `empty`/`Empty`.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

/// Rust's strict keywords (2024 edition), which no plain identifier may be.
pub const STRICT_KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "false",
    "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return",
    "self", "Self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while",
];

/// Rust's reserved keywords (2024 edition), kept for future use and as unusable as strict ones.
pub const RESERVED_KEYWORDS: &[&str] = &[
    "abstract", "become", "box", "do", "final", "gen", "macro", "override", "priv", "try", "typeof",
    "unsized", "virtual", "yield",
];

/// Keywords that cannot be raw identifiers (`r#self` is an error).
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate"];

/// Variant names a `sidekick::string_enum!` enum has already: its catch-all `Unknown(String)`;
/// `Self` is a keyword.
const TAKEN_VARIANTS: &[&str] = &["Unknown", "Self"];

/// Whether `word` is a strict or reserved keyword.
pub fn is_keyword(word: &str) -> bool {
    STRICT_KEYWORDS.contains(&word) || RESERVED_KEYWORDS.contains(&word)
}

/// Whether `name` is a valid Rust identifier: ASCII letters, digits and `_`, not starting with
/// a digit, not `_` alone and not a keyword; or `r#` and a keyword that may be raw (`r#type`,
/// but not `r#self`, `r#crate`, `r#super` or `r#Self`).
pub fn is_identifier(name: &str) -> bool {
    if let Some(raw) = name.strip_prefix("r#") {
        return is_keyword(raw) && !NOT_RAW.contains(&raw);
    }
    name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && name != "_"
        && !is_keyword(name)
}

/// The words of a wire name, as the module documentation splits them.
pub fn words(text: &str) -> Vec<&str> {
    let mut words = Vec::new();
    for chunk in text.split(|c: char| !c.is_ascii_alphanumeric()).filter(|c| !c.is_empty()) {
        let bytes = chunk.as_bytes();
        let mut start = 0;
        for i in 1..bytes.len() {
            let (before, here) = (bytes[i - 1], bytes[i]);
            let next_lower = bytes.get(i + 1).is_some_and(u8::is_ascii_lowercase);
            let boundary = here.is_ascii_uppercase()
                && (before.is_ascii_lowercase()
                    || before.is_ascii_digit()
                    || (before.is_ascii_uppercase() && next_lower));
            if boundary {
                words.push(&chunk[start..i]);
                start = i;
            }
        }
        words.push(&chunk[start..]);
    }
    words
}

/// The word capitalized, the rest in lower case (`TOLL` → `Toll`, `vp8` → `Vp8`).
fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase())
        .into_iter()
        .chain(chars.map(|c| c.to_ascii_lowercase()))
        .collect()
}

/// Words in UpperCamelCase, prefixed `N` if they start with a digit, `Empty` if there are none.
fn upper_camel(text: &str) -> String {
    let name: String = words(text).into_iter().map(capitalized).collect();
    match name.chars().next() {
        None => "Empty".to_owned(),
        Some(c) if c.is_ascii_digit() => format!("N{name}"),
        Some(_) => name,
    }
}

/// The snake_case field name of a JSON property or parameter, by the rules in the module
/// documentation: `date_created`, `type` → `r#type`, `twilio/call-to-action` →
/// `twilio_call_to_action`, `DateSent<` → `date_sent_before`, `DateSent>` → `date_sent_after`.
pub fn field_name(wire: &str) -> String {
    let (stem, suffix) = match wire.as_bytes().last() {
        Some(b'<') => (&wire[..wire.len() - 1], Some("before")),
        Some(b'>') => (&wire[..wire.len() - 1], Some("after")),
        _ => (wire, None),
    };
    let mut parts: Vec<String> = words(stem).into_iter().map(str::to_ascii_lowercase).collect();
    parts.extend(suffix.map(str::to_owned));
    let name = parts.join("_");
    match name.chars().next() {
        None => "empty".to_owned(),
        Some(c) if c.is_ascii_digit() => format!("n{name}"),
        Some(_) if NOT_RAW.contains(&name.as_str()) => format!("{name}_"),
        Some(_) if is_keyword(&name) => format!("r#{name}"),
        Some(_) => name,
    }
}

/// The UpperCamelCase variant name of one enum value, by the rules in the module
/// documentation: `in-progress` → `InProgress`, `+1` → `N1`. A value whose name would be a
/// variant `sidekick::string_enum!` has already, its catch-all `Unknown` (or the keyword
/// `Self`), gets the suffix `Value`: `unknown` → `UnknownValue`.
pub fn variant_name(wire: &str) -> String {
    let name = upper_camel(wire);
    if TAKEN_VARIANTS.contains(&name.as_str()) { format!("{name}Value") } else { name }
}

/// The variant names of one enum's values, in order, all different. Each value gets its
/// [`variant_name`]; when several share one, the first in order keeps it and the n-th others
/// take the suffix `n` (2, 3, ..., after a `_` when the name ends with a digit), skipping any
/// name another value has: `["a-b", "a_b", "A B"]` → `AB`, `AB2`, `AB3`.
pub fn variant_names(values: &[&str]) -> Vec<String> {
    disambiguate(values.iter().map(|v| variant_name(v)).collect())
}

/// Makes the names unique as [`variant_names`] describes.
pub(crate) fn disambiguate(names: Vec<String>) -> Vec<String> {
    let mut taken: BTreeSet<String> = names.iter().cloned().collect();
    let mut first = BTreeSet::new();
    names
        .into_iter()
        .map(|name| {
            if first.insert(name.clone()) {
                return name;
            }
            let separator = if name.ends_with(|c: char| c.is_ascii_digit()) { "_" } else { "" };
            let unique = (2..).map(|n| format!("{name}{separator}{n}")).find(|c| !taken.contains(c));
            let unique = unique.unwrap_or_default();
            taken.insert(unique.clone());
            unique
        })
        .collect()
}

/// The UpperCamelCase type name of an enum component. Twilio names them
/// `<resource>_enum_<field>` (421 of 439 in the survey; `hostedNumberOrderEnumStatus` in
/// numbers_v3): the `enum` word is dropped, so `message_enum_status` → `MessageStatus` and
/// `call_enum_update_status` → `CallUpdateStatus`, which reads like the field's type and keeps
/// the resource it belongs to. Other names (`report_status`, `ValidationError`,
/// `messaging.v2.rcs_carrier_status`) are their last dotted segment in UpperCamelCase.
pub fn enum_type_name(component: &str) -> String {
    let last = component.rsplit('.').next().unwrap_or(component);
    let words: Vec<&str> = words(last).into_iter().filter(|w| !w.eq_ignore_ascii_case("enum")).collect();
    upper_camel(&words.join("_"))
}

/// The Rust type name of every component that becomes a type of its own, by component name:
/// enums ([`enum_type_name`]; also an array of an inline enum, whose items take the name) and
/// objects with properties (their last dotted segment in UpperCamelCase:
/// `api.v2010.account.call.call_recording` → `CallRecording`, `ScimUser` → `ScimUser`).
///
/// Names that clash within the file are told apart by parents, as resource names are: among
/// those sharing a name, the ones with the fewest dotted segments keep it and the others take
/// their next parent segment as a prefix (`serverless.v1.service.build.build_status` →
/// `BuildBuildStatus` beside `build_enum_status` → `BuildStatus`); if all are as deep, all do.
/// Running out of parents is an error naming the components.
pub fn type_names(schemas: &Map<String, Value>) -> Result<BTreeMap<String, String>, String> {
    struct Candidate<'a> {
        component: &'a str,
        base: String,
        parents: Vec<String>,
        used: usize,
    }
    let mut candidates: Vec<Candidate> = Vec::new();
    for (component, schema) in schemas {
        let base = if is_enum_component(schema) {
            enum_type_name(component)
        } else if is_struct_component(schema) {
            upper_camel(component.rsplit('.').next().unwrap_or(component))
        } else {
            continue;
        };
        let parents = component.split('.').rev().skip(1).map(upper_camel).collect();
        candidates.push(Candidate { component, base, parents, used: 0 });
    }
    let name = |c: &Candidate| {
        let mut name: String = c.parents[..c.used].iter().rev().map(String::as_str).collect();
        name.push_str(&c.base);
        name
    };
    loop {
        let mut by_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, c) in candidates.iter().enumerate() {
            by_name.entry(name(c)).or_default().push(i);
        }
        let clashes: Vec<Vec<usize>> = by_name.into_values().filter(|g| g.len() > 1).collect();
        if clashes.is_empty() {
            break;
        }
        for group in clashes {
            let rests: Vec<usize> =
                group.iter().map(|&i| candidates[i].parents.len() - candidates[i].used).collect();
            let shallowest = rests.iter().copied().min().unwrap_or_default();
            let all_as_deep = rests.iter().all(|&r| r == shallowest);
            for (&i, &rest) in group.iter().zip(&rests) {
                if !all_as_deep && rest == shallowest {
                    continue;
                }
                if rest == 0 {
                    let names: Vec<&str> = group.iter().map(|&i| candidates[i].component).collect();
                    return Err(format!("the components {names:?} are all named `{}`", name(&candidates[i])));
                }
                candidates[i].used += 1;
            }
        }
    }
    Ok(candidates.iter().map(|c| (c.component.to_owned(), name(c))).collect())
}

/// The values of an enum schema, or of the inline enum that an array schema's items are.
pub fn enum_values(schema: &Value) -> Option<Vec<&str>> {
    let values = schema.get("enum").or_else(|| schema.get("items")?.get("enum"))?.as_array()?;
    values.iter().map(Value::as_str).collect()
}

/// An enum component: an `enum`, or an array of an inline `enum` (which the name is for).
pub(crate) fn is_enum_component(schema: &Value) -> bool {
    enum_values(schema).is_some()
}

/// An object component with properties, which becomes a struct.
pub(crate) fn is_struct_component(schema: &Value) -> bool {
    schema.get("properties").and_then(Value::as_object).is_some_and(|p| !p.is_empty())
}
