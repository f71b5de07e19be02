//! Lists: one-page access, streams of items and pages, and safe `next_page_url` following.

use std::collections::HashSet;
use std::fmt;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use futures::stream::{self, Stream, StreamExt, TryStreamExt};
use reqwest::{Method, Url};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::host::{normalize_base, origin_of};
use crate::request::PreparedRequest;
use crate::transport::CallOptions;
use crate::{Client, Error, Result, RetryPolicy, decode};

/// Twilio's largest page.
pub const MAX_PAGE_SIZE: u32 = 1000;

/// Twilio's paging block: `{"page", "page_size", "first_page_url", "previous_page_url", "url",
/// "next_page_url", "key"}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PageMeta {
    /// The page index (client state only).
    pub page: Option<u64>,
    /// The page size the server used.
    pub page_size: Option<u64>,
    /// The first page of the same list.
    pub first_page_url: Option<String>,
    /// The page before this one.
    pub previous_page_url: Option<String>,
    /// This page.
    pub url: Option<String>,
    /// The page after this one; `None` on the last page.
    pub next_page_url: Option<String>,
    /// The key of the items array.
    pub key: Option<String>,
}

impl PageMeta {
    /// The `PageToken` of the next page, for resuming later with [`ListRequest::page_token`].
    ///
    /// ```
    /// let meta = sidekick_runtime::PageMeta {
    ///     next_page_url: Some("https://video.twilio.com/v1/Rooms?PageSize=50&Page=1&PageToken=PARM12".into()),
    ///     ..Default::default()
    /// };
    /// assert_eq!(meta.next_page_token().as_deref(), Some("PARM12"));
    /// ```
    pub fn next_page_token(&self) -> Option<String> {
        let url = Url::parse(self.next_page_url.as_deref()?).ok()?;
        url.query_pairs().find(|(k, _)| k == "PageToken").map(|(_, v)| v.into_owned())
    }
}

/// One page of a list: its items and Twilio's `meta`.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    /// The items (cut short at the list's limit).
    pub items: Vec<T>,
    /// The paging block as the server sent it.
    pub meta: PageMeta,
}

/// A list request: filters are set; choose page size, limit or position, then read it as a
/// stream of items, a stream of pages, one page, or a `Vec`.
///
/// Nothing is sent until the result is polled. The first request carries `PageSize`
/// (`min(limit, 1000)` when only a limit is set); later ones follow `meta.next_page_url`.
/// Reading stops when it is null, or right after the `limit`-th item without another
/// request. A `next_page_url` already fetched, or on another origin than the first request,
/// ends the stream with [`Error::Paging`]; credentials are never sent to another origin.
///
/// ```no_run
/// # use sidekick_runtime::{ListRequest, Result};
/// # async fn run<T: serde::de::DeserializeOwned + Send + 'static>(list: ListRequest<T>) -> Result<()> {
/// use futures::TryStreamExt;
/// let mut items = list.page_size(100).limit(250).stream();
/// while let Some(item) = items.try_next().await? {
///     # let _: T = item;
/// }
/// # Ok(()) }
/// ```
#[must_use = "a ListRequest does nothing until it is read"]
pub struct ListRequest<T> {
    client: Client,
    base: &'static str,
    key: &'static str,
    /// The rendered list path and the encoded filters, or why they could not be built.
    start: Result<(String, String)>,
    page_size: Option<u32>,
    limit: Option<usize>,
    page_token: Option<String>,
    page: Option<u64>,
    options: CallOptions,
    item: PhantomData<fn() -> T>,
}

impl<T> ListRequest<T> {
    pub(crate) fn new(
        client: &Client,
        base: &'static str,
        key: &'static str,
        start: Result<(String, String)>,
    ) -> Self {
        ListRequest {
            client: client.clone(),
            base,
            key,
            start,
            page_size: None,
            limit: None,
            page_token: None,
            page: None,
            options: CallOptions::default(),
            item: PhantomData,
        }
    }

    /// Items per page, 1 to 1000 (anything else is an error, before sending).
    pub fn page_size(mut self, size: u32) -> Self {
        self.page_size = Some(size);
        self
    }

    /// Stop after this many items in all.
    pub fn limit(mut self, limit: usize) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Start at the page this token names (from [`PageMeta::next_page_token`]).
    pub fn page_token(mut self, token: impl Into<String>) -> Self {
        self.page_token = Some(token.into());
        self
    }

    /// The page index sent with a page token (Twilio treats it as client state).
    pub fn page(mut self, page: u64) -> Self {
        self.page = Some(page);
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
        let (path, filters) =
            std::mem::replace(&mut self.start, Err(Error::Paging("list already started".into())))?;
        let page_size = match (self.page_size, self.limit) {
            (Some(size @ 1..=MAX_PAGE_SIZE), _) => Some(size),
            (Some(size), _) => {
                return Err(Error::invalid_input(format!("page size {size} is outside 1..={MAX_PAGE_SIZE}")));
            }
            (None, Some(limit)) => Some(limit.clamp(1, MAX_PAGE_SIZE as usize) as u32),
            (None, None) => None,
        };
        let paging = [
            ("PageSize", page_size.map(|s| s.to_string())),
            ("Page", self.page.map(|p| p.to_string())),
            ("PageToken", self.page_token.take()),
        ];
        let paging: Vec<(&str, String)> = paging.into_iter().filter_map(|(k, v)| Some((k, v?))).collect();
        let paging = serde_urlencoded::to_string(&paging).map_err(|e| Error::invalid_input(e.to_string()))?;
        let query = match (filters.is_empty(), paging.is_empty()) {
            (_, true) => filters,
            (true, false) => paging,
            (false, false) => format!("{filters}&{paging}"),
        };
        self.client.prepare(Method::GET, self.base, &path, &query, None)
    }
}

