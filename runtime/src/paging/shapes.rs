//! Paging shapes: how a list's pages say where the next one is. Four are built in; an API
//! with another shape implements [`Paging`] for a type of its own.

use reqwest::header::HeaderMap;
use reqwest::{StatusCode, Url};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::decode::{self, MetaFrom};
use crate::{Error, Result};

/// One answer of a list request, as a [`Paging`] shape reads it.
#[derive(Debug, Clone, Copy)]
pub struct RawPage<'a> {
    /// The URL this page was requested from (with the query the list sent).
    pub url: &'a Url,
    /// The status (a 2xx).
    pub status: StatusCode,
    /// The answer's headers (a `Link` header, say).
    pub headers: &'a HeaderMap,
    /// The body.
    pub body: &'a [u8],
}

impl RawPage<'_> {
    /// The value of a query parameter of the request, such as the cursor or offset sent.
    pub fn query_param(&self, name: &str) -> Option<String> {
        self.url.query_pairs().find(|(k, _)| k == name).map(|(_, v)| v.into_owned())
    }

    /// Decodes the whole body as `X`; a failure names the JSON path of the field at fault.
    pub fn json<X: DeserializeOwned>(&self) -> Result<X> {
        decode::json(self.status, self.body)
    }

    /// Decodes the items under `key` straight into a `Vec`, and the object under `meta_field`
    /// as `M` (Twilio's `{"participants": [...], "meta": {...}}`).
    pub fn items_and_field<T: DeserializeOwned, M: DeserializeOwned>(
        &self,
        key: &str,
        meta_field: &str,
    ) -> Result<(Vec<T>, M)> {
        decode::page(self.status, self.body, key, MetaFrom::Field(meta_field), false)
    }

    /// Decodes the items under `key` straight into a `Vec`, and every other top-level field as
    /// `M` (v2010's `{"messages": [...], "next_page_uri": ..., "page": ...}`).
    pub fn items_and_rest<T: DeserializeOwned, M: DeserializeOwned>(&self, key: &str) -> Result<(Vec<T>, M)> {
        decode::page(self.status, self.body, key, MetaFrom::Rest, false)
    }

    /// Like [`items_and_rest`](Self::items_and_rest), but a page without `key` has no items
    /// (SCIM leaves `Resources` out when nothing matches).
    pub fn optional_items_and_rest<T: DeserializeOwned, M: DeserializeOwned>(
        &self,
        key: &str,
    ) -> Result<(Vec<T>, M)> {
        decode::page(self.status, self.body, key, MetaFrom::Rest, true)
    }
}

/// Where the next page is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextPage {
    /// At this URL: absolute, or relative to the page just read (`/2010-04-01/...?Page=2`).
    /// It must be on the same origin as the first page, or paging stops with an error.
    Url(String),
    /// The request just sent, with these query parameters set (replacing any of the same
    /// names): a cursor (`Token=...`) or an offset (`startIndex=51`).
    Query(Vec<(String, String)>),
}

