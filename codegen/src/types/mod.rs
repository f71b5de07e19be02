//! The generator's type mapping: which Rust type a field of a generated struct gets for a
//! (reduced) schema of an extract, and ([`names`](self#names)) which Rust names wire names get.
//!
//! Every field is `Option<…>`: the survey (`docs/twilio-spec-survey.md` §8) found 293 `null`s
//! in examples on properties not marked nullable, and `required` on 233 properties only. So
//! [`field_type`] maps the inner type, ignores `nullable`, and the caller wraps it
//! ([`RustType::render_field`]).
//!
//! | schema | Rust type |
//! |---|---|
//! | `string` (any format in [`FORMATS`] mapped to `String`) | `String` |
//! | `string`, `date-time` | `chrono::DateTime<chrono::Utc>`, with `sidekick::timestamp::option` (RFC 3339, Twilio's form fast) |
//! | `string`, `date-time-rfc-2822` | `chrono::DateTime<chrono::Utc>`, with `sidekick::timestamp::rfc2822::option` |
//! | `string`, `date` | `chrono::NaiveDate` |
//! | `string` with `enum` | an inline enum ([`RustType::InlineEnum`]) |
//! | `integer` (`int64` or none) / `int32` | `i64` / `i32` |
//! | `number` (any format) | `sidekick::Decimal` |
//! | `boolean` | `bool` |
//! | `object`, `phone-number-capabilities` | `std::collections::BTreeMap<String, bool>` |
//! | `object`, `uri-map` | `sidekick::Links` (drops `null` links) |
//! | object with `properties` | an inline struct ([`RustType::InlineObject`]) |
//! | other objects, `additionalProperties`, untyped nodes, `oneOf`/`anyOf`/`allOf` | `serde_json::Value` |
//! | `array` | `Vec<item>` (`Vec<serde_json::Value>` without `items`) |
//! | `$ref` to an enum, or an object with properties | its name from [`type_names`] |
//! | `$ref` to anything else | what the component's own schema maps to |
//!
//! **`number` → `Decimal`, always.** Ten `number` properties hold strings such as prices
//! (`price`, `base_price`, 84 example values; pricing_v1 marks 30 with `overrideType: string`),
//! which `f64` would reject; `Decimal` accepts a string or a JSON number and keeps prices
//! exact. The other `number`s (`latitude`, `match_probability`, `float` scores) lose nothing:
//! `Decimal::to_f64` reads them, and, unlike `f64`, `Decimal` is `Eq` and `Hash`, so the
//! generated structs can derive both, as the hand-written ones do.
//!
//! **`currency` is not a number:** its 24 properties are all `price_unit`, whose examples are
//! ISO 4217 codes (`USD`, `usd`, `JPY`), so it maps to `String`. There is no `decimal` format,
//! and no format on the 22 `string` properties that hold numbers (`num_segments`), so nothing
//! in the schema tells them apart from text: they stay `String`.
//!
//! # Names
//!
//! See [`field_name`], [`variant_name`], [`variant_names`], [`enum_type_name`] and
//! [`type_names`].

mod format;
mod names;
#[cfg(test)]
mod tests;

use serde_json::Value;

pub use format::{FORMATS, FormatRule, Mapped, format_rule};
pub use names::{
    RESERVED_KEYWORDS, STRICT_KEYWORDS, enum_type_name, enum_values, field_name, is_identifier, is_keyword,
    type_names, variant_name, variant_names, words,
};

use crate::Error;
use crate::node::Ptr;

/// The Rust type of one field, without the `Option` every field has.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RustType {
    /// `bool`.
    Bool,
    /// `i32` (`integer`, `int32`).
    I32,
    /// `i64` (`integer`, `int64` or no format).
    I64,
    /// `sidekick::Decimal` (`number`).
    Decimal,
    /// `String`.
    String,
    /// `chrono::DateTime<chrono::Utc>` as RFC 3339 (`date-time`), through a helper whose fast
    /// path reads Twilio's form.
    DateTime,
    /// `chrono::DateTime<chrono::Utc>` as RFC 2822 (`date-time-rfc-2822`), which needs a helper.
    DateTimeRfc2822,
    /// `chrono::NaiveDate` (`date`).
    Date,
    /// `sidekick::Links` (`uri-map`: `links`, `subresource_uris`).
    UriMap,
    /// `std::collections::BTreeMap<String, bool>` (`phone-number-capabilities`: `sms`, `voice`...).
    FlagMap,
    /// `serde_json::Value`: free-form JSON.
    Json,
    /// `Vec<T>`.
    Vec(Box<RustType>),
    /// A type generated from a component: an enum or a struct, by its Rust name.
    Named(String),
    /// A string `enum` written inline (232 of 254 are `http-method` `[GET, POST]`), with its
    /// values. It needs a name from its context before it can be generated ([`Self::named`]);
    /// until then it renders as `String`, which holds every value.
    InlineEnum(Vec<String>),
    /// An object with `properties` written inline (`capabilities`, the pricing objects). It
    /// needs a name ([`Self::named`]); until then it renders as `serde_json::Value`.
    InlineObject,
}

