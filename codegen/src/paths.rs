//! Reduces path items and their operations.

use serde_json::{Map, Value};

use crate::Error;
use crate::node::{Node, Ptr};
use crate::operation;
use crate::reduce::{Refs, only_known};

/// The HTTP methods an OpenAPI path item may hold, in the order the extract lists them.
pub const METHODS: &[&str] = &["delete", "get", "head", "options", "patch", "post", "put", "trace"];

/// What every path and operation of one description is compared against or resolved in.
pub struct Doc<'a> {
    /// The whole input document, for `#/components/...` references.
    pub root: &'a Node,
    /// The file's servers (URLs); a path or operation repeating them says nothing new.
    pub servers: Vec<String>,
    /// The file's default `security`; an operation repeating it says nothing new.
    pub security: Value,
}

/// Path-level `x-twilio` keys kept: how Twilio pairs and nests resources.
const PATH_X_TWILIO: &[&str] = &["pathType", "parent", "mountName", "className"];

/// Reduces one path item: `servers` if they differ from the file's, the structural `x-twilio`
/// keys, and each operation (path-level parameters merged into it).
pub fn path_item(doc: &Doc, item: &Node, at: &Ptr, refs: &mut Refs) -> Result<Value, Error> {
    let mut out = Map::new();
    let mut servers = doc.servers.clone();
    if let Some(node) = item.get("servers") {
        servers = server_urls(node, &at.key("servers"))?;
        if servers != doc.servers {
            out.insert("servers".into(), servers.clone().into());
        }
    }
    if let Some(node) = item.get("x-twilio") {
        let kept = path_x_twilio(node, &at.key("x-twilio"))?;
        if !kept.is_empty() {
            out.insert("x-twilio".into(), Value::Object(kept));
        }
    }
    let shared = match item.get("parameters") {
        Some(node) => operation::parameters(doc, node, &at.key("parameters"), refs)?,
        None => Vec::new(),
    };
    for (key, op) in item.object(at)? {
        let here = at.key(key);
        match key.as_str() {
            m if METHODS.contains(&m) => {
                out.insert(key.clone(), operation(doc, op, &here, &servers, &shared, refs)?);
            }
            "servers" | "x-twilio" | "parameters" | "description" | "summary" => {}
            other => return Err(Error::at(&here, format!("unknown path item key `{other}`"))),
        }
    }
    Ok(Value::Object(out))
}

/// The URLs of a `servers` array; variables cannot be represented, so they are an error.
pub fn server_urls(node: &Node, at: &Ptr) -> Result<Vec<String>, Error> {
    let mut urls = Vec::new();
    for (i, server) in node.array(at)?.iter().enumerate() {
        let here = at.index(i);
        only_known(server, &here, "server", &["url", "description"])?;
        let url = server.get("url").ok_or_else(|| Error::at(&here, "server without `url`"))?;
        urls.push(url.string(&here.key("url"))?.to_owned());
    }
    Ok(urls)
}

fn path_x_twilio(node: &Node, at: &Ptr) -> Result<Map<String, Value>, Error> {
    let mut out = Map::new();
    for (key, value) in node.object(at)? {
        let here = at.key(key);
        match key.as_str() {
            k if PATH_X_TWILIO.contains(&k) => {
                out.insert(key.clone(), value.to_value());
            }
            "dependentProperties" => {
                let mut deps = Map::new();
                for (name, dep) in value.object(&here)? {
                    let dep_at = here.key(name);
                    only_known(dep, &dep_at, "dependentProperties entry", &["mapping", "resource_url"])?;
                    let kept = dep.object(&dep_at)?.iter().map(|(k, v)| (k.clone(), v.to_value()));
                    deps.insert(name.clone(), Value::Object(kept.collect()));
                }
                out.insert(key.clone(), Value::Object(deps));
            }
            // For Twilio's CLI: which columns to print.
            "defaultOutputProperties" => {}
            other => return Err(Error::at(&here, format!("unknown path `x-twilio` key `{other}`"))),
        }
    }
    Ok(out)
}

/// Reduces one operation; `servers` are the path's effective ones, `shared` its parameters.
fn operation(
    doc: &Doc,
    op: &Node,
    at: &Ptr,
    servers: &[String],
    shared: &[Value],
    refs: &mut Refs,
) -> Result<Value, Error> {
    let mut out = Map::new();
    let mut params = shared.to_vec();
    for (key, value) in op.object(at)? {
        let here = at.key(key);
        match key.as_str() {
            "operationId" => {
                out.insert(key.clone(), value.string(&here)?.into());
            }
            "x-twilio" => {
                only_known(value, &here, "operation `x-twilio`", &["mountName", "conditional"])?;
                out.insert(key.clone(), value.to_value());
            }
            "security" => {
                let security = value.to_value();
                if security != doc.security {
                    out.insert(key.clone(), security);
                }
            }
            "deprecated" => {
                if value.boolean(&here)? {
                    out.insert(key.clone(), true.into());
                }
            }
            "servers" => {
                let urls = server_urls(value, &here)?;
                if urls != servers {
                    out.insert(key.clone(), urls.into());
                }
            }
            "parameters" => {
                // Operation parameters override path ones with the same name and location.
                for param in operation::parameters(doc, value, &here, refs)? {
                    match params.iter_mut().find(|p| same_param(p, &param)) {
                        Some(slot) => *slot = param,
                        None => params.push(param),
                    }
                }
            }
            "requestBody" => {
                out.insert(key.clone(), operation::request_body(doc, value, &here, refs)?);
            }
            "responses" => {
                out.insert(key.clone(), operation::responses(doc, value, &here, refs)?);
            }
            "description" | "summary" | "tags" | "externalDocs" => {}
            other => return Err(Error::at(&here, format!("unknown operation key `{other}`"))),
        }
    }
    if !out.contains_key("operationId") {
        return Err(Error::at(at, "operation without `operationId`"));
    }
    if !params.is_empty() {
        out.insert("parameters".into(), Value::Array(params));
    }
    Ok(Value::Object(out))
}

fn same_param(a: &Value, b: &Value) -> bool {
    a.get("name") == b.get("name") && a.get("in") == b.get("in")
}
