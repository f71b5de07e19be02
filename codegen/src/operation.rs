//! Reduces the parts of an operation: parameters, request body and success responses.

use serde_json::{Map, Value};

use crate::Error;
use crate::node::{Node, Ptr};
use crate::paths::Doc;
use crate::reduce::{self, Refs, only_known};

/// Reduces a `parameters` array, resolving `#/components/parameters/...` references, to
/// `{name, in, required?, schema, style?, explode?, deprecated?}` each.
pub fn parameters(doc: &Doc, node: &Node, at: &Ptr, refs: &mut Refs) -> Result<Vec<Value>, Error> {
    let mut out = Vec::new();
    for (i, param) in node.array(at)?.iter().enumerate() {
        let (param, here) = resolve(doc, param, &at.index(i), "parameters")?;
        out.push(parameter(param, &here, refs)?);
    }
    Ok(out)
}

fn parameter(param: &Node, at: &Ptr, refs: &mut Refs) -> Result<Value, Error> {
    let mut out = Map::new();
    for (key, value) in param.object(at)? {
        let here = at.key(key);
        match key.as_str() {
            "name" | "in" | "style" => {
                out.insert(key.clone(), value.string(&here)?.into());
            }
            // Absent means false, so only `true` is written.
            "required" | "deprecated" => {
                if value.boolean(&here)? {
                    out.insert(key.clone(), true.into());
                }
            }
            "explode" => {
                out.insert(key.clone(), value.boolean(&here)?.into());
            }
            "schema" => {
                out.insert(key.clone(), reduce::schema(value, &here, refs)?);
            }
            "x-twilio" => only_known(value, &here, "parameter `x-twilio`", &["pii", "shortDescription"])?,
            "description" | "example" | "examples" => {}
            other => return Err(Error::at(&here, format!("unknown parameter key `{other}`"))),
        }
    }
    for required in ["name", "in", "schema"] {
        if !out.contains_key(required) {
            return Err(Error::at(at, format!("parameter without `{required}`")));
        }
    }
    Ok(Value::Object(out))
}

/// Reduces a request body to `{required?, content: {<media type>: {schema}}}`.
pub fn request_body(doc: &Doc, node: &Node, at: &Ptr, refs: &mut Refs) -> Result<Value, Error> {
    let (body, at) = resolve(doc, node, at, "requestBodies")?;
    only_known(body, &at, "request body", &["content", "required", "description"])?;
    let mut out = Map::new();
    if let Some(required) = body.get("required")
        && required.boolean(&at.key("required"))?
    {
        out.insert("required".into(), true.into());
    }
    let content_at = at.key("content");
    let content = body.get("content").ok_or_else(|| Error::at(&at, "request body without `content`"))?;
    let mut media = Map::new();
    for (kind, entry) in content.object(&content_at)? {
        let here = content_at.key(kind);
        // Request examples are not carried: the per-operation tests decode response bodies.
        only_known(entry, &here, "media type", &["schema", "examples", "example"])?;
        let mut reduced = Map::new();
        if let Some(schema) = entry.get("schema") {
            reduced.insert("schema".into(), reduce::schema(schema, &here.key("schema"), refs)?);
        }
        media.insert(kind.clone(), Value::Object(reduced));
    }
    out.insert("content".into(), Value::Object(media));
    Ok(Value::Object(out))
}

/// Reduces `responses` to the success ones (2xx and 3xx): per media type the schema and the
/// first example's value, and for a redirect the names of its declared headers.
pub fn responses(doc: &Doc, node: &Node, at: &Ptr, refs: &mut Refs) -> Result<Value, Error> {
    let mut out = Map::new();
    for (code, response) in node.object(at)? {
        // Error responses share Twilio's one error shape, which the runtime already decodes.
        if !(code.starts_with('2') || code.starts_with('3')) {
            continue;
        }
        let (response, here) = resolve(doc, response, &at.key(code), "responses")?;
        only_known(response, &here, "response", &["description", "content", "headers"])?;
        let mut reduced = Map::new();
        if let Some(content) = response.get("content") {
            let content_at = here.key("content");
            let mut media = Map::new();
            for (kind, entry) in content.object(&content_at)? {
                media.insert(kind.clone(), response_media(doc, entry, &content_at.key(kind), refs)?);
            }
            reduced.insert("content".into(), Value::Object(media));
        }
        if code.starts_with('3')
            && let Some(headers) = response.get("headers")
        {
            let names =
                headers.object(&here.key("headers"))?.iter().map(|(name, _)| Value::from(name.as_str()));
            reduced.insert("headers".into(), Value::Array(names.collect()));
        }
        out.insert(code.clone(), Value::Object(reduced));
    }
    Ok(Value::Object(out))
}

fn response_media(doc: &Doc, entry: &Node, at: &Ptr, refs: &mut Refs) -> Result<Value, Error> {
    only_known(entry, at, "media type", &["schema", "examples", "example"])?;
    let mut out = Map::new();
    if let Some(schema) = entry.get("schema") {
        out.insert("schema".into(), reduce::schema(schema, &at.key("schema"), refs)?);
    }
    if let Some(examples) = entry.get("examples") {
        let examples_at = at.key("examples");
        // Document order decides which example is first; `Node` keeps it.
        if let Some((name, first)) = examples.object(&examples_at)?.first() {
            let (example, here) = resolve(doc, first, &examples_at.key(name), "examples")?;
            only_known(example, &here, "example", &["value", "summary", "description"])?;
            let value = example.get("value").ok_or_else(|| Error::at(&here, "example without `value`"))?;
            out.insert("example".into(), value.to_value());
        }
    } else if let Some(example) = entry.get("example") {
        out.insert("example".into(), example.to_value());
    }
    Ok(Value::Object(out))
}

/// Follows `$ref`s (which must stay in `#/components/<section>/`) to the object they name,
/// returning it with its own pointer so later errors point at the definition.
fn resolve<'a>(doc: &Doc<'a>, node: &'a Node, at: &Ptr, section: &str) -> Result<(&'a Node, Ptr), Error> {
    let (mut node, mut at) = (node, at.clone());
    // A bound, so a reference cycle is an error rather than a hang.
    for _ in 0..8 {
        let Some(target) = node.get("$ref") else { return Ok((node, at)) };
        let target = target.string(&at.key("$ref"))?;
        let prefix = format!("#/components/{section}/");
        if !target.starts_with(&prefix) {
            return Err(Error::at(
                &at.key("$ref"),
                format!("`$ref` {target:?} does not point into {prefix}"),
            ));
        }
        let pointer = &target[1..];
        node = doc
            .root
            .pointer(pointer)
            .ok_or_else(|| Error::at(&at.key("$ref"), format!("`$ref` {target:?} names nothing")))?;
        at = Ptr::parse(pointer);
    }
    Err(Error::at(&at, "more than 8 `$ref`s in a row (a cycle?)"))
}
