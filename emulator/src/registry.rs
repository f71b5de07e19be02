//! Resources registered by type: what the emulator serves for each, and the one route table
//! from which request routing, fault routes and `Allow` headers derive.

use std::any::TypeId;
use std::marker::PhantomData;
use std::sync::{Arc, PoisonError, RwLock};

use percent_encoding::percent_decode_str;
use sidekick_runtime::{
    HttpMethod, MetaPaging, Operation, OperationKind, PageNumberPaging, Paging, PathTemplate, Resource,
    ScimPaging, TokenPaging, UriPaging,
};

use crate::faults::Route;
use crate::hooks::{Change, Filter, HookError, Hooks, Stored};
use crate::http::page_format::{ListQuery, PageFormat, PageRequest, PageResponse, ParamError, ServedPage};
use crate::http::values::snake_case;
use crate::world::schema::Schema;

/// How the emulator serves one resource type: its SID prefix and how request parameters name
/// its fields. [`Emulator::register`](crate::Emulator::register) uses the defaults;
/// [`Emulator::register_with`](crate::Emulator::register_with) takes one of these.
///
/// ```
/// # use sidekick_emulator::Registration;
/// # #[derive(serde::Deserialize)] struct Message { sid: String, body: Option<String> }
/// # impl sidekick_runtime::Resource for Message {
/// #     type ListPaging = sidekick_runtime::MetaPaging;
/// #     const NAME: &'static str = "Message";
/// #     const BASE_URL: &'static str = "https://api.twilio.com";
/// #     const PATH: sidekick_runtime::PathTemplate = sidekick_runtime::PathTemplate::new(&["/Messages/", ""], &["sid"]);
/// #     const OPERATIONS: &'static [sidekick_runtime::Operation] = &[];
/// # }
/// // SIDs like SM0000...0001, and `Text=...` stored in `body`.
/// let registration = Registration::<Message>::new().sid_prefix("SM").param("Text", "body");
/// # let _ = registration;
/// ```
pub struct Registration<R> {
    pub(crate) sid_prefix: Option<String>,
    pub(crate) params: Vec<(String, String)>,
    page_format: Option<Formats>,
    links: Vec<(String, String)>,
    accepts: Option<Vec<String>>,
    hooks: Hooks,
    marker: PhantomData<fn() -> R>,
}

impl<R> Default for Registration<R> {
    fn default() -> Self {
        Registration {
            sid_prefix: None,
            params: Vec::new(),
            page_format: None,
            links: Vec::new(),
            accepts: None,
            hooks: Hooks::default(),
            marker: PhantomData,
        }
    }
}

impl<R> std::fmt::Debug for Registration<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Registration")
            .field("sid_prefix", &self.sid_prefix)
            .field("params", &self.params)
            .field("hooks", &self.hooks.names())
            .finish_non_exhaustive()
    }
}

/// Registering a type again (a `static` emulator shared by tests, say) keeps the first
/// registration, whatever the later one says.
impl<R> Registration<R> {
    /// The defaults: SIDs prefixed with the type's declared prefix
    /// ([`Resource::SID_PREFIX`](sidekick_runtime::Resource::SID_PREFIX), from
    /// `#[resource(sid_prefix = "RM")]`), else with the first two letters of its name in
    /// capitals; and parameters named like their fields in PascalCase (`FriendlyName` sets
    /// `friendly_name`).
    pub fn new() -> Self {
        Registration::default()
    }

