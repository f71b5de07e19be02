//! Behaviour hooks: where a real API does more than store fields (a message's status moving from
//! `queued` to `sent`, a participant found by identity, a kick that stamps `end_time`), a
//! registered resource's fake takes a small function in Rust.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

use crate::http::page_format::{ListQuery, ParamError};
use sidekick_runtime::Resource;

use crate::http::resources::{checked, pin_identity, resolve, resolve_scope};
use crate::registry::ServedResource;
use crate::shared::Shared;
use crate::world::World;
use crate::world::collection::Collection;
use crate::world::schema::TimestampStyle;

/// An object being created, changed or read, for a hook to adjust.
///
/// ```
/// use sidekick_emulator::{Change, HookError};
///
/// /// Twilio refuses to change a message's body once it is sent.
/// fn only_queued_bodies_change(change: &mut Change<'_>) -> Result<(), HookError> {
///     if change.param("Body").is_some() && change.get_str("status") != Some("queued") {
///         return Err(HookError::bad_request("Body", "only a queued message's body can change"));
///     }
///     Ok(())
/// }
/// # let _ = only_queued_bodies_change;
/// ```
pub struct Change<'a> {
    pub(crate) object: &'a mut Map<String, Value>,
    pub(crate) params: &'a [(String, Value)],
    /// The object as stored before an update's parameters were set.
    pub(crate) previous: Option<&'a Map<String, Value>>,
    pub(crate) scope: &'a [String],
    pub(crate) now: DateTime<Utc>,
    pub(crate) timestamps: TimestampStyle,
    pub(crate) status: Option<u16>,
    /// The rest of the world, for `on_create` and `on_update`.
    pub(crate) others: Option<Others<'a>>,
}

/// What a create or update hook may reach besides its own object.
pub(crate) struct Others<'a> {
    pub(crate) shared: &'a Shared,
    pub(crate) world: &'a mut World,
}

impl std::fmt::Debug for Change<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Change")
            .field("object", &self.object)
            .field("params", &self.params)
            .field("scope", &self.scope)
            .field("now", &self.now)
            .finish_non_exhaustive()
    }
}

