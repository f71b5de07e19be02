//! Reduces one whole description: server, default security, paths, and the component schemas
//! the operations reach.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use crate::Error;
use crate::node::{Node, Ptr};
use crate::paths::{self, Doc, METHODS};
use crate::reduce::{self, Refs, only_known};

/// Reduces the text of one OpenAPI description to its extract (see the crate docs for the
/// format). Errors carry the JSON pointer of the offending value but no file name.
pub fn extract_document(text: &str) -> Result<Value, Error> {
    let root: Node = serde_json::from_str(text).map_err(|e| Error {
        file: String::new(),
        pointer: None,
        message: format!("not JSON: {e}"),
    })?;
    let at = Ptr::root();
    only_known(
        &root,
        &at,
        "document",
        &["openapi", "info", "servers", "paths", "components", "tags", "security", "externalDocs"],
    )?;

    let servers_at = at.key("servers");
    let servers = match root.get("servers") {
        Some(node) => paths::server_urls(node, &servers_at)?,
        None => Vec::new(),
    };
    let [server] = servers.as_slice() else {
        return Err(Error::at(&servers_at, format!("expected exactly one server, found {}", servers.len())));
    };
    // No top-level `security` means no authentication, the same as `[]`.
    let security = root.get("security").map_or(Value::Array(Vec::new()), Node::to_value);
    let doc = Doc { root: &root, servers: servers.clone(), security: security.clone() };

    let mut refs = Refs::new();
    let paths_at = at.key("paths");
    let path_items = root.get("paths").ok_or_else(|| Error::at(&at, "no `paths`"))?;
    let mut paths = Map::new();
    for (path, item) in path_items.object(&paths_at)? {
        paths.insert(path.clone(), paths::path_item(&doc, item, &paths_at.key(path), &mut refs)?);
    }

    let mut components = Map::new();
    if let Some(node) = root.get("components") {
        only_known(
            node,
            &at.key("components"),
            "components",
            &[
                "schemas",
                "parameters",
                "responses",
                "examples",
                "headers",
                "securitySchemes",
                "requestBodies",
            ],
        )?;
    }
    components.insert("schemas".into(), Value::Object(referenced_schemas(&root, refs)?));
    let schemes = security_schemes(&root, &security, &paths)?;
    components.insert("securitySchemes".into(), Value::Object(schemes));

    let mut out = Map::new();
    out.insert("server".into(), server.as_str().into());
    out.insert("security".into(), security);
    out.insert("paths".into(), Value::Object(paths));
    out.insert("components".into(), Value::Object(components));
    Ok(Value::Object(out))
}

/// The component schemas named by `refs` and, transitively, by the schemas they reference.
fn referenced_schemas(root: &Node, mut refs: Refs) -> Result<Map<String, Value>, Error> {
    let mut schemas = Map::new();
    let mut pending: Vec<String> = refs.keys().cloned().collect();
    while let Some(name) = pending.pop() {
        if schemas.contains_key(&name) {
            continue;
        }
        let at = Ptr::root().key("components").key("schemas").key(&name);
        let node = root.pointer(at.as_str()).ok_or_else(|| {
            let from = refs.get(&name).cloned().unwrap_or_default();
            Error::at(&from, format!("`$ref` names the schema {name:?}, which components.schemas lacks"))
        })?;
        let mut found = Refs::new();
        schemas.insert(name, reduce::schema(node, &at, &mut found)?);
        for (next, from) in found {
            pending.push(next.clone());
            refs.entry(next).or_insert(from);
        }
    }
    Ok(schemas)
}

/// The security schemes that the default or any operation's `security` names, without prose.
fn security_schemes(
    root: &Node,
    security: &Value,
    paths: &Map<String, Value>,
) -> Result<Map<String, Value>, Error> {
    let mut names = BTreeSet::new();
    let ops = paths.values().flat_map(|item| METHODS.iter().filter_map(|m| item.get(*m)));
    let requirements = ops.filter_map(|op| op.get("security")).chain([security]);
    for requirement in requirements.filter_map(Value::as_array).flatten() {
        names.extend(requirement.as_object().into_iter().flat_map(|o| o.keys().cloned()));
    }
    let mut out = Map::new();
    for name in names {
        let at = Ptr::root().key("components").key("securitySchemes").key(&name);
        let scheme = root
            .pointer(at.as_str())
            .ok_or_else(|| Error::at(&at, format!("the security scheme {name:?} is used but not defined")))?;
        let known =
            ["type", "scheme", "bearerFormat", "flows", "in", "name", "openIdConnectUrl", "description"];
        only_known(scheme, &at, "security scheme", &known)?;
        let kept = scheme.object(&at)?.iter().filter(|(k, _)| k != "description");
        out.insert(name, Value::Object(kept.map(|(k, v)| (k.clone(), v.to_value())).collect()));
    }
    Ok(out)
}
