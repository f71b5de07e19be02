//! The seed's story with the Participant binding: fetch Alice by identity, list who is
//! connected, kick Alice, look her up by SID, list who left, and see a typed error.
//!
//! By default it runs against the embedded emulator on an ephemeral loopback port, with no
//! credentials:
//!
//! ```sh
//! cargo run --example quickstart
//! ```
//!
//! Given `--room NAME` (with `TWILIO_ACCOUNT_SID` and `TWILIO_AUTH_TOKEN` set) it reads that
//! real room instead, and kicks only the identity you name:
//!
//! ```sh
//! cargo run --example quickstart -- --room DailyStandup [--kick Alice]
//! ```

use std::error::Error as StdError;
use std::io::Write;
use std::process::ExitCode;

use futures::TryStreamExt;
use sidekick::twilio::video::v1::{Participant, ParticipantFilter};
use sidekick::{Client, Error};
use sidekick_emulator::Emulator;

type Outcome = Result<(), Box<dyn StdError>>;

/// What the command line asked for.
struct Args {
    room: Option<String>,
    kick: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args { room: None, kick: None };
    let mut words = std::env::args().skip(1);
    while let Some(word) = words.next() {
        let slot = match word.as_str() {
            "--room" => &mut args.room,
            "--kick" => &mut args.kick,
            "-h" | "--help" => {
                return Err("usage: quickstart [--room NAME [--kick IDENTITY]]\n\
                            Without --room it runs against the embedded emulator; with it, against the real\n\
                            API, using TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN."
                    .into());
            }
            other => return Err(format!("unknown argument `{other}` (try --help)")),
        };
        *slot = Some(words.next().ok_or_else(|| format!("{word} needs a value"))?);
    }
    Ok(args)
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    let result = match args.room {
        Some(room) => live(room, args.kick).await,
        None if args.kick.is_some() => Err("--kick needs --room: name the real room to kick from".into()),
        None => embedded(&mut std::io::stdout().lock()).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The whole story against the emulator, with a clock we control so durations are real.
/// Writes to `out`, so a test can run the same story and check what it says.
pub(crate) async fn embedded(out: &mut impl Write) -> Outcome {
    if std::env::var_os("TWILIO_ACCOUNT_SID").is_some() {
        writeln!(out, "(TWILIO_ACCOUNT_SID is set but no --room was given: using the embedded emulator)\n")?;
    }
    let emulator = Emulator::start().await?;
    emulator.clock().set(chrono::DateTime::parse_from_rfc3339("2026-11-26T09:00:00Z")?.to_utc());
    emulator.seed_demo()?;
    emulator.clock().advance(chrono::Duration::minutes(25));
    writeln!(out, "Embedded Twilio Video emulator at {} (no credentials needed)\n", emulator.base_url())?;

    let client = Client::builder()
        .auth_token(emulator.account_sid(), emulator.auth_token())
        .base_url_override("https://video.twilio.com", emulator.base_url())
        .build()?;
    let room = "DailyStandup";

    let alice = Participant::fetch(&client, room, "Alice").await?;
    writeln!(out, "1. Fetched by identity: {}", describe(&alice))?;

    writeln!(out, "\n2. Connected participants of {room} (3 per page):")?;
    let mut pages = Participant::list(&client, room, &ParticipantFilter::connected()).page_size(3).pages();
    while let Some(page) = pages.try_next().await? {
        let names: Vec<&str> = page.items.iter().filter_map(|p| p.identity.as_deref()).collect();
        writeln!(out, "   page {}: {}", page.meta.page.unwrap_or_default(), names.join(", "))?;
    }

    let kicked = Participant::kick(&client, room, "Alice").await?;
    writeln!(out, "\n3. Kicked: {}", describe(&kicked))?;

    let sid = alice.sid.clone().unwrap_or_default();
    let by_sid = Participant::fetch(&client, room, &sid).await?;
    writeln!(out, "\n4. Fetched by SID {sid}: {}", describe(&by_sid))?;

    let left = Participant::list(&client, room, &ParticipantFilter::disconnected()).collect().await?;
    writeln!(out, "\n5. Disconnected participants:")?;
    for p in &left {
        writeln!(out, "   {}", describe(p))?;
    }

    writeln!(out, "\n6. Fetching a participant who is not there:")?;
    show_missing(out, &client, room, "Mallory").await?;
    writeln!(out, "   (Alice left, so her identity no longer resolves either:)")?;
    show_missing(out, &client, room, "Alice").await?;

    emulator.shutdown().await;
    Ok(())
}

/// The read-only part against the real API; kicks only with an explicit `--kick`.
async fn live(room: String, kick: Option<String>) -> Outcome {
    let client = Client::from_env()?;
    println!("Twilio Video, room {room}\n");
    let connected =
        Participant::list(&client, &room, &ParticipantFilter::connected()).limit(200).collect().await?;
    println!("Connected participants ({}):", connected.len());
    for p in &connected {
        println!("   {}", describe(p));
    }
    if let Some(identity) = kick {
        let kicked = Participant::kick(&client, &room, &identity).await?;
        println!("\nKicked: {}", describe(&kicked));
    }
    Ok(())
}

async fn show_missing(out: &mut impl Write, client: &Client, room: &str, identity: &str) -> Outcome {
    match Participant::fetch(client, room, identity).await {
        Ok(p) => writeln!(out, "   unexpectedly found {}", describe(&p))?,
        Err(e @ Error::Api(_)) => writeln!(
            out,
            "   {identity}: HTTP {}, Twilio code {}, {}",
            e.status().map(|s| s.as_u16()).unwrap_or_default(),
            e.code().unwrap_or_default(),
            e.more_info().unwrap_or("-")
        )?,
        Err(e) => writeln!(out, "   {identity}: {e}")?,
    }
    Ok(())
}

fn describe(p: &Participant) -> String {
    let mut text = format!(
        "{} ({}) is {}",
        p.identity.as_deref().unwrap_or("?"),
        p.sid.as_deref().unwrap_or("?"),
        p.status.as_ref().map_or("?", |s| s.as_str())
    );
    if let Some(start) = p.start_time {
        text.push_str(&format!(", joined {}", start.format("%H:%M:%S")));
    }
    if let Some(seconds) = p.duration {
        text.push_str(&format!(", stayed {}m{:02}s", seconds / 60, seconds % 60));
    }
    text
}