impl Change<'_> {
    /// A field's value.
    pub fn get(&self, field: &str) -> Option<&Value> {
        self.object.get(field)
    }

    /// A field's value, if it is a string.
    pub fn get_str(&self, field: &str) -> Option<&str> {
        self.object.get(field).and_then(Value::as_str)
    }

    /// Sets a field (which the resource type must be able to read: the emulator checks it
    /// before storing).
    pub fn set(&mut self, field: &str, value: impl Into<Value>) {
        self.object.insert(field.to_owned(), value.into());
    }

    /// The object as it was stored before this update: `None` in a create or a read.
    pub fn previous(&self) -> Option<Stored<'_>> {
        self.previous.map(|object| Stored { object })
    }

    /// Undoes what this update's parameters set: every field as stored before it. A hook that
    /// honours only some parameters (Video updates nothing but a status) restores the object,
    /// then sets what it honours. In a create or a read, this changes nothing.
    pub fn restore_previous(&mut self) {
        if let Some(previous) = self.previous {
            self.object.clone_from(previous);
        }
    }

    /// A request parameter as sent (the last value of a repeated one); `None` when reading.
    pub fn param(&self, name: &str) -> Option<&str> {
        let (_, value) = self.params.iter().find(|(n, _)| n == name)?;
        match value {
            Value::Array(values) => values.last().and_then(Value::as_str),
            value => value.as_str(),
        }
    }

    /// The path arguments of the object's parents (`["RM..."]` for a room's participant).
    pub fn scope(&self) -> &[String] {
        self.scope
    }

    /// The emulator's clock when the change began.
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    /// `at` written as this resource writes its timestamps (RFC 3339, or RFC 2822 for
    /// Twilio's 2010 API).
    pub fn timestamp(&self, at: DateTime<Utc>) -> Value {
        Value::String(self.timestamps.format(at))
    }

    /// A timestamp field of the object, read in either style.
    pub fn get_time(&self, field: &str) -> Option<DateTime<Utc>> {
        TimestampStyle::parse(self.get_str(field)?)
    }

    /// Changes every stored `R` under `parents` with `each` (Video's room completion disconnects
    /// the room's participants), and returns how many it changed. `parents` are read as a path
    /// reads them (a room by its unique name, too). The changes are all checked against `R`
    /// before any is kept, so a refused one leaves every object as it was; the identifier and
    /// parents' fields stay as they were. Inside `each`, [`Change::find`] and `for_each` reach
    /// nothing.
    ///
    /// Only `on_create` and `on_update` hooks reach other objects: in `on_read`, and for an `R`
    /// that is not registered or parents that name nothing, this changes nothing and returns 0.
    ///
    /// ```
    /// # use sidekick_emulator::{Change, HookError};
    /// # #[derive(serde::Deserialize)] struct Participant {}
    /// # impl sidekick_runtime::Resource for Participant {
    /// #     type ListPaging = sidekick_runtime::MetaPaging;
    /// #     const NAME: &'static str = "Participant";
    /// #     const BASE_URL: &'static str = "https://video.twilio.com";
    /// #     const PATH: sidekick_runtime::PathTemplate = sidekick_runtime::PathTemplate::new(&["/Rooms/", "/Participants/", ""], &["room", "sid"]);
    /// #     const OPERATIONS: &'static [sidekick_runtime::Operation] = &[];
    /// # }
    /// fn complete(room: &mut Change<'_>) -> Result<(), HookError> {
    ///     if room.param("Status") == Some("completed") {
    ///         let sid = room.get_str("sid").unwrap_or_default().to_owned();
    ///         room.for_each::<Participant>(&[&sid], |participant| {
    ///             participant.set("status", "disconnected");
    ///         })?;
    ///     }
    ///     Ok(())
    /// }
    /// # let _ = complete;
    /// ```
    pub fn for_each<R: Resource>(
        &mut self,
        parents: &[&str],
        mut each: impl FnMut(&mut Change<'_>),
    ) -> Result<usize, HookError> {
        let Some(Others { shared, world }) = self.others.as_mut() else { return Ok(0) };
        let Some(resource) = shared.registry.of::<R>() else { return Ok(0) };
        let parents: Vec<String> = parents.iter().map(|p| (*p).to_owned()).collect();
        let Some(scope) = resolve_scope(shared, world, &resource, &parents) else { return Ok(0) };
        let records = world.collection(resource.key);
        let mut changed = Vec::new();
        for record in records.records_in_scope(&scope) {
            let mut object = record.object.clone();
            let mut change = Change {
                object: &mut object,
                params: &[],
                previous: Some(&record.object),
                scope: &scope,
                now: self.now,
                timestamps: resource.schema.timestamps,
                status: None,
                others: None,
            };
            each(&mut change);
            if object == record.object {
                continue;
            }
            pin_identity(&resource, &mut object, &scope, &record.id);
            let object =
                checked(&resource, object).map_err(|e| HookError::new(500, 20500, e.message().to_owned()))?;
            changed.push((record.id.clone(), object));
        }
        let count = changed.len();
        for (id, object) in changed {
            let alias = resource.hooks.alias_of(&object);
            records.replace(&scope, &id, object, alias);
        }
        Ok(count)
    }

    /// The stored `R` that `key` names under `parents`, as a path would: by its identifier
    /// first, else as its `also_known_as` hook finds it. `None` when there is none, when `R`
    /// is not registered, and in `on_read` hooks.
    pub fn find<R: Resource>(&mut self, parents: &[&str], key: &str) -> Option<Stored<'_>> {
        self.look_up::<R>(parents, |resource, records, scope| resolve(resource, records, scope, key))
    }

    /// The newest stored `R` under `parents` that its `also_known_as` hook says answers to
    /// `alias`, whatever the identifiers: Video refuses a room whose unique name an in-progress
    /// room has, even if that name is another room's SID. `None` as for [`Change::find`].
    pub fn find_by_alias<R: Resource>(&mut self, parents: &[&str], alias: &str) -> Option<Stored<'_>> {
        self.look_up::<R>(parents, |_, records, scope| records.find_alias(scope, alias).map(str::to_owned))
    }

    /// The stored `R` under `parents` whose identifier `find_id` gives.
    fn look_up<R: Resource>(
        &mut self,
        parents: &[&str],
        find_id: impl FnOnce(&ServedResource, &Collection, &[String]) -> Option<String>,
    ) -> Option<Stored<'_>> {
        let Others { shared, world } = self.others.as_mut()?;
        let resource = shared.registry.of::<R>()?;
        let scope: Vec<String> = parents.iter().map(|p| (*p).to_owned()).collect();
        let records = world.collection(resource.key);
        let id = find_id(&resource, records, &scope)?;
        records.get(&scope, &id).map(|record| Stored { object: &record.object })
    }

    /// Answers with this success status (200 to 299) instead of the operation's usual one
    /// (Video answers a kick with 202). Any other status is ignored: refuse with a
    /// [`HookError`] instead.
    pub fn answer_with(&mut self, status: u16) {
        if (200..300).contains(&status) {
            self.status = Some(status);
        }
    }
}

