//! Lists: one-page access, streams of items and pages, and safe following of next pages
//! whatever the paging shape.

mod page_number;
mod shapes;

pub use page_number::{PageNumberMeta, PageNumberPaging};
pub use shapes::{
    MetaPaging, NextPage, PageMeta, Paging, RawPage, ScimPageMeta, ScimPaging, TokenPageMeta, TokenPaging,
    UriPageMeta, UriPaging,
};

use std::collections::HashSet;
use std::fmt;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use futures::stream::{self, Stream, StreamExt, TryStreamExt};
use reqwest::Url;
use serde::de::DeserializeOwned;

use crate::host::{normalize_base, origin_of};
use crate::request::{PreparedRequest, Request};
use crate::transport::CallOptions;
use crate::{Client, Error, Result, RetryPolicy};

/// Twilio's largest page.
pub const MAX_PAGE_SIZE: u32 = 1000;

/// One page of a list: its items and its paging fields (Twilio's `meta` by default).
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T, M = PageMeta> {
    /// The items (cut short at the list's limit).
    pub items: Vec<T>,
    /// The paging fields as the server sent them.
    pub meta: M,
}

/// A list request: filters are set; choose page size, limit or position, then read it as a
/// stream of items, a stream of pages, one page, or a `Vec`.
///
/// Nothing is sent until the result is polled. The first request carries the page size
/// (`min(limit, max)` when only a limit is set); later ones go where the paging shape `S`
/// says. Reading stops on the last page, or right after the `limit`-th item without another
/// request. A next page already fetched, or on another origin than the first request, ends
/// the stream with [`Error::Paging`]; credentials are never sent to another origin.
///
/// ```no_run
/// # extern crate sidekick_runtime as sidekick;
/// # use sidekick::{ListRequest, Result};
/// # async fn run<T: serde::de::DeserializeOwned + Send + 'static>(list: ListRequest<T>) -> Result<()> {
/// use futures::TryStreamExt;
/// let mut items = list.page_size(100).limit(250).stream();
/// while let Some(item) = items.try_next().await? {
///     # let _: T = item;
/// }
/// # Ok(()) }
/// ```
#[must_use = "a ListRequest does nothing until it is read"]
// No `S: Paging` bound here: a resource declaring a type that is not a paging shape then gets
// its error at that type (and one more where its list is read), not in its own signature.
pub struct ListRequest<T, S = MetaPaging> {
    client: Client,
    /// The first page's request (filters included), or why it could not be built.
    start: Result<Request>,
    page_size: Option<u32>,
    limit: Option<usize>,
    page_token: Option<String>,
    page: Option<u64>,
    options: CallOptions,
    item: PhantomData<fn() -> (T, S)>,
}

impl<T, S: Paging> ListRequest<T, S> {
    pub(crate) fn new(client: &Client, start: Result<Request>) -> Self {
        let start = start.and_then(|request| {
            check_filters_leave_paging_alone::<S>(&request.params.query)?;
            Ok(request)
        });
        ListRequest {
            client: client.clone(),
            start,
            page_size: None,
            limit: None,
            page_token: None,
            page: None,
            options: CallOptions::default(),
            item: PhantomData,
        }
    }

    /// Items per page, 1 to the API's maximum (anything else is an error, before sending).
    pub fn page_size(mut self, size: u32) -> Self {
        self.page_size = Some(size);
        self
    }

    /// Stop after this many items in all.
    pub fn limit(mut self, limit: usize) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Start at the page this token names (from [`PageMeta::next_page_token`]). An error, when
    /// read, for a paging shape without tokens.
    pub fn page_token(mut self, token: impl Into<String>) -> Self {
        self.page_token = Some(token.into());
        self
    }

    /// The page index sent with a page token (Twilio treats it as client state).
    pub fn page(mut self, page: u64) -> Self {
        self.page = Some(page);
        self
    }

    /// The account whose resources are listed, for a path with an account placeholder
    /// (instead of the client's account).
    pub fn account_sid(mut self, account_sid: impl Into<String>) -> Self {
        if let Ok(request) = &mut self.start {
            request.account = Some(account_sid.into());
        }
        self
    }

