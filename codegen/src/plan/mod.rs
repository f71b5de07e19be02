//! The generator's planning step: which `#[derive(Resource)]` types one extract file becomes.
//!
//! A resource pairs an **instance path** (its last segment holds a placeholder:
//! `/v1/Rooms/{Sid}`, `/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json`) with its **list
//! path**, which is always the instance path's [`list_path_guess`] when it exists (the parent,
//! keeping a trailing `.json`), as Twilio's generator pairs them. The rules, measured in
//! `docs/twilio-spec-survey.md` §2-3:
//!
//! - An instance path and its list path whose `x-twilio` `className`/`mountName` differ are two
//!   resources (an instance-only one and a list-only one), as Twilio splits them (3 cases).
//! - An instance path with no list path is an instance-only resource; every other path without
//!   a placeholder in its last segment (singletons, actions, lists) is a list-only resource.
//! - Resources none of whose paths has an operation are left out.
//! - Each operation's kind is its operationId prefix ([`Kind`]); a resource holds at most one
//!   operation of each kind, as the derive requires: a second one is an error naming both.
//!
//! The derive's default paths (see `macros/src/valid`): the resource's `path` is the instance
//! path, else its lone list path; fetch, update, patch and delete use it; create and list use
//! the `list_path_guess` of it, which a singleton path does not have. An operation elsewhere
//! [needs a path override](OperationPlan::needs_path_override).

mod name;

pub use name::TAKEN;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use crate::Error;

/// The kind of an operation, from its operationId prefix; one derive operation key each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// `Fetch…`: GET one object (`fetch`).
    Fetch,
    /// `Create…`: POST to the list (`create`).
    Create,
    /// `Update…`: POST, PUT or PATCH one object (`update`, with `method` unless POST).
    Update,
    /// `Patch…`: PATCH one object next to a PUT update (`patch`).
    Patch,
    /// `Delete…`: DELETE one object (`delete`).
    Delete,
    /// `List…`: GET a page of the list (`list`).
    List,
}

impl Kind {
    /// All kinds, in the derive's order (`fetch, create, update, patch, delete, list`).
    pub const ALL: [Kind; 6] =
        [Kind::Fetch, Kind::Create, Kind::Update, Kind::Patch, Kind::Delete, Kind::List];

    /// The kind named by the prefix of `operation_id` (`FetchRoom` → `Fetch`), if any.
    pub fn from_operation_id(operation_id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| operation_id.starts_with(kind.prefix()))
    }

    /// The operationId prefix, which is also the derive's key in PascalCase.
    pub fn prefix(self) -> &'static str {
        match self {
            Kind::Fetch => "Fetch",
            Kind::Create => "Create",
            Kind::Update => "Update",
            Kind::Patch => "Patch",
            Kind::Delete => "Delete",
            Kind::List => "List",
        }
    }

    /// The derive's key and method name (`fetch`, `list`).
    pub fn key(self) -> &'static str {
        match self {
            Kind::Fetch => "fetch",
            Kind::Create => "create",
            Kind::Update => "update",
            Kind::Patch => "patch",
            Kind::Delete => "delete",
            Kind::List => "list",
        }
    }

    /// Whether the derive sends it to the list path (create, list) rather than `path`.
    pub fn on_list(self) -> bool {
        matches!(self, Kind::Create | Kind::List)
    }

    /// Whether the derive can send this kind with HTTP `method` (upper case).
    fn allows(self, method: &str) -> bool {
        match self {
            Kind::Fetch | Kind::List => method == "GET",
            Kind::Create => method == "POST",
            Kind::Update => matches!(method, "POST" | "PUT" | "PATCH"),
            Kind::Patch => method == "PATCH",
            Kind::Delete => method == "DELETE",
        }
    }
}

/// One operation of a resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OperationPlan {
    /// Its kind, from the operationId prefix.
    pub kind: Kind,
    /// The HTTP method, upper case (`GET`, `POST`, `PUT`, `PATCH`, `DELETE`).
    pub method: String,
    /// The path it is sent to, as in the extract (`{Placeholder}`s).
    pub path: String,
    /// Its operationId (`FetchRoom`).
    pub operation_id: String,
    /// Whether the derive needs an explicit `path = "..."` for it: its path is not the one the
    /// derive picks by default, i.e. the resource's `path` (instance path, else the lone list
    /// path) for fetch/update/patch/delete, and that path's `list_path_guess` for create/list
    /// (none when that path is a singleton). Decided per operation: a create next to a list
    /// that has its own path would in fact default to that path, which makes its override
    /// redundant but harmless.
    pub needs_path_override: bool,
}

