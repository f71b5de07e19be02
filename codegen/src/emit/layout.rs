//! Where generated code goes: module paths, files, `mod.rs`es, cargo features, formatting.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use super::space::Space;
use super::{GENERATED, ModuleFiles};
use crate::Error;
use crate::types::{field_name, is_keyword};

/// The Rust module of one extract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Module {
    /// `api` (also `ip_messaging`, `iam`).
    pub product: String,
    /// `v2010`, `organizations`; `None` for `preview`, whose resources sit in the product module.
    pub version: Option<String>,
}

/// The module of the extract `stem`: `twilio_api_v2010` → `api::v2010`, `twilio_ip_messaging_v2`
/// → `ip_messaging::v2`, `twilio_iam_organizations` → `iam::organizations`, `twilio_preview`
/// → `preview`.
pub fn module_of(stem: &str) -> Module {
    let name = stem.trim_start_matches("twilio_");
    let is_version =
        |s: &str| s.len() > 1 && s.starts_with('v') && s[1..].bytes().all(|b| b.is_ascii_digit());
    match name.rsplit_once('_') {
        Some((product, version)) if is_version(version) => {
            Module { product: product.to_owned(), version: Some(version.to_owned()) }
        }
        Some((product, version)) if !product.contains('_') => {
            Module { product: product.to_owned(), version: Some(version.to_owned()) }
        }
        _ => Module { product: name.to_owned(), version: None },
    }
}

impl Module {
    /// `api::v2010`.
    pub fn path(&self) -> String {
        match &self.version {
            Some(version) => format!("{}::{version}", self.product),
            None => self.product.clone(),
        }
    }

    /// `src/twilio/api/v2010`.
    pub fn dir(&self) -> String {
        format!("src/twilio/{}", self.path().replace("::", "/"))
    }

    /// `twilio-api`.
    pub fn feature(&self) -> String {
        format!("twilio-{}", self.product.replace('_', "-"))
    }

    /// `api_v2010`: the module's name among the conformance tests.
    pub fn test_name(&self) -> String {
        self.path().replace("::", "_")
    }
}

/// The file (without `.rs`) of the resource `name`: `CallRecording` → `call_recording`.
pub(crate) fn file_stem(name: &str) -> String {
    let stem = field_name(name);
    let stem = stem.trim_start_matches("r#");
    match is_keyword(stem) || matches!(stem, "mod" | "custom" | "self_" | "super_" | "crate_") {
        true => format!("{}_resource", stem.trim_end_matches('_')),
        false => stem.to_owned(),
    }
}

/// The resource files and `mod.rs` of a module. `bodies` holds each resource file's main code
/// and the types it defines.
#[allow(clippy::too_many_arguments)]
pub(crate) fn assemble(
    module: &Module,
    stem: &str,
    server: &str,
    bodies: BTreeMap<String, (String, Vec<String>)>,
    space: &Space,
    custom: bool,
    resources: &[crate::ResourcePlan],
    operations: usize,
) -> Result<BTreeMap<String, String>, String> {
    let dir = module.dir();
    let mut defined_in: BTreeMap<String, String> = BTreeMap::new();
    for (file, (_, defines)) in &bodies {
        for name in defines {
            if let Some(other) = defined_in.insert(name.clone(), file.clone()) {
                return Err(format!("`{name}` is defined in both `{other}.rs` and `{file}.rs`"));
            }
        }
    }
    for (name, item) in &space.items {
        if let Some(other) = defined_in.insert(name.clone(), item.file.clone()) {
            return Err(format!("`{name}` is defined in both `{other}.rs` and `{}.rs`", item.file));
        }
    }
    let mut files = BTreeMap::new();
    let mut exports: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (name, file) in &defined_in {
        exports.entry(file).or_default().insert(name);
    }
    for (file, (code, defines)) in &bodies {
        let mut text = format!("{GENERATED}\n\n");
        text.push_str(&format!("//! The `{}` resource of `{}`.\n\n", defines[0], module.path()));
        let local: Vec<&str> =
            space.items.iter().filter(|(_, i)| &i.file == file).map(|(n, _)| n.as_str()).collect();
        let all_code: String = std::iter::once(code.as_str())
            .chain(space.items.values().filter(|i| &i.file == file).map(|i| i.code.as_str()))
            .collect();
        let mut imports = vec!["use serde::{Deserialize, Serialize};".to_owned()];
        let params = all_code.contains("Params)]");
        imports.push(match params {
            true => "use sidekick::{Params, Resource};".to_owned(),
            false => "use sidekick::Resource;".to_owned(),
        });
        text.push_str(&imports.join("\n"));
        text.push('\n');
        let foreign: Vec<&str> = space
            .uses
            .get(file)
            .into_iter()
            .flatten()
            .map(String::as_str)
            .filter(|n| defined_in.get(*n).is_some_and(|f| f != file))
            .collect();
        if !foreign.is_empty() {
            text.push_str(&format!("\nuse super::{{{}}};\n", foreign.join(", ")));
        }
        text.push('\n');
        text.push_str(code);
        for name in local {
            text.push('\n');
            text.push_str(&space.items[name].code);
        }
        files.insert(format!("{dir}/{file}.rs"), text);
    }

    let mut text = format!("{GENERATED}\n\n");
    let title = match &module.version {
        Some(version) => format!("Twilio `{}` API, `{version}`", module.product),
        None => format!("Twilio `{}` API", module.product),
    };
    text.push_str(&format!(
        "//! {title}: {} resources, {operations} operations at `{server}`, generated from \
         `codegen/extract/{stem}.json`.\n//!\n//! Enabled by the cargo feature `{}`.\n//!\n",
        resources.len(),
        module.feature()
    ));
    for resource in resources {
        let kinds: Vec<String> =
            resource.operations.iter().map(|op| format!("`{}`", op.kind.key())).collect();
        text.push_str(&format!(
            "//! - [`{}`] at `{}`: {}\n",
            resource.name,
            resource.path(),
            kinds.join(", ")
        ));
    }
    text.push('\n');
    if custom {
        text.push_str("mod custom;\n");
    }
    for file in bodies.keys() {
        text.push_str(&format!("mod {file};\n"));
    }
    text.push_str(&format!(
        "\n/// Where the resources of this module live.\npub const BASE_URL: &str = {server:?};\n\n"
    ));
    if custom {
        text.push_str("pub use custom::*;\n");
    }
    for (file, names) in &exports {
        let names: Vec<&str> = names.iter().copied().collect();
        text.push_str(&format!("pub use {file}::{{{}}};\n", names.join(", ")));
    }
    text.push_str(&for_each_resource(
        "module",
        resources.iter().map(|r| format!("visitor.visit::<{}>();", r.name)),
    ));
    files.insert(format!("{dir}/mod.rs"), text);
    Ok(files)
}