    /// The timeout of each page request (instead of the client's).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.options.timeout = Some(timeout);
        self
    }

    /// The retry policy of each page request (instead of the client's).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.options.retry = Some(policy);
        self
    }

    /// The first request, or why it cannot be sent.
    fn first_request(&mut self) -> Result<PreparedRequest> {
        let mut request =
            std::mem::replace(&mut self.start, Err(Error::Paging("list already started".into())))?;
        let query = &mut request.params.query;
        match (S::PAGE_SIZE_PARAM.filter(|_| S::MAX_PAGE_SIZE > 0), self.page_size, self.limit) {
            (None, Some(_), _) => {
                return Err(Error::invalid_input(format!(
                    "{}::list pages have no page size to set: remove page_size()",
                    request.resource
                )));
            }
            (None, None, _) | (Some(_), None, None) => {}
            (Some(param), Some(size), _) if (1..=S::MAX_PAGE_SIZE).contains(&size) => {
                query.push((param.to_owned(), size.to_string()));
            }
            (Some(_), Some(size), _) => {
                return Err(Error::invalid_input(format!(
                    "page size {size} is outside 1..={}",
                    S::MAX_PAGE_SIZE
                )));
            }
            (Some(param), None, Some(limit)) => {
                let size = limit.clamp(1, S::MAX_PAGE_SIZE as usize);
                query.push((param.to_owned(), size.to_string()));
            }
        }
        if let Some(page) = self.page {
            let Some(param) = S::PAGE_INDEX_PARAM else {
                return Err(Error::invalid_input(format!(
                    "{}::list pages without a page index: page() does not apply to it",
                    request.resource
                )));
            };
            query.push((param.to_owned(), page.to_string()));
        }
        if let Some(token) = self.page_token.take() {
            let Some(param) = S::TOKEN_PARAM else {
                return Err(Error::invalid_input(format!(
                    "{}::list pages without tokens: page_token() cannot resume it",
                    request.resource
                )));
            };
            query.push((param.to_owned(), token));
        }
        self.client.prepare(&request)
    }
}

/// Paging parameters belong to the list request: set in a filter too, they would be sent
/// twice with possibly different values.
fn check_filters_leave_paging_alone<S: Paging>(filters: &[(String, String)]) -> Result<()> {
    let reserved = S::RESERVED_PARAMS.iter().chain(S::PAGE_SIZE_PARAM.iter()).chain(S::TOKEN_PARAM.iter());
    let mut clash = reserved.filter(|name| filters.iter().any(|(key, _)| key == *name));
    match clash.next() {
        Some(key) => Err(Error::invalid_input(format!(
            "the list filter sets `{key}`, which paging controls: use the list request's page_size, page or page_token instead"
        ))),
        None => Ok(()),
    }
}

impl<T: DeserializeOwned + Send + 'static, S: Paging> ListRequest<T, S> {
    /// A stream of pages.
    pub fn pages(mut self) -> PageStream<T, S::Meta> {
        let base = self.start.as_ref().ok().map(|request| DeclaredBase::new(&self.client, request.base));
        let first = self.first_request();
        let pager = Pager::<T, S> {
            base,
            client: self.client,
            next: Some(first),
            fetched: HashSet::new(),
            remaining: self.limit,
            empty_pages: 0,
            options: self.options,
            item: PhantomData,
        };
        PageStream(Box::pin(stream::unfold(pager, |mut pager| async move {
            let page = pager.next_page().await?;
            Some((page, pager))
        })))
    }

    /// A stream of items, across pages.
    pub fn stream(self) -> ItemStream<T> {
        let items = self.pages().map_ok(|page| stream::iter(page.items.into_iter().map(Ok))).try_flatten();
        ItemStream(Box::pin(items))
    }

    /// Only the first page (honouring page size, token and limit).
    pub async fn first_page(self) -> Result<Page<T, S::Meta>> {
        let mut pages = self.pages();
        match pages.next().await {
            Some(page) => page,
            None => Ok(Page { items: Vec::new(), meta: S::Meta::default() }),
        }
    }

    /// Every item, across pages, up to the limit.
    ///
    /// Where the pages say how many items the list holds, the `Vec` is allocated once for
    /// them (up to the limit); otherwise it grows as `Vec`s do.
    pub async fn collect(self) -> Result<Vec<T>> {
        let limit = self.limit;
        let mut all = Vec::with_capacity(limit.unwrap_or(0).min(MAX_PAGE_SIZE as usize));
        let mut pages = self.pages();
        while let Some(page) = pages.try_next().await? {
            if all.is_empty() {
                let total = S::total(&page.meta).map(|total| usize::try_from(total).unwrap_or(usize::MAX));
                let capacity = exact_capacity(total, limit, page.items.len(), size_of::<T>());
                all.reserve_exact(capacity);
            }
            all.extend(page.items);
        }
        Ok(all)
    }
}

impl<T, S> fmt::Debug for ListRequest<T, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("ListRequest");
        match &self.start {
            Ok(r) => s.field("resource", &r.resource).field("path", &r.operation.path),
            Err(e) => s.field("error", e),
        };
        s.field("page_size", &self.page_size)
            .field("limit", &self.limit)
            .field("page", &self.page)
            .finish_non_exhaustive()
    }
}