/// One resource: a Rust type with `#[derive(Resource)]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourcePlan {
    /// The PascalCase type name, unique within the file: the paths' `x-twilio.className`, else
    /// the naming path's last literal segment (singularized when the resource is a collection),
    /// else its `mountName`; names that clash are prefixed with their parents' segments, or fall
    /// back to their `mountName`. `codegen/src/plan/name.rs` gives the rules and why.
    pub name: String,
    /// The instance path (last segment has a placeholder), if the resource has one.
    pub instance_path: Option<String>,
    /// The list path: the instance path's `list_path_guess` when that path exists in the file
    /// (even if it has no operations), or the lone path of a list-only resource.
    pub list_path: Option<String>,
    /// Its operations, at most one of each kind, in [`Kind`] order.
    pub operations: Vec<OperationPlan>,
}

impl ResourcePlan {
    /// The path the derive's `path = "..."` gets: the instance path, else the list path.
    pub fn path(&self) -> &str {
        self.instance_path.as_deref().or(self.list_path.as_deref()).unwrap_or_default()
    }

    /// The operation of `kind`, if the resource has one.
    pub fn operation(&self, kind: Kind) -> Option<&OperationPlan> {
        self.operations.iter().find(|op| op.kind == kind)
    }
}

const METHODS: [&str; 8] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/// Plans the resources of one extract file (`codegen/extract/<file_stem>.json`), in the order
/// of their first path. `file_stem` names the file in errors.
pub fn plan(extract: &Value, file_stem: &str) -> Result<Vec<ResourcePlan>, Error> {
    let fail = |pointer: String, message: String| Error {
        file: file_stem.to_owned(),
        pointer: Some(pointer),
        message,
    };
    let paths = extract
        .get("paths")
        .and_then(Value::as_object)
        .ok_or_else(|| fail(String::new(), "`paths` is missing or not an object".into()))?;
    for (path, item) in paths {
        let item = item
            .as_object()
            .ok_or_else(|| fail(pointer(&[path]), "the path item is not an object".into()))?;
        if let Some(key) = item
            .keys()
            .find(|k| !matches!(k.as_str(), "x-twilio" | "servers") && !METHODS.contains(&k.as_str()))
        {
            return Err(fail(pointer(&[path, key]), format!("`{key}` is not an HTTP method")));
        }
    }
    let mut groups = group_paths(paths).map_err(|(path, message)| fail(pointer(&[&path]), message))?;
    groups.retain(|g| g.paths().any(|p| has_operations(&paths[p])));
    groups.sort_by_key(|g| g.paths().min().map(str::to_owned));

    let mut resources = Vec::with_capacity(groups.len());
    for group in groups {
        let mut slots: BTreeMap<Kind, OperationPlan> = BTreeMap::new();
        for path in group.paths() {
            for (method, op) in paths[path].as_object().into_iter().flatten() {
                if method == "x-twilio" || method == "servers" {
                    continue;
                }
                let at = pointer(&[path, method]);
                let operation_id = op
                    .get("operationId")
                    .and_then(Value::as_str)
                    .ok_or_else(|| fail(at.clone(), "the operation has no operationId".into()))?;
                let method = method.to_ascii_uppercase();
                let kind = Kind::from_operation_id(operation_id).ok_or_else(|| {
                    fail(
                        at.clone(),
                        format!(
                            "`{operation_id}` starts with none of Fetch, Create, Update, Patch, Delete, List"
                        ),
                    )
                })?;
                if !kind.allows(&method) {
                    return Err(fail(
                        at,
                        format!("`{operation_id}` is a {kind:?} but is sent with {method}"),
                    ));
                }
                if let Some(taken) = slots.get(&kind) {
                    return Err(fail(
                        at,
                        format!(
                            "`{operation_id}` cannot be placed: its resource already has a {kind:?}, `{}` ({} {})",
                            taken.operation_id, taken.method, taken.path
                        ),
                    ));
                }
                let needs_path_override = path != group.default_path(kind).as_deref().unwrap_or_default();
                let op = OperationPlan {
                    kind,
                    method,
                    path: path.to_owned(),
                    operation_id: operation_id.to_owned(),
                    needs_path_override,
                };
                slots.insert(kind, op);
            }
        }
        resources.push(ResourcePlan {
            name: String::new(),
            instance_path: group.instance.map(str::to_owned),
            list_path: group.list.map(str::to_owned),
            operations: slots.into_values().collect(),
        });
    }
    name::assign(&mut resources, paths).map_err(|message| fail(String::new(), message))?;
    Ok(resources)
}

