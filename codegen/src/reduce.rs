//! Reduces one OpenAPI schema to the keywords a generator uses, recording the `$ref`s it meets.
//!
//! Every keyword is either kept or dropped on purpose; an unknown one is an error, so a newer
//! description cannot lose a fact silently (add it to one of the lists below instead).

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::Error;
use crate::node::{Node, Ptr};

/// Where the extract's `$ref`s point: the only section a reduced schema may reference.
pub const SCHEMAS_PREFIX: &str = "#/components/schemas/";

/// Keywords copied as written (their values are data, not nested schemas).
const VERBATIM: &[&str] = &[
    "type",
    "format",
    "nullable",
    "enum",
    "required",
    "minimum",
    "maximum",
    "default",
    "pattern",
    "deprecated",
];

/// Keywords dropped: prose, validation the client does not enforce, and Java-only annotations.
const DROPPED: &[&str] = &[
    "description",
    "title",
    "summary",
    "externalDocs",
    "example",
    "examples",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "minProperties",
    "maxProperties",
    "readOnly",
    "writeOnly",
    "x-class-extra-annotation",
    "x-field-extra-annotation",
    "x-getter-extra-annotation",
    "x-jvm-type",
];

/// `x-twilio` keys in a schema that change the generated type.
const X_TWILIO_KEPT: &[&str] = &["overrideType", "isIEnum", "ignoreFormat"];

/// `x-twilio` keys in a schema that are prose or privacy metadata.
const X_TWILIO_DROPPED: &[&str] = &["pii", "shortDescription"];

/// The component schemas referenced so far: name → pointer of the first reference (for errors).
pub type Refs = BTreeMap<String, Ptr>;

/// Reduces the schema at `at` recursively: keeps type, format, nullable, enum, properties,
/// required, items, additionalProperties, oneOf/anyOf/allOf, discriminator, `$ref`, the input
/// constraints minimum/maximum/default/pattern, deprecated and the kept `x-twilio` keys.
/// Each `#/components/schemas/...` reference met is added to `refs`.
pub fn schema(node: &Node, at: &Ptr, refs: &mut Refs) -> Result<Value, Error> {
    // `true`/`false` are schemas too (`additionalProperties: false`).
    if let Node::Bool(b) = node {
        return Ok(Value::Bool(*b));
    }
    let mut out = Map::new();
    for (key, value) in node.object(at)? {
        let here = at.key(key);
        let reduced = match key.as_str() {
            "$ref" => {
                let target = value.string(&here)?;
                note_ref(target, &here, refs)?;
                Value::String(target.to_owned())
            }
            "properties" => {
                let mut props = Map::new();
                for (name, prop) in value.object(&here)? {
                    props.insert(name.clone(), schema(prop, &here.key(name), refs)?);
                }
                Value::Object(props)
            }
            "items" | "additionalProperties" | "not" => schema(value, &here, refs)?,
            "oneOf" | "anyOf" | "allOf" => {
                let items = value.array(&here)?.iter().enumerate();
                Value::Array(items.map(|(i, s)| schema(s, &here.index(i), refs)).collect::<Result<_, _>>()?)
            }
            "discriminator" => discriminator(value, &here, refs)?,
            "x-twilio" => match x_twilio(value, &here)? {
                Some(kept) => kept,
                None => continue,
            },
            k if VERBATIM.contains(&k) => value.to_value(),
            k if DROPPED.contains(&k) => continue,
            other => {
                return Err(Error::at(
                    &here,
                    format!("unknown schema keyword `{other}`; keep or drop it in reduce.rs"),
                ));
            }
        };
        out.insert(key.clone(), reduced);
    }
    Ok(Value::Object(out))
}

/// Records a `$ref` to a component schema; any other target is an error, because the extract
/// carries only component schemas.
pub fn note_ref(target: &str, at: &Ptr, refs: &mut Refs) -> Result<(), Error> {
    let name = schema_name(target)
        .ok_or_else(|| Error::at(at, format!("`$ref` {target:?} does not point into {SCHEMAS_PREFIX}")))?;
    refs.entry(name).or_insert_with(|| at.clone());
    Ok(())
}

/// The component name a `#/components/schemas/<name>` reference names (pointer escapes undone).
pub fn schema_name(target: &str) -> Option<String> {
    let raw = target.strip_prefix(SCHEMAS_PREFIX)?;
    (!raw.is_empty() && !raw.contains('/')).then(|| raw.replace("~1", "/").replace("~0", "~"))
}

fn discriminator(node: &Node, at: &Ptr, refs: &mut Refs) -> Result<Value, Error> {
    let mut out = Map::new();
    for (key, value) in node.object(at)? {
        let here = at.key(key);
        match key.as_str() {
            "propertyName" => {
                out.insert(key.clone(), Value::String(value.string(&here)?.to_owned()));
            }
            "mapping" => {
                // Mapping targets are references too: a variant may be named only here.
                for (tag, target) in value.object(&here)? {
                    note_ref(target.string(&here.key(tag))?, &here.key(tag), refs)?;
                }
                out.insert(key.clone(), value.to_value());
            }
            other => return Err(Error::at(&here, format!("unknown discriminator keyword `{other}`"))),
        }
    }
    Ok(Value::Object(out))
}

/// The kept `x-twilio` keys of a schema, or `None` when nothing is left.
fn x_twilio(node: &Node, at: &Ptr) -> Result<Option<Value>, Error> {
    let mut out = Map::new();
    for (key, value) in node.object(at)? {
        if X_TWILIO_KEPT.contains(&key.as_str()) {
            out.insert(key.clone(), value.to_value());
        } else if !X_TWILIO_DROPPED.contains(&key.as_str()) {
            return Err(Error::at(&at.key(key), format!("unknown schema `x-twilio` key `{key}`")));
        }
    }
    Ok((!out.is_empty()).then_some(Value::Object(out)))
}

/// Checks that every key of the object at `at` is one of `known` (kept or deliberately dropped).
pub fn only_known(node: &Node, at: &Ptr, what: &str, known: &[&str]) -> Result<(), Error> {
    for (key, _) in node.object(at)? {
        if !known.contains(&key.as_str()) {
            return Err(Error::at(
                &at.key(key),
                format!("unknown {what} key `{key}`; keep or drop it explicitly"),
            ));
        }
    }
    Ok(())
}
