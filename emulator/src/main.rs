//! `sidekick-emulator`: run the emulator as a standalone server: Twilio Video, resources
//! described in TOML, and with the `twilio` feature, whole products of the generated bindings.

use std::fmt;
use std::net::{IpAddr, SocketAddr};
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use std::path::PathBuf;

use sidekick_emulator::{Emulator, FaultSpec, Route};

/// A local, stateful Twilio fake for tests and demos: Video's Rooms and Participants, resources
/// described in TOML files, and (built with the `twilio` feature) whole Twilio products.
#[derive(Parser)]
#[command(version, about)]
struct Args {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    host: IpAddr,

    /// Port to listen on; 0 picks a free one.
    #[arg(long, default_value_t = 0)]
    port: u16,

    /// Base URL clients reach the emulator at, when it is not the listening address (Docker port
    /// mapping, service name, proxy). The `url`, `links` and paging URLs in responses use it.
    /// Absolute http(s), without credentials, query or fragment, e.g. `http://emulator:4010`.
    #[arg(long, value_name = "URL")]
    public_url: Option<String>,

    /// Account SID to accept (HTTP Basic username).
    #[arg(long, default_value = sidekick_emulator::DEFAULT_ACCOUNT_SID)]
    account_sid: String,

    /// Auth token to accept (HTTP Basic password).
    #[arg(long, default_value = sidekick_emulator::DEFAULT_AUTH_TOKEN)]
    auth_token: String,

    /// API key SID to accept as well.
    #[arg(long, default_value = sidekick_emulator::DEFAULT_API_KEY_SID)]
    api_key_sid: String,

    /// Secret of the API key.
    #[arg(long, default_value = sidekick_emulator::DEFAULT_API_KEY_SECRET)]
    api_key_secret: String,

    /// Data to create at start.
    #[arg(long, value_enum, default_value_t = Seed::None)]
    seed: Seed,

    /// Fail upcoming requests: ROUTE:FAULT[:TIMES], e.g. `list-participants:429:3`.
    /// ROUTE: any, fetch-participant, update-participant, list-participants, fetch-room,
    /// list-rooms, create-room, update-room. FAULT: 429, 429-SECS, 500, 503, latency-MSms,
    /// close, truncate, html-STATUS. Repeatable.
    #[arg(long = "fault", value_name = "ROUTE:FAULT[:TIMES]")]
    faults: Vec<FaultSpec>,

    /// Also serve the resources this TOML file describes (repeatable).
    #[arg(long = "resources", value_name = "FILE")]
    resources: Vec<PathBuf>,

    /// Also serve every resource of these products of the generated Twilio bindings, e.g.
    /// `messaging,api`. Needs a build with the `twilio` feature. Products whose paths clash
    /// (several have `/v1/Services`) need an emulator each.
    #[arg(long, value_name = "PRODUCT,...", value_delimiter = ',')]
    products: Vec<String>,
}

