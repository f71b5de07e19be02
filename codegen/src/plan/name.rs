//! Resource names.
//!
//! The base name of a resource, in PascalCase, is the first of:
//!
//! 1. `x-twilio.className` of its paths (its instance path's, else its list path's; the two
//!    agree, or the pair would have been split): Twilio sets it exactly where the path alone
//!    names the class badly (`available_phone_number_country`, `auth_calls_credential_list_mapping`).
//! 2. The last literal segment of the resource's path (the instance path, else the list path),
//!    without its extension (`Messages.json` → `Messages`), which every path with operations
//!    has.
//! 3. `x-twilio.mountName`, for a path with no usable literal segment. It is only a fallback
//!    (and a tie-breaker, below) because it is the attribute name on the parent in Twilio's
//!    SDKs: often plural (`user_channels`, `custom_operators`) and inconsistent (`api_key`).
//!
//! The base name is singularized when the resource is a collection (it has an instance path, a
//! list or a create), since the type is one member: `Messages` → `Message`, className
//! `customer_profiles` → `CustomerProfile`. A singleton or action keeps its word
//! (`Statistics`, `Configuration`, `Validate`, className `webhooks`). The suffix rules are right
//! for every plural in the corpus: `-ies` → `-y` (`Activities`, `Policies`), `-sses` → `-ss`
//! (`Addresses`), `-xes` → `-x` (`HighRiskSpecialPrefixes`), words in `-ss`, `-us`, `-is` kept
//! (`Status`), else a final `-s` dropped (`Keys`, `Services`); there is no `-ches`/`-shes` plural.
//!
//! A base name that is a prelude type or trait, or a name generated files import (`Clone`,
//! `Copy`, `Resource`; [`TAKEN`]), takes its parent as a prefix at once (`BundleClone`).
//!
//! Names that clash within the file are told apart by parents, as Twilio's operationIds do
//! (`CallRecording`, `ConferenceRecording`): among the resources sharing a name, the shallowest
//! (fewest literal segments after the version; when those tie and the parents are the same,
//! fewest segments) keeps it and the deeper ones are prefixed with their next parent literal
//! segment, singularized (`/Calls/{CallSid}/Recordings/{Sid}` → `CallRecording`); if they are all
//! as deep, they are all prefixed (`IncomingPhoneNumberLocal`, `AvailablePhoneNumberLocal`). A
//! resource named from its path that has a `mountName` takes that instead when they are all as
//! deep or it has no parent left (`/v1/Listing/{Sid}` → `ModuleDataManagement` next to
//! `/v1/Listings` → `Listing`). This repeats until the names are unique; running out of both is
//! an error.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::{Kind, ResourcePlan};

/// Names a resource does not take while a parent can prefix it: the prelude's types and
/// traits, and the names generated files import (`BundleClone`, not `Clone`).
pub const TAKEN: &[&str] = &[
    "AsMut",
    "AsRef",
    "Box",
    "Clone",
    "Copy",
    "Default",
    "Deserialize",
    "Drop",
    "Eq",
    "Err",
    "Extend",
    "Fn",
    "FnMut",
    "FnOnce",
    "From",
    "FromIterator",
    "Into",
    "IntoIterator",
    "Iterator",
    "None",
    "Ok",
    "Option",
    "Ord",
    "Params",
    "PartialEq",
    "PartialOrd",
    "Resource",
    "Result",
    "Send",
    "Serialize",
    "Sized",
    "Some",
    "String",
    "Sync",
    "ToOwned",
    "ToString",
    "TryFrom",
    "TryInto",
    "Unpin",
    "Vec",
];

/// Names every resource, uniquely within the file.
pub(super) fn assign(resources: &mut [ResourcePlan], paths: &Map<String, Value>) -> Result<(), String> {
    let mut candidates = Vec::with_capacity(resources.len());
    for resource in resources.iter() {
        let mut candidate = Candidate::new(resource, paths)?;
        // `numbers_v2 .../Bundles/{BundleSid}/Clones` would shadow `Clone` in its module.
        if TAKEN.contains(&candidate.base.as_str()) && !candidate.parents.is_empty() {
            candidate.used = 1;
        }
        candidates.push(candidate);
    }
    loop {
        let mut by_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, c) in candidates.iter().enumerate() {
            by_name.entry(c.name()).or_default().push(i);
        }
        let clashes: Vec<Vec<usize>> = by_name.into_values().filter(|group| group.len() > 1).collect();
        if clashes.is_empty() {
            break;
        }
        for group in clashes {
            // Literal segments decide; when they tie and no parent tells the names apart,
            // placeholders count too (`.../Customers/Initialize` before `.../Customers/{Id}/Initialize`).
            let parents_alike = group.windows(2).all(|w| candidates[w[0]].rest() == candidates[w[1]].rest());
            let depth =
                |c: &Candidate| if parents_alike { (c.literals, c.segments) } else { (c.literals, 0) };
            let shallowest = group.iter().map(|&i| depth(&candidates[i])).min().unwrap_or_default();
            let all_as_deep = group.iter().all(|&i| depth(&candidates[i]) == shallowest);
            for &i in &group {
                if !all_as_deep && depth(&candidates[i]) == shallowest {
                    continue;
                }
                let c = &mut candidates[i];
                if (all_as_deep || c.used == c.parents.len())
                    && let Some(mount) = c.mount.take()
                {
                    c.base = mount;
                    continue;
                }
                if c.used == c.parents.len() {
                    let paths: Vec<&str> = group.iter().map(|&i| resources[i].path()).collect();
                    return Err(format!("the resources of {paths:?} are all named `{}`", c.name()));
                }
                c.used += 1;
            }
        }
    }
    for (resource, candidate) in resources.iter_mut().zip(&candidates) {
        resource.name = candidate.name();
    }
    Ok(())
}