/// The paths of one resource.
#[derive(Debug)]
struct Group<'a> {
    instance: Option<&'a str>,
    list: Option<&'a str>,
}

impl Group<'_> {
    fn paths(&self) -> impl Iterator<Item = &str> {
        self.instance.into_iter().chain(self.list)
    }

    /// The path the derive sends an operation of `kind` to without a `path = "..."`.
    fn default_path(&self, kind: Kind) -> Option<String> {
        let path = self.instance.or(self.list)?;
        match kind.on_list() {
            false => Some(path.to_owned()),
            true => is_instance_path(path).then(|| list_path_guess(path)),
        }
    }
}

/// Splits the file's paths into resources (with or without operations).
fn group_paths(paths: &Map<String, Value>) -> Result<Vec<Group<'_>>, (String, String)> {
    let mut groups = Vec::new();
    let mut claimed: BTreeMap<&str, &str> = BTreeMap::new();
    for (path, item) in paths.iter().filter(|(path, _)| is_instance_path(path)) {
        let guess = list_path_guess(path);
        let list = paths
            .get_key_value(&guess)
            .filter(|(list, list_item)| !is_instance_path(list) && names(item) == names(list_item))
            .map(|(list, _)| list.as_str());
        if let Some(list) = list
            && let Some(other) = claimed.insert(list, path)
        {
            return Err((path.clone(), format!("`{other}` and `{path}` both have the list path `{list}`")));
        }
        groups.push(Group { instance: Some(path), list });
    }
    let claimed: BTreeSet<&str> = claimed.into_keys().collect();
    for path in paths.keys().filter(|p| !is_instance_path(p) && !claimed.contains(p.as_str())) {
        groups.push(Group { instance: None, list: Some(path) });
    }
    Ok(groups)
}

/// The path item's `x-twilio` `className` and `mountName`.
fn names(item: &Value) -> (Option<&Value>, Option<&Value>) {
    let x = item.get("x-twilio");
    (x.and_then(|x| x.get("className")), x.and_then(|x| x.get("mountName")))
}

fn has_operations(item: &Value) -> bool {
    item.as_object().is_some_and(|item| item.keys().any(|k| METHODS.contains(&k.as_str())))
}

/// Whether the path's last segment holds a placeholder (`/v1/Rooms/{Sid}`, `.../{Sid}.json`):
/// the derive's test for "not a singleton".
pub fn is_instance_path(path: &str) -> bool {
    path.rsplit('/').next().is_some_and(|last| last.contains('{'))
}

/// The derive's default list path of an instance path: its parent, plus the file extension that
/// followed the last placeholder unless the parent already ends with it
/// (`/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json` →
/// `/2010-04-01/Accounts/{AccountSid}/Messages.json`).
pub fn list_path_guess(path: &str) -> String {
    let (parent, last) = path.rsplit_once('/').unwrap_or(("", path));
    let mut list = parent.to_owned();
    let trailing = last.rfind('}').map(|close| &last[close + 1..]);
    if let Some(extension) = trailing.and_then(extension)
        && !parent.is_empty()
        && !parent.ends_with(extension)
    {
        list.push_str(extension);
    }
    list
}

/// The file extension (`.json`) that `text` ends with, if any; as the derive reads it.
fn extension(text: &str) -> Option<&str> {
    let dot = text.rfind('.')?;
    let name = &text[dot + 1..];
    let is_extension = name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric());
    is_extension.then(|| &text[dot..])
}

/// The JSON pointer `/paths/<keys...>`.
fn pointer(keys: &[&str]) -> String {
    let mut at = String::from("/paths");
    for key in keys {
        at.push('/');
        at.push_str(&key.replace('~', "~0").replace('/', "~1"));
    }
    at
}
