//! The seed's story with the Participant binding: fetch Alice by identity, list who is
//! connected, kick Alice, look her up by SID, list who left, and see a typed error.
//!
//! With no credentials it runs against the embedded emulator on an ephemeral loopback port:
//!
//! ```sh
//! cargo run --example quickstart
//! ```
//!
//! With `TWILIO_ACCOUNT_SID` and `TWILIO_AUTH_TOKEN` set it reads a real room instead, and
//! kicks only the identity you name:
//!
//! ```sh
//! cargo run --example quickstart -- --room DailyStandup [--kick Alice]
//! ```

use std::process::ExitCode;

use futures::TryStreamExt;
use sidekick::twilio::video::v1::{Participant, ParticipantFilter};
use sidekick::{Client, Error};
use sidekick_emulator::Emulator;

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
                return Err("usage: quickstart [--room NAME] [--kick IDENTITY]\n\
                            Without TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN it runs against the embedded emulator."
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
    let has_credentials =
        std::env::var_os("TWILIO_ACCOUNT_SID").is_some() && std::env::var_os("TWILIO_AUTH_TOKEN").is_some();
    let result = if has_credentials { live(args).await } else { embedded(args).await };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The whole story against the emulator, with a clock we control so durations are real.
async fn embedded(args: Args) -> Result<(), Box<dyn std::error::Error>> {
    if args.room.is_some() || args.kick.is_some() {
        return Err("--room and --kick need TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN; without them the demo room is used".into());
    }
    let emulator = Emulator::start().await?;
    let standup_start = chrono::DateTime::parse_from_rfc3339("2026-11-26T09:00:00Z")?.to_utc();
    emulator.clock().set(standup_start);
    emulator.seed_demo()?;
    emulator.clock().advance(chrono::Duration::minutes(25));
    println!("Embedded Twilio Video emulator at {} (no credentials needed)\n", emulator.base_url());

    let client = Client::builder()
        .auth_token(emulator.account_sid(), emulator.auth_token())
        .base_url_override("https://video.twilio.com", emulator.base_url())
        .build()?;
    let room = "DailyStandup";

    let alice = Participant::fetch(&client, room, "Alice").await?;
    println!("1. Fetched by identity: {}", describe(&alice));

    println!("\n2. Connected participants of {room} (3 per page):");
    let mut pages = Participant::list(&client, room, &ParticipantFilter::connected()).page_size(3).pages();
    while let Some(page) = pages.try_next().await? {
        let names: Vec<&str> = page.items.iter().filter_map(|p| p.identity.as_deref()).collect();
        println!("   page {}: {}", page.meta.page.unwrap_or_default(), names.join(", "));
    }

    let kicked = Participant::kick(&client, room, "Alice").await?;
    println!("\n3. Kicked: {}", describe(&kicked));

    let sid = alice.sid.clone().unwrap_or_default();
    let by_sid = Participant::fetch(&client, room, &sid).await?;
    println!("\n4. Fetched by SID {sid}: {}", describe(&by_sid));

    let left = Participant::list(&client, room, &ParticipantFilter::disconnected()).collect().await?;
    println!("\n5. Disconnected participants:");
    for p in &left {
        println!("   {}", describe(p));
    }

    println!("\n6. Fetching a participant who is not there:");
    show_missing(&client, room, "Mallory").await;
    println!("   (Alice left, so her identity no longer resolves either:)");
    show_missing(&client, room, "Alice").await;

    emulator.shutdown().await;
    Ok(())
}

/// The read-only part against the real API; kicks only with an explicit `--kick`.
async fn live(args: Args) -> Result<(), Box<dyn std::error::Error>> {
    let room = args.room.ok_or("with credentials set, name a room: --room NAME")?;
    let client = Client::from_env()?;
    println!("Twilio Video, room {room}\n");
    let connected =
        Participant::list(&client, &room, &ParticipantFilter::connected()).limit(200).collect().await?;
    println!("Connected participants ({}):", connected.len());
    for p in &connected {
        println!("   {}", describe(p));
    }
    if let Some(identity) = args.kick {
        let kicked = Participant::kick(&client, &room, &identity).await?;
        println!("\nKicked: {}", describe(&kicked));
    }
    Ok(())
}

async fn show_missing(client: &Client, room: &str, identity: &str) {
    match Participant::fetch(client, room, identity).await {
        Ok(p) => println!("   unexpectedly found {}", describe(&p)),
        Err(e @ Error::Api(_)) => println!(
            "   {identity}: HTTP {}, Twilio code {}, {}",
            e.status().map(|s| s.as_u16()).unwrap_or_default(),
            e.code().unwrap_or_default(),
            e.more_info().unwrap_or("-")
        ),
        Err(e) => println!("   {identity}: {e}"),
    }
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