/// The room `collect` makes after the first page, of `first_page` items of `item_size` bytes:
/// the list's `total` up to the `limit`. The total is the server's word, so a claim beyond a
/// hundred pages like the first, or beyond 16 MiB of items, is not taken up front: the `Vec`
/// then grows as items arrive.
fn exact_capacity(total: Option<usize>, limit: Option<usize>, first_page: usize, item_size: usize) -> usize {
    const MAX_UP_FRONT: usize = 16 << 20;
    let Some(total) = total else { return first_page };
    let wanted = total.min(limit.unwrap_or(usize::MAX)).max(first_page);
    let believable = wanted <= first_page.max(1).saturating_mul(100)
        && wanted.saturating_sub(first_page).saturating_mul(item_size.max(1)) <= MAX_UP_FRONT;
    if believable { wanted } else { first_page }
}

/// The state behind [`ListRequest::pages`].
struct Pager<T, S> {
    /// `None` only when the first request could not be built, so no page is ever followed.
    base: Option<DeclaredBase>,
    client: Client,
    /// The next request, an error to report, or `None` when done.
    next: Option<Result<PreparedRequest>>,
    fetched: HashSet<String>,
    remaining: Option<usize>,
    /// Empty pages in a row that still pointed to a next one.
    empty_pages: u32,
    options: CallOptions,
    item: PhantomData<fn() -> (T, S)>,
}

/// The resource's declared base URL, read once per list: next pages on it are routed where the
/// first page went (override or region/edge), and root-relative ones are resolved against it.
struct DeclaredBase {
    raw: &'static str,
    url: Option<Url>,
    /// Without a trailing slash, as URLs are compared with it.
    normalized: String,
    /// Where the client sends it.
    mapped: String,
}

impl DeclaredBase {
    fn new(client: &Client, raw: &'static str) -> Self {
        DeclaredBase {
            raw,
            url: Url::parse(raw).ok(),
            normalized: normalize_base(raw).unwrap_or_else(|_| raw.trim_end_matches('/').to_owned()),
            mapped: client.resolve_base_url(raw),
        }
    }
}

/// A list whose pages keep coming back empty yet point to more is not progressing: without a
/// bound, a server that mints a new next URL each time would be asked forever.
const MAX_EMPTY_PAGES: u32 = 3;

impl<T: DeserializeOwned, S: Paging> Pager<T, S> {
    async fn next_page(&mut self) -> Option<Result<Page<T, S::Meta>>> {
        if self.remaining == Some(0) {
            return None;
        }
        let request = match self.next.take()? {
            Ok(request) => request,
            Err(e) => return Some(Err(e)),
        };
        self.fetched.insert(request.url.as_str().to_owned());
        Some(self.fetch(&request).await)
    }

    async fn fetch(&mut self, request: &PreparedRequest) -> Result<Page<T, S::Meta>> {
        let success = self.client.execute(request, &self.options).await?;
        let raw = RawPage {
            url: &request.url,
            status: success.status,
            headers: &success.headers,
            body: &success.body,
        };
        let (mut items, meta) = S::decode::<T>(&raw, request.label.list_key)?;
        let next = S::next(&meta, &raw, items.len())?;
        self.empty_pages = if items.is_empty() && next.is_some() { self.empty_pages + 1 } else { 0 };
        self.next = next.map(|next| match self.empty_pages {
            n if n >= MAX_EMPTY_PAGES => Err(Error::Paging(format!(
                "{n} empty pages of {} in a row still pointed to more; stopping",
                request.label.template
            ))),
            _ => self.follow(request, next),
        });
        if let Some(remaining) = &mut self.remaining {
            items.truncate(*remaining);
            *remaining -= items.len();
        }
        Ok(Page { items, meta })
    }

