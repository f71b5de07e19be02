//! Runs the extraction over a directory of descriptions, writes it, and checks a written one.

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::{Error, extract_document};

/// Where the vendored descriptions live by default: `../shared/spec/twilio-oai` from the
/// workspace root (the parent of this crate's directory).
pub fn default_spec_dir() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    match manifest.parent().and_then(Path::parent) {
        Some(above_root) => above_root.join("shared/spec/twilio-oai"),
        None => manifest.join("../../shared/spec/twilio-oai"),
    }
}

/// The repository root: the parent of this crate's directory.
pub fn repository_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(Path::to_path_buf).unwrap_or_else(|| manifest.join(".."))
}

/// Where the extract is written by default: `codegen/extract`.
pub fn default_out_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("extract")
}

/// The `twilio_*.json` files of `spec_dir`, sorted; an error if there are none.
pub fn spec_files(spec_dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let entries = fs::read_dir(spec_dir)
        .map_err(|e| Error::file(spec_dir, format_args!("cannot read the spec directory: {e}")))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| Error::file(spec_dir, e))?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if name.starts_with("twilio_") && name.ends_with(".json") {
            files.push(path);
        }
    }
    if files.is_empty() {
        return Err(Error::file(spec_dir, "no twilio_*.json descriptions here"));
    }
    files.sort();
    Ok(files)
}

/// Extracts every description in `spec_dir`: output file name → rendered text.
pub fn extract_dir(spec_dir: &Path) -> Result<BTreeMap<String, String>, Error> {
    let mut out = BTreeMap::new();
    for path in spec_files(spec_dir)? {
        let text = fs::read_to_string(&path).map_err(|e| Error::file(&path, e))?;
        let value = extract_document(&text).map_err(|e| e.in_file(&path))?;
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        out.insert(name, render(&value));
    }
    Ok(out)
}

/// The extract's text form: pretty-printed with 2-space indents, keys sorted, and a final newline.
pub fn render(value: &Value) -> String {
    format!("{value:#}\n")
}

/// What [`write_dir`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct WriteSummary {
    /// Files created or rewritten.
    pub written: Vec<String>,
    /// Files already up to date (left untouched, so their timestamps stay).
    pub unchanged: Vec<String>,
    /// Stale `*.json` files removed because no description produces them any more.
    pub removed: Vec<String>,
}

/// Writes `files` into `out_dir` (created if needed) and removes any other `*.json` there, so the
/// directory holds exactly the extract.
pub fn write_dir(out_dir: &Path, files: &BTreeMap<String, String>) -> Result<WriteSummary, Error> {
    fs::create_dir_all(out_dir).map_err(|e| Error::file(out_dir, e))?;
    let mut summary = WriteSummary::default();
    for (name, text) in files {
        let path = out_dir.join(name);
        if fs::read_to_string(&path).is_ok_and(|old| old == *text) {
            summary.unchanged.push(name.clone());
            continue;
        }
        fs::write(&path, text).map_err(|e| Error::file(&path, e))?;
        summary.written.push(name.clone());
    }
    for name in json_files(out_dir)? {
        if !files.contains_key(&name) {
            let path = out_dir.join(&name);
            fs::remove_file(&path).map_err(|e| Error::file(&path, e))?;
            summary.removed.push(name);
        }
    }
    Ok(summary)
}

/// How a written extract differs from a fresh one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Difference {
    /// A description's extract file is not there.
    Missing(String),
    /// The file is there but its content is not what the extraction gives now.
    Differs(String),
    /// A `*.json` file that no description produces.
    Extra(String),
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Difference::Missing(name) => write!(f, "{name}: missing"),
            Difference::Differs(name) => write!(f, "{name}: differs from a fresh extraction"),
            Difference::Extra(name) => write!(f, "{name}: extra (no description produces it)"),
        }
    }
}

/// Compares `out_dir` with `files`; empty means the written extract is up to date.
pub fn check_dir(out_dir: &Path, files: &BTreeMap<String, String>) -> Result<Vec<Difference>, Error> {
    let present = if out_dir.is_dir() { json_files(out_dir)? } else { Vec::new() };
    let mut differences = Vec::new();
    for (name, text) in files {
        if !present.contains(name) {
            differences.push(Difference::Missing(name.clone()));
            continue;
        }
        let path = out_dir.join(name);
        let old = fs::read_to_string(&path).map_err(|e| Error::file(&path, e))?;
        if old != *text {
            differences.push(Difference::Differs(name.clone()));
        }
    }
    differences.extend(present.into_iter().filter(|n| !files.contains_key(n)).map(Difference::Extra));
    Ok(differences)
}

/// The committed extract in `out_dir`, as the generator reads it: each file's stem
/// (`twilio_api_v2010`) and parsed content, sorted by name.
pub fn read_extracts(out_dir: &Path) -> Result<Vec<(String, Value)>, Error> {
    let mut extracts = Vec::new();
    for name in json_files(out_dir)? {
        let path = out_dir.join(&name);
        let text = fs::read_to_string(&path).map_err(|e| Error::file(&path, e))?;
        let value = serde_json::from_str(&text).map_err(|e| Error::file(&path, e))?;
        extracts.push((name.trim_end_matches(".json").to_owned(), value));
    }
    Ok(extracts)
}

/// The names of the `*.json` files directly in `dir`, sorted.
fn json_files(dir: &Path) -> Result<Vec<String>, Error> {
    let mut names = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| Error::file(dir, e))? {
        let path = entry.map_err(|e| Error::file(dir, e))?.path();
        if path.is_file()
            && let Some(name) = path.file_name().and_then(|n| n.to_str())
            && name.ends_with(".json")
        {
            names.push(name.to_owned());
        }
    }
    names.sort();
    Ok(names)
}