impl fmt::Debug for Args {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Secrets given on the command line may be real ones; keep them out of debug output. The
        // public URL is unchecked here and may hold `user:password@` (start rejects it), so it
        // is hidden whole then: the library's finer redaction is private to it.
        const REDACTED: &str = "<redacted>";
        let public_url = self.public_url.as_deref().map(|url| if url.contains('@') { REDACTED } else { url });
        f.debug_struct("Args")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("public_url", &public_url)
            .field("account_sid", &self.account_sid)
            .field("auth_token", &REDACTED)
            .field("api_key_sid", &self.api_key_sid)
            .field("api_key_secret", &REDACTED)
            .field("seed", &self.seed)
            .field("faults", &self.faults)
            .field("resources", &self.resources)
            .field("products", &self.products)
            .finish()
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Seed {
    /// Start empty.
    None,
    /// Room `DailyStandup` with Alice, Bob, Carol, Dave, Erin, Frank and Grace connected.
    Demo,
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    match run(args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("sidekick-emulator: {err}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> Result<(), Box<dyn std::error::Error>> {
    let mut builder = Emulator::builder()
        .addr(SocketAddr::new(args.host, args.port))
        .credentials(args.account_sid, args.auth_token)
        .api_key(args.api_key_sid, args.api_key_secret);
    if let Some(url) = args.public_url {
        builder = builder.public_base_url(url);
    }
    let emu = builder.start().await?;
    if let Seed::Demo = args.seed {
        emu.seed_demo()?;
    }
    let mut described = Vec::new();
    for file in &args.resources {
        let text =
            std::fs::read_to_string(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let names = emu.register_described(&text).map_err(|e| format!("{}: {e}", file.display()))?;
        described.extend(names);
    }
    let mut report = Vec::new();
    for product in &args.products {
        report.extend(serve_product(&emu, product)?);
    }
    let registered = emu.registered_routes();
    for spec in args.faults {
        check_route(spec.route, &registered)?;
        emu.faults().inject_spec(spec);
    }
    println!("sidekick-emulator listening on {}", emu.base_url());
    println!("  TWILIO_ACCOUNT_SID={}", emu.account_sid());
    println!("  TWILIO_AUTH_TOKEN={}", emu.auth_token());
    println!("  TWILIO_API_KEY={}", emu.api_key_sid());
    println!("  TWILIO_API_SECRET={}", emu.api_key_secret());
    if emu.public_base_url() != emu.base_url() {
        println!("  links use {}", emu.public_base_url());
    }
    if !described.is_empty() {
        println!("  also serving: {}", described.join(", "));
    }
    for line in report {
        println!("{line}");
    }
    if emu.faults().pending() > 0 {
        println!("  faults pending: {}", emu.faults().pending());
    }
    println!("Press Ctrl-C to stop.");
    tokio::signal::ctrl_c().await?;
    emu.shutdown().await;
    println!("stopped");
    Ok(())
}

/// Serves every resource of a product of the generated bindings; returns the lines that say
/// how many were served, and which could not be, with why.
fn serve_product(emu: &Emulator, product: &str) -> Result<Vec<String>, String> {
    let mut registrar = emu.registrar();
    if sidekick::twilio::for_each_resource_of(product, &mut registrar) {
        let mut report = vec![format!("  {product}: {} resources served", registrar.served().len())];
        for (name, why) in registrar.skipped() {
            report.push(format!("  {product}: {name} not served: {why}"));
        }
        return Ok(report);
    }
    let known = sidekick::twilio::PRODUCTS.contains(&product.replace('-', "_").as_str());
    Err(match known {
        true => format!(
            "this build does not have `{product}`: build with `--features twilio` (cargo run -p sidekick-emulator --features twilio)"
        ),
        false => format!(
            "no Twilio product is named `{product}`; there are: {}",
            sidekick::twilio::PRODUCTS.join(", ")
        ),
    })
}

/// Refuses a fault route no served resource has, and a name several share without its home.
fn check_route(route: Route, registered: &[Route]) -> Result<(), String> {
    let Route::Operation { home, .. } = route else { return Ok(()) };
    let name = route.name();
    let matching: Vec<String> = registered
        .iter()
        .filter(|r| r.name() == name && (home.is_empty() || r.qualified_name() == route.qualified_name()))
        .map(|r| r.qualified_name())
        .collect();
    match matching.len() {
        0 => Err(format!("unknown route `{}`: no served resource has it", route.qualified_name())),
        1 => Ok(()),
        _ => Err(format!("`{name}` is the route of several resources; name one: {}", matching.join(", "))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn route(text: &str) -> Route {
        text.parse().unwrap()
    }

    #[test]
    fn fault_routes_must_name_one_served_operation() {
        let served = [route("fetch-thing@v1"), route("fetch-thing@v2"), route("list-widget@v1")];
        assert!(check_route(route("list-widget"), &served).is_ok());
        assert!(check_route(route("fetch-thing@v2"), &served).is_ok());
        assert!(check_route(route("fetch-room"), &served).is_ok(), "Video's routes are always served");
        let ambiguous = check_route(route("fetch-thing"), &served).unwrap_err();
        assert!(ambiguous.contains("fetch-thing@v1, fetch-thing@v2"), "{ambiguous}");
        let unknown = check_route(route("fetch-thing@v3"), &served).unwrap_err();
        assert!(unknown.contains("unknown route `fetch-thing@v3`"), "{unknown}");
    }

    #[test]
    fn debug_hides_the_secrets() {
        let args = Args::try_parse_from([
            "sidekick-emulator",
            "--account-sid",
            "AC00000000000000000000000000000001",
            "--auth-token",
            "hunter2-emulator-secret",
            "--api-key-sid",
            "SK00000000000000000000000000000001",
            "--api-key-secret",
            "hunter2-emulator-key-secret",
            "--public-url",
            "http://user:hunter2-emulator-url@emulator:4010",
            "--port",
            "4010",
            "--seed",
            "demo",
        ])
        .unwrap();
        for debug in [format!("{args:?}"), format!("{args:#?}")] {
            assert!(!debug.contains("hunter2"), "{debug}");
            for shown in
                ["AC00000000000000000000000000000001", "SK00000000000000000000000000000001", "4010", "Demo"]
            {
                assert!(debug.contains(shown), "missing {shown} in {debug}");
            }
        }
    }

    #[test]
    fn debug_shows_a_public_url_without_credentials() {
        let args =
            Args::try_parse_from(["sidekick-emulator", "--public-url", "http://emulator:4010"]).unwrap();
        assert!(format!("{args:?}").contains("http://emulator:4010"));
    }
}
