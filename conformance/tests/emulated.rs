//! Every product of the generated bindings, served by the emulator and used through sidekick's
//! own client. Each product gets an emulator of its own, since several share paths
//! (`/v1/Services`). Every resource the emulator can serve is served; every one that can be
//! created at the top of its API, or directly under the account (Twilio's 2010 API), is
//! created, fetched and listed, and each answer is read as the resource's Rust type.

use serde_json::Value;
use sidekick::twilio::{PRODUCTS, for_each_resource_of};
use sidekick::{Client, OperationKind, Resource, ResourceVisitor, RetryPolicy};
use sidekick_emulator::{Emulator, Registrar};

/// The resources the emulator cannot serve, and why that is right.
const NOT_SERVED: [(&str, &str); 3] = [
    // Two descriptions of `POST /v1/token`; the first is served.
    ("iam", "Token"),
    // Listed at their own instance path: a report whose rows are listed under its identifier.
    ("insights", "Inbound"),
    ("insights", "Outbound"),
];

/// Creates, fetches and lists each resource it visits that has a create at the top of its API
/// or directly under the account.
struct RoundTrip<'a> {
    emulator: &'a Emulator,
    runtime: &'a tokio::runtime::Runtime,
    done: Vec<&'static str>,
    failures: Vec<String>,
}

impl RoundTrip<'_> {
    fn client<R: Resource>(&self) -> Client {
        Client::builder()
            .auth_token(self.emulator.account_sid(), self.emulator.auth_token())
            .base_url_override(R::BASE_URL, self.emulator.base_url())
            .retry_policy(RetryPolicy::none())
            .build()
            .expect("a client")
    }

    /// How many placeholders a create at the top, or under the account, has (the client fills
    /// in the account); `None` for other creates.
    fn depth<R: Resource>() -> Option<usize> {
        let create = R::OPERATIONS.iter().find(|op| op.kind == OperationKind::Create)?;
        match create.path.params() {
            [] => Some(0),
            ["account_sid"] => Some(1),
            _ => None,
        }
    }

    async fn exercise<R: Resource>(&self, client: &Client, depth: usize) -> Result<(), String> {
        let created: Value =
            sidekick::call_returning::<R, (), Value>(client, OperationKind::Create, &[], &())
                .await
                .map_err(|e| format!("create: {e}"))?;
        serde_json::from_value::<R>(created.clone()).map_err(|e| format!("created JSON as the type: {e}"))?;
        let fetch = R::OPERATIONS.iter().find(|op| op.kind == OperationKind::Fetch);
        // Fetched by its identifier, where its JSON carries it (a few resources' do not).
        let id_field =
            fetch.filter(|op| op.path.params().len() == depth + 1).and_then(|op| op.path.params().last());
        let id = id_field
            .and_then(|field| created.get(*field).or_else(|| created.get("sid")))
            .and_then(Value::as_str);
        if let Some(id) = id {
            sidekick::call::<R, ()>(client, OperationKind::Fetch, &[id], &())
                .await
                .map_err(|e| format!("fetch: {e}"))?;
        }
        if R::OPERATIONS.iter().any(|op| op.kind == OperationKind::List && op.path.params().len() == depth) {
            let listed = sidekick::list::<R, (), R::ListPaging>(client, &[], &())
                .collect()
                .await
                .map_err(|e| format!("list: {e}"))?;
            if listed.len() != 1 {
                return Err(format!("list: {} items, not the one created", listed.len()));
            }
        }
        Ok(())
    }
}

impl ResourceVisitor for RoundTrip<'_> {
    fn visit<R: Resource>(&mut self) {
        let Some(depth) = Self::depth::<R>().filter(|_| self.emulator.serves::<R>()) else { return };
        let client = self.client::<R>();
        match self.runtime.block_on(self.exercise::<R>(&client, depth)) {
            Ok(()) => self.done.push(R::NAME),
            Err(why) => self.failures.push(format!("{}: {why}", R::NAME)),
        }
    }
}

#[test]
fn every_product_is_served_and_round_trips() {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
    let (mut served, mut round_trips, mut failures) = (0, 0, Vec::new());
    for product in PRODUCTS {
        let emulator = Emulator::spawn().expect("an emulator");
        let mut registrar: Registrar<'_> = emulator.registrar();
        assert!(for_each_resource_of(product, &mut registrar), "{product} is in this build");
        served += registrar.served().len();
        for (name, why) in registrar.skipped() {
            if !NOT_SERVED.contains(&(product, name)) {
                failures.push(format!("{product}: {name} is not served: {why}"));
            }
        }
        let mut round_trip =
            RoundTrip { emulator: &emulator, runtime: &runtime, done: Vec::new(), failures: Vec::new() };
        for_each_resource_of(product, &mut round_trip);
        round_trips += round_trip.done.len();
        failures.extend(round_trip.failures.into_iter().map(|f| format!("{product}: {f}")));
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
    // Every generated resource but the three above.
    assert_eq!(served, 513);
    assert_eq!(round_trips, 135);
    eprintln!("{served} resources served, {round_trips} created, fetched and listed");
}