/// A list's paging shape: how to ask for a page size and how to find the next page.
///
/// The generic pager keeps every guarantee for every shape: a next page already fetched is an
/// error (no loops), a next page on another origin is refused and never sees credentials,
/// and `limit` stops without another request. A shape only reads pages:
///
/// ```
/// # extern crate sidekick_runtime as sidekick;
/// use serde::de::DeserializeOwned;
/// use sidekick::{NextPage, Paging, RawPage, Result};
///
/// /// A bare JSON array, with the next page in a `Link: <...>; rel="next"` header.
/// struct LinkHeader;
///
/// impl Paging for LinkHeader {
///     type Meta = ();
///     const PAGE_SIZE_PARAM: Option<&'static str> = Some("per_page");
///     const MAX_PAGE_SIZE: u32 = 100;
///
///     fn decode<T: DeserializeOwned>(page: &RawPage<'_>, _key: &str) -> Result<(Vec<T>, ())> {
///         Ok((page.json()?, ()))
///     }
///
///     fn next(_: &(), page: &RawPage<'_>, _items: usize) -> Result<Option<NextPage>> {
///         let link = page.headers.get("link").and_then(|v| v.to_str().ok()).unwrap_or("");
///         let next = link.split(',').find(|l| l.contains(r#"rel="next""#));
///         let url = next.and_then(|l| l.split(['<', '>']).nth(1));
///         Ok(url.map(|u| NextPage::Url(u.to_owned())))
///     }
/// }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a paging shape",
    label = "not a paging shape",
    note = "use a built-in shape (`paging = \"meta\"`, `\"next_page_uri\"`, `\"token\"`, `\"scim\"`, `\"page_number\"`) or implement `sidekick::Paging` for `{Self}`"
)]
pub trait Paging: Send + 'static {
    /// The paging fields of a page, as [`Page::meta`](crate::Page::meta) gives them.
    type Meta: std::fmt::Debug + Default + Send + 'static;

    /// The query parameter that asks for a page size, if the API has one.
    const PAGE_SIZE_PARAM: Option<&'static str> = Some("PageSize");
    /// The largest page size the API accepts.
    const MAX_PAGE_SIZE: u32 = 1000;
    /// The query parameter that resumes a list from a token, if the API has one.
    const TOKEN_PARAM: Option<&'static str> = None;
    /// The query parameter of the page index sent beside a token, if the API has one.
    const PAGE_INDEX_PARAM: Option<&'static str> = None;
    /// Query parameters the shape itself sends, which a list filter must not set.
    const RESERVED_PARAMS: &'static [&'static str] = &[];

    /// Decodes one page: its items (under `key`, where the shape has a key) and its meta.
    fn decode<T: DeserializeOwned>(page: &RawPage<'_>, key: &str) -> Result<(Vec<T>, Self::Meta)>;

    /// Where the next page is, or `None` on the last page. `items` is how many items this page
    /// had (before any `limit` cut it short).
    fn next(meta: &Self::Meta, page: &RawPage<'_>, items: usize) -> Result<Option<NextPage>>;

    /// How many items the whole list holds, where a page says (SCIM's `totalResults`), so
    /// that [`ListRequest::collect`](crate::ListRequest::collect) allocates for them at once.
    fn total(meta: &Self::Meta) -> Option<u64> {
        let _ = meta;
        None
    }
}

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
    /// The `PageToken` of the next page, for resuming later with
    /// [`ListRequest::page_token`](crate::ListRequest::page_token).
    ///
    /// ```
    /// # extern crate sidekick_runtime as sidekick;
    /// let meta = sidekick::PageMeta {
    ///     next_page_url: Some("https://video.twilio.com/v1/Rooms?PageSize=50&Page=1&PageToken=PARM12".into()),
    ///     ..Default::default()
    /// };
    /// assert_eq!(meta.next_page_token().as_deref(), Some("PARM12"));
    /// ```
    pub fn next_page_token(&self) -> Option<String> {
        page_token_of(self.next_page_url.as_deref()?)
    }
}

fn page_token_of(url: &str) -> Option<String> {
    // Relative URIs (v2010) are read against a placeholder origin; only the query matters.
    let url = reqwest::Url::parse("https://placeholder.invalid").ok()?.join(url).ok()?;
    url.query_pairs().find(|(k, _)| k == "PageToken").map(|(_, v)| v.into_owned())
}

/// Twilio's v1+ APIs: items under the list key, paging in `meta`, the next page at
/// `meta.next_page_url` (absolute). Sends `PageSize`, resumes with `PageToken`.
#[derive(Debug, Clone, Copy, Default)]
pub struct MetaPaging;

impl Paging for MetaPaging {
    type Meta = PageMeta;
    const TOKEN_PARAM: Option<&'static str> = Some("PageToken");
    const PAGE_INDEX_PARAM: Option<&'static str> = Some("Page");
    const RESERVED_PARAMS: &'static [&'static str] = &["PageSize", "Page", "PageToken"];

    fn decode<T: DeserializeOwned>(page: &RawPage<'_>, key: &str) -> Result<(Vec<T>, PageMeta)> {
        page.items_and_field(key, "meta")
    }

    fn next(meta: &PageMeta, _: &RawPage<'_>, _: usize) -> Result<Option<NextPage>> {
        // An empty URL is the last page too, as some servers send it.
        Ok(meta.next_page_url.clone().filter(|url| !url.is_empty()).map(NextPage::Url))
    }
}

/// The paging fields of Twilio's 2010 API (`api.twilio.com/2010-04-01`), at the top level of
/// each page beside the items.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct UriPageMeta {
    /// The page index.
    pub page: Option<u64>,
    /// The page size the server used.
    pub page_size: Option<u64>,
    /// The index of the first item of this page.
    pub start: Option<u64>,
    /// The index of the last item of this page.
    pub end: Option<u64>,
    /// This page, relative to the API's origin.
    pub uri: Option<String>,
    /// The first page, relative.
    pub first_page_uri: Option<String>,
    /// The page before this one, relative.
    pub previous_page_uri: Option<String>,
    /// The page after this one, relative; `None` on the last page.
    pub next_page_uri: Option<String>,
}

impl UriPageMeta {
    /// The `PageToken` of the next page, for resuming later with
    /// [`ListRequest::page_token`](crate::ListRequest::page_token).
    pub fn next_page_token(&self) -> Option<String> {
        page_token_of(self.next_page_uri.as_deref()?)
    }
}