    /// The request for the next page, if it is safe to send: not fetched before, and on the
    /// origin the credentials are meant for. A URL on the resource's declared base (Twilio
    /// answers with its canonical host) is routed through the same override or region/edge
    /// mapping as the first request.
    fn follow(&self, current: &PreparedRequest, next: NextPage) -> Result<PreparedRequest> {
        let Some(base) = &self.base else {
            return Err(Error::Paging("the list has no first request to follow".into()));
        };
        let url = match next {
            NextPage::Url(next) => {
                // A path from the root (v2010's `next_page_uri`) is relative to the API's own
                // origin, which the declared base names; the mapping then sends it where the
                // first page went, keeping an override's path prefix.
                let root_relative = next.starts_with('/') && !next.starts_with("//");
                let against = base.url.as_ref().filter(|_| root_relative).unwrap_or(&current.url);
                let url = against
                    .join(&next)
                    .map_err(|e| Error::Paging(format!("the next page's URL is not valid: {e}")))?;
                map_declared_base(base, url)?
            }
            NextPage::Query(params) => with_query(&current.url, &params),
        };
        // Messages name origins and templates only: list URLs carry filters such as phone
        // numbers.
        let (next_origin, current_origin) = (origin_of(&url), origin_of(&current.url));
        if next_origin != current_origin {
            if base.url.as_ref().is_some_and(|declared| origin_of(declared) == next_origin) {
                return Err(Error::Paging(format!(
                    "the next page is on the API's origin but outside `{}`, the base the client's override maps; \
                     not following it",
                    base.raw
                )));
            }
            return Err(Error::Paging(format!(
                "the next page is on `{next_origin}`, another origin than `{current_origin}`; not following it"
            )));
        }
        if self.fetched.contains(url.as_str()) {
            return Err(Error::Paging(format!(
                "the next page of {} was already fetched; the server is looping",
                current.label.template
            )));
        }
        Ok(current.with_url(url))
    }
}

/// `url` routed like the first page when it is on the declared base (Twilio answers with its
/// canonical host even behind an override or a region).
fn map_declared_base(base: &DeclaredBase, url: Url) -> Result<Url> {
    match url.as_str().strip_prefix(&base.normalized) {
        Some(rest) if base.normalized != base.mapped && rest.starts_with(['/', '?']) => {
            Url::parse(&format!("{}{rest}", base.mapped))
                .map_err(|e| Error::Paging(format!("the next page's URL could not be mapped: {e}")))
        }
        _ => Ok(url),
    }
}

/// `url` with `params` set, replacing any query parameters of the same names.
fn with_query(url: &Url, params: &[(String, String)]) -> Url {
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| !params.iter().any(|(name, _)| name == k))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let mut next = url.clone();
    next.query_pairs_mut().clear().extend_pairs(kept.iter().chain(params));
    next
}

type BoxedStream<X> = Pin<Box<dyn Stream<Item = Result<X>> + Send>>;

/// A stream of [`Page`]s; `Send`, `Unpin`, and lazy.
pub struct PageStream<T, M = PageMeta>(BoxedStream<Page<T, M>>);

/// A stream of items across pages; `Send`, `Unpin`, and lazy.
pub struct ItemStream<T>(BoxedStream<T>);

impl<T, M> Stream for PageStream<T, M> {
    type Item = Result<Page<T, M>>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.0.as_mut().poll_next(cx)
    }
}

impl<T> Stream for ItemStream<T> {
    type Item = Result<T>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.0.as_mut().poll_next(cx)
    }
}

impl<T, M> fmt::Debug for PageStream<T, M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PageStream")
    }
}

impl<T> fmt::Debug for ItemStream<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ItemStream")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collect_allocates_for_a_believable_total_once() {
        assert_eq!(exact_capacity(Some(5000), None, 50, 256), 5000);
        assert_eq!(exact_capacity(Some(5000), Some(120), 50, 256), 120);
        // Fewer than the page already holds, or no total: the page's own size.
        assert_eq!(exact_capacity(Some(10), None, 50, 256), 50);
        assert_eq!(exact_capacity(None, Some(120), 50, 256), 50);
        // A total no honest first page would announce is not allocated for.
        assert_eq!(exact_capacity(Some(usize::MAX), None, 50, 256), 50);
        assert_eq!(exact_capacity(Some(1 << 40), Some(1 << 30), 1000, 256), 1000);
        assert_eq!(exact_capacity(Some(7), None, 0, 256), 7);
        // A page of a million tiny items claiming a hundred times more: not 50 GB up front.
        assert_eq!(exact_capacity(Some(100_000_000), None, 1_000_000, 500), 1_000_000);
        assert_eq!(exact_capacity(Some(60_000), None, 1000, 256), 60_000);
        assert_eq!(exact_capacity(Some(100_000), None, 1000, 256), 1000);
    }

    #[test]
    fn query_cursors_replace_their_parameter_and_keep_the_rest() {
        let url =
            Url::parse("https://numbers.twilio.com/v1/Porting/PortIn/PortInRequests?Size=2&Token=KW1&A=b")
                .unwrap();
        let next = with_query(&url, &[("Token".into(), "KW2".into())]);
        assert_eq!(
            next.as_str(),
            "https://numbers.twilio.com/v1/Porting/PortIn/PortInRequests?Size=2&A=b&Token=KW2"
        );
    }
}