    /// The two letters (or more) that start this resource's SIDs, such as `SM` for messages,
    /// over what the type declares.
    pub fn sid_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.sid_prefix = Some(prefix.into());
        self
    }

    /// The request parameter `param` sets the field `field` (instead of the field its name
    /// gives by convention).
    pub fn param(mut self, param: impl Into<String>, field: impl Into<String>) -> Self {
        self.params.push((param.into(), field.into()));
        self
    }

    /// Another key an object answers to in paths, for as long as this returns it: a fetch,
    /// update or delete (or a path beneath) whose identifier names no object reaches the newest
    /// object answering to it. Video finds a connected participant by identity, and an
    /// in-progress room by unique name. The keys are indexed, so the lookup costs no scan.
    ///
    /// ```
    /// # use sidekick_emulator::Registration;
    /// # struct Participant;
    /// let by_identity = Registration::<Participant>::new().also_known_as(|stored| {
    ///     let connected = stored.get_str("status") == Some("connected");
    ///     stored.get_str("identity").filter(|_| connected).map(str::to_owned)
    /// });
    /// # let _ = by_identity;
    /// ```
    pub fn also_known_as(
        mut self,
        alias: impl Fn(Stored<'_>) -> Option<String> + Send + Sync + 'static,
    ) -> Self {
        self.hooks.also_known_as = Some(Arc::new(alias));
        self
    }

    /// Hooks run while the records are locked, on the server's thread: keep them quick, do not
    /// block, and do not call the emulator from one (that would deadlock). The identifier and
    /// the parents' fields are written back after every hook: they say where the object lives.
    ///
    /// Runs on a new object after its parameters are set and before it is stored: fill in
    /// what the API decides, or refuse with a [`HookError`]. Seeded objects
    /// ([`Emulator::insert`](crate::Emulator::insert)) go through it too.
    ///
    /// ```
    /// # use sidekick_emulator::Registration;
    /// # struct Message;
    /// let queued = Registration::<Message>::new().on_create(|message| {
    ///     message.set("status", "queued");
    ///     Ok(())
    /// });
    /// # let _ = queued;
    /// ```
    pub fn on_create(
        mut self,
        hook: impl Fn(&mut Change<'_>) -> Result<(), HookError> + Send + Sync + 'static,
    ) -> Self {
        self.hooks.on_create = Some(Arc::new(hook));
        self
    }

    /// Runs on an updated object after its parameters are set and before it is stored.
    pub fn on_update(
        mut self,
        hook: impl Fn(&mut Change<'_>) -> Result<(), HookError> + Send + Sync + 'static,
    ) -> Self {
        self.hooks.on_update = Some(Arc::new(hook));
        self
    }

    /// Runs on a stored object before it is served by a fetch or a list, with the emulator's
    /// clock: for state that moves with time (a message `sent` a second after it was
    /// `queued`). What it changes is stored.
    pub fn on_read(
        mut self,
        hook: impl Fn(&mut Change<'_>) -> Result<(), HookError> + Send + Sync + 'static,
    ) -> Self {
        self.hooks.on_read = Some(Arc::new(hook));
        self
    }

    /// Makes a list's filter from its query, beside the default equality filters: for
    /// default filters (Video lists in-progress rooms unless asked otherwise) and for
    /// parameters that name no field (`DateCreatedAfter`).
    pub fn list_filter(
        mut self,
        make: impl Fn(&ListQuery<'_>) -> Result<Filter, ParamError> + Send + Sync + 'static,
    ) -> Self {
        self.hooks.list_filter = Some(Arc::new(make));
        self
    }

    /// The request parameters the API reads, in creates, updates and list filters; any other
    /// is ignored, as Twilio ignores parameters it does not know (and a field such as
    /// `account_sid` cannot be set by sending `AccountSid`). By default every field has its
    /// parameter. Hooks see every parameter sent, whatever this says.
    ///
    /// ```
    /// # use sidekick_emulator::Registration;
    /// # struct Room;
    /// let room = Registration::<Room>::new().accepts(&["UniqueName", "Type", "Status"]);
    /// # let _ = room;
    /// ```
    pub fn accepts(mut self, params: &[&str]) -> Self {
        self.accepts = Some(params.iter().map(|p| (*p).to_owned()).collect());
        self
    }

    /// Objects link to `segment` beneath their own path under the name `name` (in `links`, or
    /// `subresource_uris`), though nothing registered serves it: a Video room links to its
    /// `recordings`. Lists of registered resources beneath are linked without this.
    ///
    /// ```
    /// # use sidekick_emulator::Registration;
    /// # struct Room;
    /// let room = Registration::<Room>::new().link("recordings", "Recordings");
    /// # let _ = room;
    /// ```
    pub fn link(mut self, name: impl Into<String>, segment: impl Into<String>) -> Self {
        self.links.push((name.into(), segment.into()));
        self
    }

    /// Paths reach an object by its alias only while `reaches` says so.
    pub(crate) fn alias_reaches(mut self, reaches: fn(Stored<'_>) -> bool) -> Self {
        self.hooks.alias_reaches = Some(reaches);
        self
    }

    /// The wire form of the list's pages, for a paging shape that is not one of sidekick's
    /// (those the emulator knows).
    pub fn page_format<F: PageFormat>(mut self) -> Self {
        self.page_format = Some(Formats::of::<F>());
        self
    }
}

/// A [`PageFormat`] as plain functions.
#[derive(Clone, Copy)]
pub(crate) struct Formats {
    request: fn(&ListQuery<'_>) -> Result<PageRequest, ParamError>,
    response: fn(ServedPage<'_>) -> PageResponse,
    /// Whether the wire form reads [`ServedPage::offset`] and [`ServedPage::total`], which
    /// cost a count of the whole list.
    counted: bool,
}

impl Formats {
    pub(crate) fn of<F: PageFormat>() -> Formats {
        Formats { request: F::page_request, response: F::page_response, counted: true }
    }

    /// Twilio's `meta` and token shapes say nothing of a page's place in the list, so serving
    /// one costs only the page: paging through a list stays linear.
    pub(crate) fn without_counts(self) -> Formats {
        Formats { counted: false, ..self }
    }

    /// The format of one of sidekick's shapes.
    fn built_in<S: Paging>() -> Option<Formats> {
        let shape = TypeId::of::<S>();
        let known = [
            (TypeId::of::<MetaPaging>(), Formats::of::<MetaPaging>().without_counts()),
            (TypeId::of::<UriPaging>(), Formats::of::<UriPaging>()),
            (TypeId::of::<TokenPaging>(), Formats::of::<TokenPaging>().without_counts()),
            (TypeId::of::<ScimPaging>(), Formats::of::<ScimPaging>()),
            (TypeId::of::<PageNumberPaging>(), Formats::of::<PageNumberPaging>()),
        ];
        known.into_iter().find(|(id, _)| *id == shape).map(|(_, formats)| formats)
    }
}

/// The server's side of a paging shape, as plain functions.
pub(crate) struct PagingCodec {
    pub(crate) request: fn(&ListQuery<'_>) -> Result<PageRequest, ParamError>,
    pub(crate) response: fn(ServedPage<'_>) -> PageResponse,
    /// Query parameters that page rather than filter.
    pub(crate) reserved: Vec<&'static str>,
    /// Whether pages carry their offset and the list's total.
    pub(crate) counted: bool,
}

impl PagingCodec {
    pub(crate) fn new<S: Paging>(formats: Formats) -> PagingCodec {
        let mut reserved: Vec<&'static str> = S::RESERVED_PARAMS.to_vec();
        reserved.extend([S::PAGE_SIZE_PARAM, S::TOKEN_PARAM, S::PAGE_INDEX_PARAM].into_iter().flatten());
        PagingCodec {
            request: formats.request,
            response: formats.response,
            reserved,
            counted: formats.counted,
        }
    }
}

/// What identifies a registered resource: its Rust type, or the name a description gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum ResourceKey {
    Type(TypeId),
    Described(&'static str),
}

/// A registered resource, its type erased.
pub(crate) struct ServedResource {
    pub(crate) key: ResourceKey,
    pub(crate) name: &'static str,
    /// Where it lives (`video.v1`), which tells apart resources of the same name.
    pub(crate) home: &'static str,
    /// The instance path, which `url` fields render.
    pub(crate) instance: PathTemplate,
    pub(crate) operations: Vec<Operation>,
    pub(crate) schema: Schema,
    pub(crate) sid_prefix: String,
    /// Request parameter renames (`param`, `field`).
    pub(crate) params: Vec<(String, String)>,
    pub(crate) paging: PagingCodec,
    /// Links to lists nothing registered serves: (`name`, path segment).
    pub(crate) links: Vec<(String, String)>,
    /// The request parameters read, when not every field's.
    pub(crate) accepts: Option<Vec<String>>,
    pub(crate) hooks: Hooks,
}

impl ServedResource {
    pub(crate) fn new<R: Resource>(registration: Registration<R>) -> Result<ServedResource, String> {
        if R::OPERATIONS.is_empty() {
            return Err("it declares no operations".into());
        }
        let has_list = R::OPERATIONS.iter().any(|op| op.kind == OperationKind::List);
        let formats = match registration.page_format.or_else(Formats::built_in::<R::ListPaging>) {
            Some(formats) => formats,
            None if !has_list => Formats::of::<MetaPaging>(),
            None => {
                return Err(format!(
                    "its list pages in `{}`, which is not one of sidekick's shapes: give its wire form with \
                     Registration::page_format",
                    std::any::type_name::<R::ListPaging>()
                ));
            }
        };
        check_paths(&R::PATH, R::OPERATIONS)?;
        let schema = Schema::of::<R>()?;
        let given = registration.sid_prefix.or_else(|| R::SID_PREFIX.map(str::to_owned));
        let sid_prefix = sid_prefix(given, R::NAME)?;
        for (param, field) in &registration.params {
            if schema.field(field).is_none() {
                return Err(format!(
                    "the parameter `{param}` names `{field}`, which is not one of its fields"
                ));
            }
        }
        Ok(ServedResource {
            key: ResourceKey::Type(TypeId::of::<R>()),
            name: R::NAME,
            home: home_of::<R>(),
            instance: R::PATH,
            operations: R::OPERATIONS.to_vec(),
            schema,
            sid_prefix,
            params: registration.params,
            paging: PagingCodec::new::<R::ListPaging>(formats),
            links: registration.links,
            accepts: registration.accepts,
            hooks: registration.hooks,
        })
    }

    /// The fault route of one of its operations.
    pub(crate) fn route(&self, operation: OperationKind) -> Route {
        Route::operation(self.name, operation, self.home)
    }

    /// Whether the instance path ends in an identifier (`/Messages/<sid>.json`) rather than
    /// naming a singleton (`/Services/<sid>/Configuration`).
    pub(crate) fn has_identifier(&self) -> bool {
        ends_in_identifier(&self.instance)
    }

    /// How many path arguments name the parents: those before the identifier.
    pub(crate) fn parent_count(&self) -> usize {
        parent_count(&self.instance)
    }

    /// Whether `path` (another resource's instance or list path) continues this resource's
    /// objects' paths: `/v1/Rooms/<room>/Participants` under `/v1/Rooms/<sid>`. Only objects
    /// with an identifier and no suffix but `.json` have paths beneath them.
    pub(crate) fn is_ancestor_of(&self, path: &PathTemplate) -> bool {
        let own = self.instance.literals();
        let depth = self.instance.params().len();
        self.has_identifier()
            && depth > 0
            && matches!(own[depth], "" | ".json")
            && path.params().len() >= depth
            && path.literals()[..depth] == own[..depth]
    }

    /// The field that holds the identifier: the instance path's last placeholder if it is a
    /// field, else `sid` if that is.
    pub(crate) fn id_field(&self) -> Option<&'static str> {
        let placeholder = self.instance.params().last().copied().filter(|_| self.has_identifier());
        placeholder.into_iter().chain(["sid"]).find_map(|name| self.schema.field(name).map(|f| f.name))
    }
}

/// Checks that every operation addresses what the instance path does: create and list the
/// parents' collection (a create may address the object itself, naming its identifier), the
/// others the object itself. Records are stored by those arguments.
pub(crate) fn check_paths(instance: &PathTemplate, operations: &[Operation]) -> Result<(), String> {
    let parents = parent_count(instance);
    for op in operations {
        let expected = match op.kind {
            OperationKind::Create | OperationKind::List => parents,
            _ => instance.params().len(),
        };
        // A create may name the new object's identifier in its path.
        let at_path = op.kind == OperationKind::Create && op.path.params().len() == instance.params().len();
        if op.path.params().len() != expected && !at_path {
            return Err(format!(
                "its {} path {} has {} placeholder(s) where the instance path {instance} implies {expected}",
                op.kind.as_str(),
                op.path,
                op.path.params().len()
            ));
        }
    }
    Ok(())
}

/// Whether an instance path ends in an identifier, possibly with a suffix (`<sid>.json`),
/// rather than in a literal segment (a singleton's `/Configuration`).
fn ends_in_identifier(instance: &PathTemplate) -> bool {
    let last = instance.literals().last().copied().unwrap_or("");
    !instance.params().is_empty() && !last.contains('/')
}

/// How many of an instance path's arguments name its parents.
fn parent_count(instance: &PathTemplate) -> usize {
    instance.params().len() - usize::from(ends_in_identifier(instance))
}

/// The SID prefix given, checked, or else the name's first two letters in capitals.
pub(crate) fn sid_prefix(given: Option<String>, name: &str) -> Result<String, String> {
    match given {
        Some(prefix) if prefix.is_empty() || !prefix.bytes().all(|b| b.is_ascii_alphanumeric()) => {
            Err(format!("the SID prefix {prefix:?} must be letters or digits"))
        }
        Some(prefix) => Ok(prefix),
        None => {
            let letters: String = name.chars().filter(char::is_ascii_alphabetic).take(2).collect();
            // A name without ASCII letters still needs a prefix that can sit in a path.
            Ok(if letters.is_empty() { "ID".to_owned() } else { letters.to_uppercase() })
        }
    }
}

/// A request matched to a registered operation.
#[derive(Clone)]
pub(crate) struct Matched {
    pub(crate) resource: Arc<ServedResource>,
    pub(crate) operation: Operation,
    /// The path arguments, percent-decoded, in template order.
    pub(crate) args: Vec<String>,
}

/// What the route table says about a method and path. The intake middleware routes a request
/// once and leaves this in its extensions for the handler.
#[derive(Clone)]
pub(crate) enum Routing {
    Matched(Matched),
    /// The path is served, but not with this method: these are.
    OtherMethods(Vec<HttpMethod>),
    NotServed,
}

/// The registered resources.
#[derive(Default)]
pub(crate) struct Registry {
    resources: RwLock<Vec<Arc<ServedResource>>>,
}

impl Registry {
    /// Adds `resource`, unless its type is registered already (then nothing changes: tests that
    /// share an emulator may each register what they use). A path another resource serves with
    /// the same method is refused.
    pub(crate) fn add(&self, resource: ServedResource) -> Result<(), String> {
        let mut resources = self.resources.write().unwrap_or_else(PoisonError::into_inner);
        if resources.iter().any(|r| r.key == resource.key) {
            return Ok(());
        }
        for existing in resources.iter() {
            if snake_case(existing.name) == snake_case(resource.name) && existing.home == resource.home {
                return Err(format!(
                    "another registered resource is named {} and lives at {}: their fault routes and request \
                     counts would mix",
                    existing.name, existing.home
                ));
            }
            for op in &resource.operations {
                let clash = existing
                    .operations
                    .iter()
                    .find(|other| other.method == op.method && other.path.literals() == op.path.literals());
                if let Some(other) = clash {
                    return Err(format!(
                        "its {} ({} {}) is served already, as {}'s {}",
                        op.kind.as_str(),
                        op.method,
                        op.path,
                        existing.name,
                        other.kind.as_str()
                    ));
                }
            }
        }
        resources.push(Arc::new(resource));
        Ok(())
    }

    /// The registration of the resource type `R`.
    pub(crate) fn of<R: Resource>(&self) -> Option<Arc<ServedResource>> {
        self.get(ResourceKey::Type(TypeId::of::<R>()))
    }

    pub(crate) fn get(&self, key: ResourceKey) -> Option<Arc<ServedResource>> {
        let resources = self.resources.read().unwrap_or_else(PoisonError::into_inner);
        resources.iter().find(|r| r.key == key).cloned()
    }

    /// The registered resource whose objects hold `resource`'s at `depth` parents down (a room,
    /// at depth 1, for participants), if any.
    pub(crate) fn parent_at(&self, resource: &ServedResource, depth: usize) -> Option<Arc<ServedResource>> {
        let resources = self.resources.read().unwrap_or_else(PoisonError::into_inner);
        resources
            .iter()
            .find(|parent| {
                parent.instance.params().len() == depth && parent.is_ancestor_of(&resource.instance)
            })
            .cloned()
    }

    pub(crate) fn all(&self) -> Vec<Arc<ServedResource>> {
        self.resources.read().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// Routes `method` and `path` (the raw, percent-encoded path, trailing slash trimmed).
    pub(crate) fn route(&self, method: &str, path: &str) -> Routing {
        let resources = self.resources.read().unwrap_or_else(PoisonError::into_inner);
        let mut best: Option<(usize, Matched)> = None;
        let mut other_methods = Vec::new();
        for resource in resources.iter() {
            for op in &resource.operations {
                let Some(args) = match_path(&op.path, path) else { continue };
                if op.method.as_str() != method {
                    if !other_methods.contains(&op.method) {
                        other_methods.push(op.method);
                    }
                    continue;
                }
                // The most literal text wins: `/Rooms/Recordings` over `/Rooms/<sid>`.
                let weight: usize = op.path.literals().iter().map(|l| l.len()).sum();
                if best.as_ref().is_none_or(|(w, _)| weight > *w) {
                    let matched = Matched { resource: Arc::clone(resource), operation: *op, args };
                    best = Some((weight, matched));
                }
            }
        }
        match best {
            Some((_, matched)) => Routing::Matched(matched),
            None if !other_methods.is_empty() => {
                // In the order the methods are declared (GET, POST, ...), whatever the order of
                // registration.
                other_methods.sort_by_key(|method| *method as u8);
                Routing::OtherMethods(other_methods)
            }
            None => Routing::NotServed,
        }
    }
}

/// The arguments of `path` if it is an instance of `template`. A placeholder takes a whole
/// segment, less a suffix the template puts after it (`<sid>.json`); arguments are
/// percent-decoded and must be UTF-8 and non-empty.
pub(crate) fn match_path(template: &PathTemplate, path: &str) -> Option<Vec<String>> {
    let literals = template.literals();
    let mut rest = path.strip_prefix(literals[0])?;
    let mut args = Vec::with_capacity(template.params().len());
    for literal in &literals[1..] {
        let segment = &rest[..rest.find('/').unwrap_or(rest.len())];
        let suffix = literal.split('/').next().unwrap_or("");
        let raw = segment.strip_suffix(suffix)?;
        if raw.is_empty() {
            return None;
        }
        args.push(percent_decode_str(raw).decode_utf8().ok()?.into_owned());
        rest = rest[raw.len()..].strip_prefix(literal)?;
    }
    rest.is_empty().then_some(args)
}

/// Where a resource type lives, to tell apart resources of the same name: its host's first
/// label and its path's first segment (`video.v1` for `https://video.twilio.com` and
/// `/v1/Rooms/<sid>`).
pub(crate) fn home_of<R: Resource>() -> &'static str {
    let host = R::BASE_URL.split_once("://").map_or(R::BASE_URL, |(_, rest)| rest);
    let label = host.split(['.', '/', ':']).next().unwrap_or("");
    crate::intern::intern(&home(label, R::PATH.literals()[0]))
}

/// A home from a host label (empty for a resource described without one) and a path.
pub(crate) fn home(label: &str, path: &str) -> String {
    let segment = path.trim_start_matches('/').split('/').next().unwrap_or("");
    match (label.is_empty(), segment.is_empty()) {
        (true, _) => segment.to_owned(),
        (false, true) => label.to_owned(),
        (false, false) => format!("{label}.{segment}"),
    }
}

/// The fault route name of a registered operation: `create-message`, `list-issues`...
pub(crate) fn operation_route_name(resource: &str, kind: OperationKind) -> String {
    let mut name = String::from(kind.as_str());
    name.push('-');
    name.push_str(&snake_case(resource).replace('_', "-"));
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    const MESSAGE: PathTemplate =
        PathTemplate::new(&["/2010-04-01/Accounts/", "/Messages/", ".json"], &["account_sid", "sid"]);
    const PARTICIPANT: PathTemplate =
        PathTemplate::new(&["/v1/Rooms/", "/Participants/", ""], &["room", "sid"]);
    const ROOMS: PathTemplate = PathTemplate::new(&["/v1/Rooms"], &[]);

    #[test]
    fn placeholders_take_whole_segments_less_the_suffix() {
        assert_eq!(
            match_path(&MESSAGE, "/2010-04-01/Accounts/AC1/Messages/SM2.json").unwrap(),
            ["AC1", "SM2"]
        );
        assert_eq!(match_path(&PARTICIPANT, "/v1/Rooms/R/Participants/a%2Fb").unwrap(), ["R", "a/b"]);
        assert_eq!(match_path(&ROOMS, "/v1/Rooms").unwrap(), Vec::<String>::new());
    }

    #[test]
    fn anything_else_does_not_match() {
        for path in [
            "/2010-04-01/Accounts/AC1/Messages/SM2",
            "/2010-04-01/Accounts/AC1/Messages/.json",
            "/2010-04-01/Accounts//Messages/SM2.json",
            "/2010-04-01/Accounts/AC1/Messages/SM2.json/x",
        ] {
            assert_eq!(match_path(&MESSAGE, path), None, "{path}");
        }
        assert_eq!(match_path(&PARTICIPANT, "/v1/Rooms/R/Participants/%FF"), None);
        assert_eq!(match_path(&PARTICIPANT, "/v1/Rooms/R/Participants"), None);
        assert_eq!(match_path(&ROOMS, "/v1/Rooms/RM1"), None);
    }

    #[test]
    fn homes_are_the_host_label_and_the_first_segment() {
        assert_eq!(home("video", "/v1/Rooms/"), "video.v1");
        assert_eq!(home("api", "/2010-04-01/Accounts/"), "api.2010-04-01");
        assert_eq!(home("", "/v1/Notes/"), "v1");
        assert_eq!(home("localhost", "/"), "localhost");
    }

    #[test]
    fn route_names_are_kebab_case() {
        assert_eq!(
            operation_route_name("IncomingPhoneNumber", OperationKind::List),
            "list-incoming-phone-number"
        );
    }
}