/// Twilio's 2010 API: items under the list key, the next page at the top-level
/// `next_page_uri`, a URI relative to the API's origin. Sends `PageSize`, resumes with
/// `PageToken`.
#[derive(Debug, Clone, Copy, Default)]
pub struct UriPaging;

impl Paging for UriPaging {
    type Meta = UriPageMeta;
    const TOKEN_PARAM: Option<&'static str> = Some("PageToken");
    const PAGE_INDEX_PARAM: Option<&'static str> = Some("Page");
    const RESERVED_PARAMS: &'static [&'static str] = &["PageSize", "Page", "PageToken"];

    fn decode<T: DeserializeOwned>(page: &RawPage<'_>, key: &str) -> Result<(Vec<T>, UriPageMeta)> {
        page.items_and_rest(key)
    }

    fn next(meta: &UriPageMeta, _: &RawPage<'_>, _: usize) -> Result<Option<NextPage>> {
        Ok(meta.next_page_uri.clone().filter(|uri| !uri.is_empty()).map(NextPage::Url))
    }
}

/// The paging block of token-paged lists: `meta.next_token` and `meta.previous_token`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TokenPageMeta {
    /// The token of the next page; `None` on the last page.
    pub next_token: Option<String>,
    /// The token of the previous page.
    pub previous_token: Option<String>,
}

/// Cursor-paged Twilio lists (Numbers' port-in requests): paging in `meta`, the next page
/// asked for by sending `meta.next_token` back as `Token`. Sends the page size as `Size`,
/// at most 100.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokenPaging;

impl Paging for TokenPaging {
    type Meta = TokenPageMeta;
    const PAGE_SIZE_PARAM: Option<&'static str> = Some("Size");
    const MAX_PAGE_SIZE: u32 = 100;
    const TOKEN_PARAM: Option<&'static str> = Some("Token");
    const RESERVED_PARAMS: &'static [&'static str] = &["Size", "Token"];

    fn decode<T: DeserializeOwned>(page: &RawPage<'_>, key: &str) -> Result<(Vec<T>, TokenPageMeta)> {
        page.items_and_field(key, "meta")
    }

    fn next(meta: &TokenPageMeta, _: &RawPage<'_>, _: usize) -> Result<Option<NextPage>> {
        let token = meta.next_token.clone().filter(|t| !t.is_empty());
        Ok(token.zip(Self::TOKEN_PARAM).map(|(token, param)| NextPage::Query(vec![(param.into(), token)])))
    }
}

/// The paging fields of a SCIM list response (RFC 7644 §3.4.2).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ScimPageMeta {
    /// How many resources match, across all pages.
    pub total_results: Option<u64>,
    /// The 1-based index of this page's first resource.
    pub start_index: Option<u64>,
    /// How many resources this page holds.
    pub items_per_page: Option<u64>,
    /// The response's schema URIs.
    pub schemas: Vec<String>,
}

/// SCIM lists (RFC 7644): items under `Resources`, the next page asked for with
/// `startIndex` while fewer than `totalResults` were seen. Sends the page size as `count`.
/// A page without `startIndex` (Twilio's leave it out) starts where the request said.
#[derive(Debug, Clone, Copy, Default)]
pub struct ScimPaging;

