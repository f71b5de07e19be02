//! Every key the attributes accept, in one place: parsing, typo suggestions and the messages
//! that list what is allowed all read these tables.

use std::fmt;

/// The top-level keys of `#[resource(...)]`.
pub(crate) const KEYS: &[&str] = &[
    "base_url",
    "path",
    "account",
    "sid_prefix",
    "fetch",
    "create",
    "update",
    "patch",
    "delete",
    "list",
    "crate",
];

/// An operation key, in the order of [`OPERATIONS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OpName {
    Fetch,
    Create,
    Update,
    Patch,
    Delete,
    List,
}

pub(crate) const OPERATIONS: [OpName; 6] =
    [OpName::Fetch, OpName::Create, OpName::Update, OpName::Patch, OpName::Delete, OpName::List];

/// The keys inside an operation's parentheses, and the operations that take each.
pub(crate) const OP_KEYS: &[(&str, &[OpName])] = &[
    ("params", &OPERATIONS),
    ("path", &OPERATIONS),
    ("method", &[OpName::Update]),
    ("body", &[OpName::Create, OpName::Update, OpName::Patch]),
    ("response", &[OpName::Fetch, OpName::Create, OpName::Update, OpName::Patch]),
    ("returns", &[OpName::Fetch, OpName::Create, OpName::Update, OpName::Patch]),
    ("key", &[OpName::List]),
    ("paging", &[OpName::List]),
];

/// The paging shapes built into the runtime: the attribute's name, the runtime type, and
/// the list key the shape implies (SCIM's is fixed).
pub(crate) const PAGING: &[&str] = &["meta", "next_page_uri", "token", "scim", "page_number"];

pub(crate) fn paging_type(name: &str) -> Option<&'static str> {
    Some(match name {
        "meta" => "MetaPaging",
        "next_page_uri" => "UriPaging",
        "token" => "TokenPaging",
        "scim" => "ScimPaging",
        "page_number" => "PageNumberPaging",
        _ => return None,
    })
}

/// The methods `update(method = "...")` accepts.
pub(crate) const UPDATE_METHODS: &[&str] = &["POST", "PUT", "PATCH"];

/// What an answer carries: a JSON resource, nothing, or a redirect.
pub(crate) const RESPONSES: &[&str] = &["json", "empty", "redirect"];

impl OpName {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            OpName::Fetch => "fetch",
            OpName::Create => "create",
            OpName::Update => "update",
            OpName::Patch => "patch",
            OpName::Delete => "delete",
            OpName::List => "list",
        }
    }

    /// The runtime's `OperationKind` variant.
    pub(crate) fn kind(self) -> &'static str {
        match self {
            OpName::Fetch => "Fetch",
            OpName::Create => "Create",
            OpName::Update => "Update",
            OpName::Patch => "Patch",
            OpName::Delete => "Delete",
            OpName::List => "List",
        }
    }

    /// The keys this operation takes in parentheses.
    pub(crate) fn keys(self) -> &'static [&'static str] {
        match self {
            OpName::Fetch => &["params", "path", "response", "returns"],
            OpName::Create => &["params", "path", "body", "response", "returns"],
            OpName::Update => &["params", "path", "method", "body", "response", "returns"],
            OpName::Patch => &["params", "path", "body", "response", "returns"],
            OpName::Delete => &["params", "path"],
            OpName::List => &["params", "path", "key", "paging"],
        }
    }

    /// Whether the operation addresses the list (create, list) rather than one resource.
    pub(crate) fn on_list(self) -> bool {
        matches!(self, OpName::Create | OpName::List)
    }
}

impl fmt::Display for OpName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An example of `key` inside `op(...)`, for messages.
pub(crate) fn op_key_example(op: OpName, key: &str) -> &'static str {
    match (op, key) {
        (OpName::List | OpName::Create, "path") => "path = \"/v1/Things\"",
        (_, "path") => "path = \"/v1/Things/<sid>\"",
        (_, "method") => "method = \"PUT\"",
        (_, "body") => "body = \"json\"",
        (OpName::Fetch, "response") => "response = \"redirect\"",
        (_, "response") => "response = \"empty\"",
        (_, "key") => "key = \"things\"",
        _ => "key = \"...\"",
    }
}

/// `` `a`, `b`, `c` `` for messages.
pub(crate) fn list(keys: &[&str]) -> String {
    keys.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
}

/// The valid key nearest to a typo, if any is close enough to be what was meant.
pub(crate) fn closest<'k>(unknown: &str, keys: &[&'k str]) -> Option<&'k str> {
    if let Some(key) = keys.iter().find(|k| unknown.len() >= 3 && k.starts_with(unknown)) {
        return Some(key);
    }
    keys.iter()
        .map(|k| (edit_distance(&unknown.to_lowercase(), &k.to_lowercase()), *k))
        .filter(|(d, k)| *d <= (k.len() / 3).max(1))
        .min()
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typo_suggestions() {
        assert_eq!(closest("pth", KEYS), Some("path"));
        assert_eq!(closest("updte", KEYS), Some("update"));
        assert_eq!(closest("base", KEYS), Some("base_url"));
        assert_eq!(closest("sid", KEYS), Some("sid_prefix"));
        assert_eq!(closest("sid_prefx", KEYS), Some("sid_prefix"));
        assert_eq!(closest("frobnicate", KEYS), None);
        assert_eq!(closest("metod", OpName::Update.keys()), Some("method"));
        assert_eq!(closest("cursor", PAGING), None);
        assert_eq!(closest("patch", UPDATE_METHODS), Some("PATCH"));
        assert_eq!(closest("next_page_url", PAGING), Some("next_page_uri"));
    }

    #[test]
    fn op_keys_table_matches_each_operation() {
        for op in OPERATIONS {
            for key in op.keys() {
                let (_, ops) = OP_KEYS.iter().find(|(k, _)| k == key).expect("every key is in OP_KEYS");
                assert!(ops.contains(&op), "{op} {key}");
            }
        }
        for (key, ops) in OP_KEYS {
            for op in *ops {
                assert!(op.keys().contains(key), "{op} {key}");
            }
        }
    }
}