/// `src/twilio/mod.rs` and each versioned product's `mod.rs`.
pub(crate) fn root_files(modules: &[ModuleFiles]) -> BTreeMap<String, String> {
    let mut products: BTreeMap<&str, Vec<&ModuleFiles>> = BTreeMap::new();
    for module in modules {
        products.entry(&module.module.product).or_default().push(module);
    }
    let mut files = BTreeMap::new();
    let mut root = format!("{GENERATED}\n\n");
    root.push_str(
        "//! Twilio's APIs, generated from Twilio's OpenAPI descriptions with `#[derive(Resource)]`.\n//!\n\
         //! One module per product, each behind its cargo feature (`twilio-video` is on by default):\n//!\n",
    );
    for (product, versions) in &products {
        let count: usize = versions.iter().map(|m| m.calls.len()).sum();
        root.push_str(&format!(
            "//! - [`{product}`]: feature `{}`, {count} operations\n",
            versions[0].module.feature()
        ));
    }
    root.push_str("\nmod add_ons;\nmod webhook_method;\n\npub use add_ons::AddOnsData;\npub use webhook_method::WebhookMethod;\n\n");
    for (product, versions) in &products {
        root.push_str(&format!(
            "#[cfg(feature = \"{}\")]\npub mod {product};\n",
            versions[0].module.feature()
        ));
        if versions[0].module.version.is_none() {
            continue;
        }
        let mut text = format!("{GENERATED}\n\n");
        text.push_str(&format!(
            "//! Twilio `{product}`, by API version. Enabled by the cargo feature `{}`.\n\n",
            versions[0].module.feature()
        ));
        let versions: Vec<&str> =
            versions.iter().map(|m| m.module.version.as_deref().unwrap_or_default()).collect();
        for version in &versions {
            text.push_str(&format!("pub mod {version};\n"));
        }
        text.push_str(&for_each_resource(
            "product, every version",
            versions.iter().map(|version| format!("{version}::for_each_resource(visitor);")),
        ));
        files.insert(format!("src/twilio/{product}/mod.rs"), text);
    }
    root.push_str(&products_index(&products));
    files.insert("src/twilio/mod.rs".to_owned(), root);
    files
}

/// A `for_each_resource` function whose body is `calls`.
fn for_each_resource(of: &str, calls: impl Iterator<Item = String>) -> String {
    let mut text = format!(
        "\n/// Calls `visitor` with each resource type of this {of}.\n\
         pub fn for_each_resource<V: sidekick::ResourceVisitor>(visitor: &mut V) {{\n"
    );
    for call in calls {
        text.push_str(&format!("    {call}\n"));
    }
    text.push_str("}\n");
    text
}