impl Paging for ScimPaging {
    type Meta = ScimPageMeta;
    const PAGE_SIZE_PARAM: Option<&'static str> = Some("count");
    const RESERVED_PARAMS: &'static [&'static str] = &["count", "startIndex"];

    fn decode<T: DeserializeOwned>(page: &RawPage<'_>, key: &str) -> Result<(Vec<T>, ScimPageMeta)> {
        page.optional_items_and_rest(key)
    }

    fn total(meta: &ScimPageMeta) -> Option<u64> {
        meta.total_results
    }

    fn next(meta: &ScimPageMeta, page: &RawPage<'_>, items: usize) -> Result<Option<NextPage>> {
        let (Some(total), true) = (meta.total_results, items > 0) else { return Ok(None) };
        let sent = page.query_param("startIndex").and_then(|s| s.parse::<u64>().ok());
        let start = meta.start_index.or(sent).unwrap_or(1).max(1);
        let next = start
            .checked_add(items as u64)
            .ok_or_else(|| Error::Paging(format!("SCIM startIndex {start} overflows")))?;
        Ok((next <= total).then(|| NextPage::Query(vec![("startIndex".into(), next.to_string())])))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(body: &str) -> (HeaderMap, Vec<u8>) {
        (HeaderMap::new(), body.as_bytes().to_vec())
    }

    fn url(text: &str) -> Url {
        Url::parse(text).unwrap()
    }

    #[test]
    fn v2010_pages_read_top_level_uris() {
        let first = url("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json");
        let (headers, body) = raw(
            r#"{"messages": [{"sid": "SM1"}], "next_page_uri": "/2010-04-01/Accounts/AC1/Messages.json?Page=1&PageSize=1&PageToken=PASM1", "page": 0, "page_size": 1, "start": 0, "end": 0, "uri": "/x", "first_page_uri": "/x", "previous_page_uri": null}"#,
        );
        let page = RawPage { url: &first, status: StatusCode::OK, headers: &headers, body: &body };
        let (items, meta) = UriPaging::decode::<serde_json::Value>(&page, "messages").unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(meta.page_size, Some(1));
        assert_eq!(meta.next_page_token().as_deref(), Some("PASM1"));
        let next = UriPaging::next(&meta, &page, 1).unwrap();
        let last = UriPageMeta { next_page_uri: Some(String::new()), ..UriPageMeta::default() };
        assert_eq!(UriPaging::next(&last, &page, 1).unwrap(), None);
        let last = PageMeta { next_page_url: Some(String::new()), ..PageMeta::default() };
        assert_eq!(MetaPaging::next(&last, &page, 1).unwrap(), None);
        assert_eq!(
            next,
            Some(NextPage::Url(
                "/2010-04-01/Accounts/AC1/Messages.json?Page=1&PageSize=1&PageToken=PASM1".into()
            ))
        );
    }

    #[test]
    fn token_pages_send_the_token_back() {
        let first = url("https://numbers.twilio.com/v1/Porting/PortIn/PortInRequests?Size=1");
        let (headers, body) =
            raw(r#"{"port_in_requests": [{}], "meta": {"next_token": "KW2", "previous_token": null}}"#);
        let page = RawPage { url: &first, status: StatusCode::OK, headers: &headers, body: &body };
        let (items, meta) = TokenPaging::decode::<serde_json::Value>(&page, "port_in_requests").unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(
            TokenPaging::next(&meta, &page, 1).unwrap(),
            Some(NextPage::Query(vec![("Token".into(), "KW2".into())]))
        );
        let last = TokenPageMeta { next_token: None, previous_token: Some("KW1".into()) };
        assert_eq!(TokenPaging::next(&last, &page, 1).unwrap(), None);
    }

    #[test]
    fn scim_pages_advance_start_index_until_total() {
        let first = url("https://preview-iam.twilio.com/Organizations/OR1/scim/Users?count=2");
        let (headers, body) = raw(
            r#"{"Resources": [{}, {}], "totalResults": 5, "startIndex": 1, "itemsPerPage": 2, "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"]}"#,
        );
        let page = RawPage { url: &first, status: StatusCode::OK, headers: &headers, body: &body };
        let (items, meta) = ScimPaging::decode::<serde_json::Value>(&page, "Resources").unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(
            ScimPaging::next(&meta, &page, 2).unwrap(),
            Some(NextPage::Query(vec![("startIndex".into(), "3".into())]))
        );
        let last = ScimPageMeta { total_results: Some(5), start_index: Some(5), ..ScimPageMeta::default() };
        assert_eq!(ScimPaging::next(&last, &page, 1).unwrap(), None);
        let empty = ScimPageMeta { total_results: Some(5), start_index: Some(3), ..ScimPageMeta::default() };
        assert_eq!(ScimPaging::next(&empty, &page, 0).unwrap(), None, "an empty page must not loop");
        let (headers, body) =
            raw(r#"{"totalResults": 0, "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"]}"#);
        let empty = RawPage { url: &first, status: StatusCode::OK, headers: &headers, body: &body };
        let (items, meta) = ScimPaging::decode::<serde_json::Value>(&empty, "Resources").unwrap();
        assert!(items.is_empty());
        assert_eq!(ScimPaging::next(&meta, &empty, 0).unwrap(), None);
        let no_total = ScimPageMeta::default();
        assert_eq!(ScimPaging::next(&no_total, &page, 2).unwrap(), None);

        // Twilio's pages leave startIndex out: the offset sent is where the page started.
        let second = url("https://preview-iam.twilio.com/Organizations/OR1/scim/Users?count=2&startIndex=3");
        let page = RawPage { url: &second, ..page };
        let bare = ScimPageMeta { total_results: Some(3), ..ScimPageMeta::default() };
        assert_eq!(ScimPaging::next(&bare, &page, 1).unwrap(), None);
        let bare = ScimPageMeta { total_results: Some(6), ..ScimPageMeta::default() };
        assert_eq!(
            ScimPaging::next(&bare, &page, 2).unwrap(),
            Some(NextPage::Query(vec![("startIndex".into(), "5".into())]))
        );
    }
}