/// A resource's base name and the parent prefixes it can take.
struct Candidate {
    base: String,
    /// Parent literal segments, nearest first, PascalCase and singularized.
    parents: Vec<String>,
    /// How many of `parents` the name uses.
    used: usize,
    /// Literal segments of the path after the version.
    literals: usize,
    /// Segments of the path after the version, placeholders included.
    segments: usize,
    /// The name from `mountName`, when `base` comes from a path segment: a tie-breaker.
    mount: Option<String>,
}

impl Candidate {
    fn new(resource: &ResourcePlan, paths: &Map<String, Value>) -> Result<Self, String> {
        let path = resource.path();
        // Literal segments after the version, without the extension: the naming segment last.
        let mut literals: Vec<&str> = path
            .split('/')
            .filter(|s| !s.is_empty())
            .skip(1)
            .filter(|s| !s.contains('{'))
            .map(|s| s.split_once('.').map_or(s, |(stem, _)| stem))
            .collect();
        let literals_count = literals.len();
        let segments = path.split('/').filter(|s| !s.is_empty()).count().saturating_sub(1);
        let x_twilio = |key: &str| {
            [resource.instance_path.as_deref(), resource.list_path.as_deref()]
                .into_iter()
                .flatten()
                .find_map(|p| paths.get(p)?.get("x-twilio")?.get(key)?.as_str())
        };
        let collection = resource.instance_path.is_some()
            || resource.operations.iter().any(|op| matches!(op.kind, Kind::List | Kind::Create));
        let from_segment = literals.last().map(|s| pascal_case(s)).filter(|s| is_identifier(s));
        let one = |name: String| if collection { singular(&name) } else { name };
        let mut mount = x_twilio("mountName").map(|m| one(pascal_case(m)));
        let base = match (x_twilio("className"), from_segment) {
            (Some(class), _) => {
                mount = None;
                one(pascal_case(class))
            }
            (None, Some(segment)) => one(segment),
            (None, None) => mount.take().ok_or_else(|| {
                format!("`{path}` gives no name: no className, literal segment or mountName")
            })?,
        };
        literals.pop();
        let parents = literals.iter().rev().map(|s| singular(&pascal_case(s))).collect();
        Ok(Candidate { base, parents, used: 0, literals: literals_count, segments, mount })
    }

    /// The parents not used yet.
    fn rest(&self) -> &[String] {
        &self.parents[self.used..]
    }

    fn name(&self) -> String {
        let mut name: String = self.parents[..self.used].iter().rev().map(String::as_str).collect();
        name.push_str(&self.base);
        name
    }
}

/// `snake_case`, `kebab-case` or `PascalCase` text in PascalCase: each word's first letter
/// capitalized, the rest kept (`set_ipam_status` → `SetIpamStatus`, `SIP` → `SIP`).
pub(super) fn pascal_case(text: &str) -> String {
    text.split(['_', '-', ' '])
        .flat_map(|word| {
            let mut chars = word.chars();
            chars.next().map(|first| first.to_ascii_uppercase()).into_iter().chain(chars)
        })
        .collect()
}

/// The singular of a PascalCase plural, by the suffix rules in the module documentation.
pub(super) fn singular(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ies") {
        format!("{stem}y")
    } else if let Some(stem) = word.strip_suffix("sses") {
        format!("{stem}ss")
    } else if let Some(stem) = word.strip_suffix("xes") {
        format!("{stem}x")
    } else if ["ss", "us", "is"].iter().any(|end| word.ends_with(end)) {
        word.to_owned()
    } else {
        word.strip_suffix('s').unwrap_or(word).to_owned()
    }
}

fn is_identifier(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic()) && name.chars().all(|c| c.is_ascii_alphanumeric())
}