/// A stored object, as a lookup or a list filter reads it.
#[derive(Debug, Clone, Copy)]
pub struct Stored<'a> {
    pub(crate) object: &'a Map<String, Value>,
}

impl Stored<'_> {
    /// A field's value.
    pub fn get(&self, field: &str) -> Option<&Value> {
        self.object.get(field)
    }

    /// A field's value, if it is a string.
    pub fn get_str(&self, field: &str) -> Option<&str> {
        self.object.get(field).and_then(Value::as_str)
    }

    /// A timestamp field, read in either style.
    pub fn get_time(&self, field: &str) -> Option<DateTime<Utc>> {
        TimestampStyle::parse(self.get_str(field)?)
    }
}

/// A hook's refusal, answered in Twilio's error shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HookError {
    pub(crate) status: u16,
    pub(crate) code: u32,
    pub(crate) message: String,
}

impl HookError {
    /// An error with this HTTP status (400 to 599; anything else is answered as 500), Twilio
    /// error code and message.
    pub fn new(status: u16, code: u32, message: impl Into<String>) -> HookError {
        let status = if (400..600).contains(&status) { status } else { 500 };
        HookError { status, code, message: message.into() }
    }

    /// The HTTP status answered.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The Twilio error code in the body.
    pub fn code(&self) -> u32 {
        self.code
    }

    /// The message in the body.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// A 400 with code 20001 naming the parameter at fault.
    pub fn bad_request(param: &str, problem: &str) -> HookError {
        HookError::new(400, 20001, format!("Invalid {param}: {problem}"))
    }
}

impl std::fmt::Display for HookError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} (HTTP {}, code {})", self.message, self.status, self.code)
    }
}

impl std::error::Error for HookError {}

impl From<ParamError> for HookError {
    fn from(error: ParamError) -> HookError {
        HookError::bad_request(&error.param, &error.problem)
    }
}

/// A list's filter, made by a [`Registration::list_filter`](crate::Registration::list_filter)
/// hook from the request's query.
pub type Filter = Box<dyn Fn(Stored<'_>) -> bool + Send>;

/// Hooks run while the emulator's records are locked, on the server's one thread: keep them
/// quick, never block in them, and never call the emulator from one (it would deadlock).
pub(crate) type ChangeHook = Arc<dyn Fn(&mut Change<'_>) -> Result<(), HookError> + Send + Sync>;
pub(crate) type AliasHook = Arc<dyn Fn(Stored<'_>) -> Option<String> + Send + Sync>;
pub(crate) type FilterHook = Arc<dyn Fn(&ListQuery<'_>) -> Result<Filter, ParamError> + Send + Sync>;

/// The hooks of one registered resource.
#[derive(Clone, Default)]
pub(crate) struct Hooks {
    pub(crate) also_known_as: Option<AliasHook>,
    /// Whether a request's path reaches an object by its alias, when not every holder of an
    /// alias may be reached so (Video indexes reconnecting participants by identity for the
    /// simulation API, but paths find connected ones only).
    pub(crate) alias_reaches: Option<fn(Stored<'_>) -> bool>,
    pub(crate) on_create: Option<ChangeHook>,
    pub(crate) on_update: Option<ChangeHook>,
    pub(crate) on_read: Option<ChangeHook>,
    pub(crate) list_filter: Option<FilterHook>,
}

impl Hooks {
    /// The other key an object answers to now, by the `also_known_as` hook.
    pub(crate) fn alias_of(&self, object: &Map<String, Value>) -> Option<String> {
        self.also_known_as.as_ref().and_then(|alias| alias(Stored { object }))
    }

    pub(crate) fn names(&self) -> Vec<&'static str> {
        let set = [
            ("also_known_as", self.also_known_as.is_some()),
            ("on_create", self.on_create.is_some()),
            ("on_update", self.on_update.is_some()),
            ("on_read", self.on_read.is_some()),
            ("list_filter", self.list_filter.is_some()),
        ];
        set.into_iter().filter(|(_, on)| *on).map(|(name, _)| name).collect()
    }
}