/// Paging parameters belong to the list request: set in a filter too, they would be sent
/// twice with possibly different values.
pub(crate) fn check_filters_leave_paging_alone(filters: &[(String, String)]) -> Result<()> {
    match filters.iter().find(|(key, _)| matches!(key.as_str(), "PageSize" | "Page" | "PageToken")) {
        Some((key, _)) => Err(Error::invalid_input(format!(
            "the list filter sets `{key}`, which paging controls: use the list request's page_size, page or page_token instead"
        ))),
        None => Ok(()),
    }
}

impl<T: DeserializeOwned + Send + 'static> ListRequest<T> {
    /// A stream of pages.
    pub fn pages(mut self) -> PageStream<T> {
        let first = self.first_request();
        let pager = Pager {
            declared_base: normalize_base(self.base)
                .unwrap_or_else(|_| self.base.trim_end_matches('/').to_owned()),
            mapped_base: self.client.resolve_base_url(self.base),
            client: self.client,
            key: self.key,
            next: Some(first),
            fetched: HashSet::new(),
            remaining: self.limit,
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
    pub async fn first_page(self) -> Result<Page<T>> {
        let mut pages = self.pages();
        match pages.next().await {
            Some(page) => page,
            None => Ok(Page { items: Vec::new(), meta: PageMeta::default() }),
        }
    }

    /// Every item, across pages, up to the limit.
    pub async fn collect(self) -> Result<Vec<T>> {
        let mut all = Vec::with_capacity(self.limit.unwrap_or(0).min(MAX_PAGE_SIZE as usize));
        let mut pages = self.pages();
        while let Some(page) = pages.try_next().await? {
            all.extend(page.items);
        }
        Ok(all)
    }
}

impl<T> fmt::Debug for ListRequest<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ListRequest")
            .field("base", &self.base)
            .field("start", &self.start)
            .field("page_size", &self.page_size)
            .field("limit", &self.limit)
            .field("page", &self.page)
            .finish_non_exhaustive()
    }
}

/// The state behind [`ListRequest::pages`].
struct Pager<T> {
    client: Client,
    key: &'static str,
    declared_base: String,
    mapped_base: String,
    /// The next request, an error to report, or `None` when done.
    next: Option<Result<PreparedRequest>>,
    fetched: HashSet<String>,
    remaining: Option<usize>,
    options: CallOptions,
    item: PhantomData<fn() -> T>,
}

impl<T: DeserializeOwned> Pager<T> {
    async fn next_page(&mut self) -> Option<Result<Page<T>>> {
        if self.remaining == Some(0) {
            return None;
        }
        let request = match self.next.take()? {
            Ok(request) => request,
            Err(e) => return Some(Err(e)),
        };
        self.fetched.insert(request.url.as_str().to_owned());
        let page = self.fetch(&request).await;
        if let Ok(page) = &page {
            self.next = page.meta.next_page_url.as_deref().map(|next| self.follow(&request.url, next));
        }
        Some(page)
    }

    async fn fetch(&mut self, request: &PreparedRequest) -> Result<Page<T>> {
        let success = self.client.execute(request, &self.options).await?;
        let (mut items, meta) = decode::page::<T>(success.status, &success.body, self.key)?;
        if let Some(remaining) = &mut self.remaining {
            items.truncate(*remaining);
            *remaining -= items.len();
        }
        Ok(Page { items, meta })
    }

    /// The request for `next`, if it is safe to send: not fetched before, and on the origin the
    /// credentials are meant for. A URL on the declared base (Twilio may answer with its
    /// canonical host) is routed through the same override or region/edge mapping.
    fn follow(&self, current: &Url, next: &str) -> Result<PreparedRequest> {
        let url = current
            .join(next)
            .map_err(|e| Error::Paging(format!("next_page_url `{next}` is not a valid URL: {e}")))?;
        let url = match url.as_str().strip_prefix(&self.declared_base) {
            Some(rest) if self.declared_base != self.mapped_base && rest.starts_with(['/', '?']) => {
                Url::parse(&format!("{}{rest}", self.mapped_base))
                    .map_err(|e| Error::Paging(format!("next_page_url `{next}` could not be mapped: {e}")))?
            }
            _ => url,
        };
        if origin_of(&url) != origin_of(current) {
            return Err(Error::Paging(format!(
                "next_page_url `{url}` is on another origin than `{}`; not following it",
                origin_of(current)
            )));
        }
        if self.fetched.contains(url.as_str()) {
            return Err(Error::Paging(format!(
                "next_page_url `{url}` was already fetched; the server is looping"
            )));
        }
        Ok(PreparedRequest { method: Method::GET, url, form: None, idempotent: true })
    }
}

/// A stream of [`Page`]s; `Send`, `Unpin`, and lazy.
pub struct PageStream<T>(Pin<Box<dyn Stream<Item = Result<Page<T>>> + Send>>);

/// A stream of items across pages; `Send`, `Unpin`, and lazy.
pub struct ItemStream<T>(Pin<Box<dyn Stream<Item = Result<T>> + Send>>);

impl<T> Stream for PageStream<T> {
    type Item = Result<Page<T>>;

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

impl<T> fmt::Debug for PageStream<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PageStream")
    }
}

impl<T> fmt::Debug for ItemStream<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ItemStream")
    }
}