/// A `#[serde(with = "...")]` helper a field needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SerdeWith {
    /// The module path (`sidekick::timestamp::rfc2822::option`).
    pub path: &'static str,
    /// Whether the helper is for the `Option<T>` field (an `option` module) rather than `T`.
    pub for_option: bool,
}

impl RustType {
    /// The Rust source text of the type (inline types as their fallbacks; see the variants).
    pub fn render(&self) -> String {
        match self {
            RustType::Bool => "bool".into(),
            RustType::I32 => "i32".into(),
            RustType::I64 => "i64".into(),
            RustType::Decimal => "sidekick::Decimal".into(),
            RustType::String | RustType::InlineEnum(_) => "String".into(),
            RustType::DateTime | RustType::DateTimeRfc2822 => "chrono::DateTime<chrono::Utc>".into(),
            RustType::Date => "chrono::NaiveDate".into(),
            RustType::UriMap => "sidekick::Links".into(),
            RustType::FlagMap => "std::collections::BTreeMap<String, bool>".into(),
            RustType::Json | RustType::InlineObject => "serde_json::Value".into(),
            RustType::Vec(item) => format!("Vec<{}>", item.render()),
            RustType::Named(name) => name.clone(),
        }
    }

    /// The type of the field: `Option<…>` of [`Self::render`].
    pub fn render_field(&self) -> String {
        format!("Option<{}>", self.render())
    }

    /// The serde `with` helper the `Option<…>` field needs, if any: for dates
    /// `sidekick::timestamp::option` (RFC 3339) or `sidekick::timestamp::rfc2822::option`
    /// (`for_option: true`). [`field_type`] refuses RFC 2822 dates inside an array, which no
    /// helper covers (the extracts have none); RFC 3339 ones there are read by chrono itself.
    pub fn serde_with(&self) -> Option<SerdeWith> {
        match self {
            RustType::DateTime => Some(SerdeWith { path: "sidekick::timestamp::option", for_option: true }),
            RustType::DateTimeRfc2822 => {
                Some(SerdeWith { path: "sidekick::timestamp::rfc2822::option", for_option: true })
            }
            _ => None,
        }
    }

    /// The path of [`Self::serde_with`]'s helper.
    pub fn with(&self) -> Option<&'static str> {
        self.serde_with().map(|w| w.path)
    }

    /// Whether the type, or its array items, is inline and needs a name from its context.
    pub fn needs_name(&self) -> bool {
        match self {
            RustType::InlineEnum(_) | RustType::InlineObject => true,
            RustType::Vec(item) => item.needs_name(),
            _ => false,
        }
    }

    /// The type with its inline enum or object (possibly array items) replaced by the type
    /// `name` the generator emits for it; other types are returned unchanged.
    pub fn named(self, name: &str) -> RustType {
        match self {
            RustType::InlineEnum(_) | RustType::InlineObject => RustType::Named(name.to_owned()),
            RustType::Vec(item) => RustType::Vec(Box::new(item.named(name))),
            other => other,
        }
    }
}

/// How many `$ref`s may lead to one another before the mapping gives up (the survey found no
/// recursive schema; alias chains in the extracts are one long).
const MAX_REFS: usize = 16;

/// The Rust type of a field with the (reduced) `schema` of an extract, whose `components`
/// object (with `schemas`) resolves `$ref`s; by the table in the module documentation.
///
/// An error (with a JSON pointer relative to `schema`, or into `/components`) names a schema
/// this mapping does not know: a `format` missing from [`FORMATS`], a `format` on another type,
/// an unknown `type`, an `enum` that is not of strings, an unknown `overrideType`, an
/// unresolvable `$ref` or an RFC 2822 date in an array. So a new kind of schema gets noticed
/// rather than mapped to something plausible.
pub fn field_type(schema: &Value, components: &Value) -> Result<RustType, Error> {
    map(schema, components, &Ptr::root(), 0)
}

