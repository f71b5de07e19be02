//! The `sidekick-codegen` command: `extract` and `check-extract`.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use sidekick_codegen::{check_dir, default_out_dir, default_spec_dir, emit, extract_dir, write_dir};

/// Generator tooling for sidekick's Twilio bindings.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Reduce each twilio_*.json description to the facts a generator needs, one file each.
    Extract(Dirs),
    /// Fail, naming the files, if the written extract is not what `extract` gives now.
    CheckExtract(Dirs),
    /// Write the Rust bindings (`src/twilio`), their conformance tests and cargo features from
    /// the extract.
    Generate(Root),
    /// Fail, naming the files, if the committed bindings are not what `generate` writes now.
    CheckGenerate(Root),
    /// Print how many resources and operations (by HTTP method) each module has.
    Counts(Root),
}

#[derive(Args)]
struct Root {
    /// The repository root.
    #[arg(long, value_name = "DIR", default_value_os_t = sidekick_codegen::repository_root())]
    root: PathBuf,
}

#[derive(Args)]
struct Dirs {
    /// The directory of Twilio's OpenAPI descriptions.
    #[arg(long, value_name = "DIR", default_value_os_t = default_spec_dir())]
    spec: PathBuf,
    /// The directory of the extract.
    #[arg(long, value_name = "DIR", default_value_os_t = default_out_dir())]
    out: PathBuf,
}

fn main() -> ExitCode {
    let (dirs, checking) = match Cli::parse().command {
        Command::Extract(dirs) => (dirs, false),
        Command::CheckExtract(dirs) => (dirs, true),
        Command::Generate(root) => return generate(&root.root, false),
        Command::CheckGenerate(root) => return generate(&root.root, true),
        Command::Counts(root) => return counts(&root.root),
    };
    let files = match extract_dir(&dirs.spec) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    if checking { check(&dirs, &files) } else { write(&dirs, &files) }
}

fn write(dirs: &Dirs, files: &BTreeMap<String, String>) -> ExitCode {
    match write_dir(&dirs.out, files) {
        Ok(summary) => {
            for name in &summary.removed {
                println!("removed {name}");
            }
            println!(
                "{} files in {}: {} written, {} unchanged",
                files.len(),
                dirs.out.display(),
                summary.written.len(),
                summary.unchanged.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn check(dirs: &Dirs, files: &BTreeMap<String, String>) -> ExitCode {
    match check_dir(&dirs.out, files) {
        Ok(differences) if differences.is_empty() => {
            println!("{} files in {} are up to date", files.len(), dirs.out.display());
            ExitCode::SUCCESS
        }
        Ok(differences) => {
            eprintln!("the extract in {} is stale:", dirs.out.display());
            for difference in &differences {
                eprintln!("  {difference}");
            }
            eprintln!("run `cargo run -p sidekick-codegen -- extract` and commit the result");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn generate(root: &std::path::Path, checking: bool) -> ExitCode {
    let files = match emit::generate(root) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let outcome = if checking { emit::check(root, &files) } else { emit::write(root, &files) };
    match outcome {
        Ok(stale) if checking && !stale.is_empty() => {
            eprintln!("the generated bindings are stale:");
            for difference in &stale {
                eprintln!("  {difference}");
            }
            eprintln!("run `cargo run -p sidekick-codegen -- generate` and commit the result");
            ExitCode::FAILURE
        }
        Ok(stale) => {
            let verb = if checking { "up to date" } else { "written" };
            println!("{} generated files {verb} ({} changed)", files.len(), stale.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn counts(root: &std::path::Path) -> ExitCode {
    let counts = match emit::counts(root) {
        Ok(counts) => counts,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];
    println!("| module | resources | operations | {} |", methods.join(" | "));
    println!("|---|---|---|{}", "---|".repeat(methods.len()));
    let mut totals = vec![0; methods.len() + 2];
    for count in &counts {
        let operations: usize = count.by_method.values().sum();
        let cells: Vec<usize> =
            methods.iter().map(|m| count.by_method.get(*m).copied().unwrap_or(0)).collect();
        totals[0] += count.resources;
        totals[1] += operations;
        for (total, cell) in totals[2..].iter_mut().zip(&cells) {
            *total += cell;
        }
        let cells: Vec<String> = cells.iter().map(ToString::to_string).collect();
        println!("| `{}` | {} | {operations} | {} |", count.module, count.resources, cells.join(" | "));
    }
    let totals: Vec<String> = totals.iter().map(ToString::to_string).collect();
    println!("| all | {} |", totals.join(" | "));
    ExitCode::SUCCESS
}