/// The product names, and a function that visits a product's resources by name, for tools
/// that take products on a command line.
fn products_index(products: &BTreeMap<&str, Vec<&ModuleFiles>>) -> String {
    let names: Vec<String> = products.keys().map(|p| format!("{p:?}")).collect();
    let mut text = format!(
        "\n/// Every product's module name, whether or not its feature is on in this build.\n\
         pub const PRODUCTS: [&str; {}] = [{}];\n",
        names.len(),
        names.join(", ")
    );
    text.push_str(
        "\n/// Calls `visitor` with each resource type of `product`, a module name such as `messaging`\n\
         /// (`ip-messaging` is `ip_messaging`). `false` if there is no such product or its feature is\n\
         /// off in this build.\n\
         pub fn for_each_resource_of<V: sidekick::ResourceVisitor>(product: &str, visitor: &mut V) -> bool {\n\
         \x20   match product.replace('-', \"_\").as_str() {\n",
    );
    for (product, versions) in products {
        text.push_str(&format!(
            "        #[cfg(feature = \"{}\")]\n        {product:?} => {{\n            {product}::for_each_resource(visitor);\n            true\n        }}\n",
            versions[0].module.feature()
        ));
    }
    // With every product's feature off, the visitor is used in this arm alone.
    text.push_str("        _ => {\n            let _ = visitor;\n            false\n        }\n    }\n}\n");
    text
}

/// The marker lines around the generated features in `Cargo.toml`.
const BEGIN: &str = "# BEGIN features generated by sidekick-codegen";
const END: &str = "# END features generated by sidekick-codegen";

/// The feature lines: one per product, and `twilio-all`.
pub(crate) fn features_block(modules: &[ModuleFiles]) -> String {
    let features: BTreeSet<String> = modules.iter().map(|m| m.module.feature()).collect();
    let mut block = format!("{BEGIN}\n");
    let all: Vec<String> = features.iter().map(|f| format!("{f:?}")).collect();
    block.push_str(&format!("twilio-all = [{}]\n", all.join(", ")));
    for feature in &features {
        block.push_str(&format!("{feature} = []\n"));
    }
    block.push_str(END);
    block
}

/// `text` with the block between the markers replaced by `block`.
pub(crate) fn replace_block(text: &str, block: &str) -> Result<String, String> {
    let start = text.find(BEGIN).ok_or_else(|| format!("no `{BEGIN}` line"))?;
    let end = text[start..].find(END).ok_or_else(|| format!("no `{END}` line"))? + start + END.len();
    Ok(format!("{}{block}{}", &text[..start], &text[end..]))
}

/// Every `.rs` file formatted by rustfmt with the repository's settings, two at a time.
pub(crate) fn format_all(
    root: &Path,
    files: BTreeMap<String, String>,
) -> Result<BTreeMap<String, String>, Error> {
    let config = root.join("rustfmt.toml");
    let entries: Vec<(String, String)> = files.into_iter().collect();
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(1, 8);
    let chunk = entries.len().div_ceil(threads).max(1);
    let results: Vec<Result<Vec<(String, String)>, Error>> = std::thread::scope(|scope| {
        let handles: Vec<_> = entries
            .chunks(chunk)
            .map(|part| {
                let config = &config;
                scope.spawn(move || {
                    part.iter()
                        .map(|(path, text)| match path.ends_with(".rs") {
                            true => rustfmt(config, text).map(|t| (path.clone(), t)).map_err(|m| Error {
                                file: path.clone(),
                                pointer: None,
                                message: m,
                            }),
                            false => Ok((path.clone(), text.clone())),
                        })
                        .collect()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| Err(Error::file(Path::new("rustfmt"), "panicked"))))
            .collect()
    });
    let mut out = BTreeMap::new();
    for result in results {
        out.extend(result?);
    }
    Ok(out)
}

fn rustfmt(config: &Path, text: &str) -> Result<String, String> {
    let mut child = Command::new(std::env::var_os("RUSTFMT").unwrap_or_else(|| "rustfmt".into()))
        .args(["--edition", "2024", "--emit", "stdout", "--config-path"])
        .arg(config)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run rustfmt: {e}"))?;
    child
        .stdin
        .take()
        .ok_or("rustfmt has no stdin")?
        .write_all(text.as_bytes())
        .map_err(|e| format!("cannot write to rustfmt: {e}"))?;
    let output = child.wait_with_output().map_err(|e| format!("rustfmt failed: {e}"))?;
    if !output.status.success() {
        return Err(format!("rustfmt rejected the code: {}", String::from_utf8_lossy(&output.stderr)));
    }
    String::from_utf8(output.stdout).map_err(|e| format!("rustfmt wrote invalid UTF-8: {e}"))
}