fn map(schema: &Value, components: &Value, at: &Ptr, refs: usize) -> Result<RustType, Error> {
    if let Some(target) = schema.get("$ref") {
        return map_ref(target, components, &at.key("$ref"), refs);
    }
    if ["oneOf", "anyOf", "allOf"].iter().any(|k| schema.get(k).is_some()) {
        return Ok(RustType::Json);
    }
    let x_twilio = schema.get("x-twilio");
    let ty = schema.get("type").map(|t| t.as_str().ok_or_else(|| Error::at(&at.key("type"), "not a string")));
    let ty = ty.transpose()?;
    if let Some(over) = x_twilio.and_then(|x| x.get("overrideType")) {
        // pricing_v1 marks `number` prices that arrive as strings; `Decimal` takes both.
        if !(ty == Some("number") && over == "string") {
            return Err(Error::at(
                &at.key("x-twilio").key("overrideType"),
                format!("unknown override {over}"),
            ));
        }
    }
    let ignore_format = x_twilio.and_then(|x| x.get("ignoreFormat")) == Some(&Value::Bool(true));
    let format = match schema.get("format") {
        Some(_) if ignore_format => None,
        Some(f) => Some(f.as_str().ok_or_else(|| Error::at(&at.key("format"), "not a string"))?),
        None => None,
    };
    let rule = match format {
        None => None,
        Some(format) => Some(format_rule(ty.unwrap_or_default(), format).ok_or_else(|| {
            let ty = ty.unwrap_or("(none)");
            Error::at(
                &at.key("format"),
                format!("`type: {ty}` with `format: {format}` is not in the format table"),
            )
        })?),
    };
    if let Some(values) = schema.get("enum") {
        let values = values.as_array().and_then(|v| v.iter().map(Value::as_str).collect::<Option<Vec<_>>>());
        return match (ty, values) {
            (Some("string"), Some(values)) => {
                Ok(RustType::InlineEnum(values.into_iter().map(str::to_owned).collect()))
            }
            _ => {
                Err(Error::at(&at.key("enum"), "only enums of `type: string` with string values are mapped"))
            }
        };
    }
    let has_properties = names::is_struct_component(schema);
    Ok(match (ty, rule) {
        (_, Some(FormatRule::Type(mapped))) => mapped.to_type(),
        (Some("string"), _) => RustType::String,
        (Some("integer"), _) => RustType::I64,
        (Some("number"), _) => RustType::Decimal,
        (Some("boolean"), _) => RustType::Bool,
        (Some("array"), _) => {
            let item = match schema.get("items") {
                Some(items) => map(items, components, &at.key("items"), refs)?,
                None => RustType::Json,
            };
            if item == RustType::DateTimeRfc2822 {
                return Err(Error::at(&at.key("items"), "no serde helper maps an array of RFC 2822 dates"));
            }
            RustType::Vec(Box::new(item))
        }
        (Some("object") | None, _) if has_properties => RustType::InlineObject,
        (Some("object") | None, _) => RustType::Json,
        (Some(other), _) => return Err(Error::at(&at.key("type"), format!("unknown type `{other}`"))),
    })
}

fn map_ref(target: &Value, components: &Value, at: &Ptr, refs: usize) -> Result<RustType, Error> {
    let name = target
        .as_str()
        .and_then(|t| t.strip_prefix("#/components/schemas/"))
        .ok_or_else(|| Error::at(at, format!("{target} does not point into `#/components/schemas/`")))?;
    let schemas = components.get("schemas").and_then(Value::as_object);
    let component = schemas
        .and_then(|s| s.get(name))
        .ok_or_else(|| Error::at(at, format!("`{name}` is not among the components")))?;
    if names::is_enum_component(component) || names::is_struct_component(component) {
        let names = type_names(schemas.unwrap_or(&Default::default())).map_err(|e| Error::at(at, e))?;
        let rust = names[name].clone();
        return Ok(match component.get("type").and_then(Value::as_str) {
            Some("array") => RustType::Vec(Box::new(RustType::Named(rust))),
            _ => RustType::Named(rust),
        });
    }
    if refs >= MAX_REFS {
        return Err(Error::at(at, format!("more than {MAX_REFS} `$ref`s in a row")));
    }
    let within = Ptr::root().key("components").key("schemas").key(name);
    map(component, components, &within, refs + 1)
}
