//! How a list's pages look on the wire, per paging shape: which page a request asks for, and
//! the body and headers of the page served. The selection of records is the world's
//! (`world::collection`); this is only its wire form.

use std::cell::RefCell;

use crate::hooks::Stored;
use serde_json::{Map, Value, json};
use sidekick_runtime::{MetaPaging, PageNumberPaging, Paging, ScimPaging, TokenPaging, UriPaging};

/// The query of a list request, as a paging shape or a
/// [`list_filter`](crate::Registration::list_filter) hook reads it.
#[derive(Debug)]
pub struct ListQuery<'a> {
    pairs: &'a [(String, String)],
    parent: Option<Map<String, Value>>,
    /// Values page links carry instead of those sent, by parameter name.
    echoes: RefCell<Vec<(String, String)>>,
}

impl<'a> ListQuery<'a> {
    pub(crate) fn new(pairs: &'a [(String, String)]) -> ListQuery<'a> {
        ListQuery { pairs, parent: None, echoes: RefCell::default() }
    }

    pub(crate) fn set_parent(&mut self, parent: Option<Map<String, Value>>) {
        self.parent = parent;
    }

    /// The object the list belongs to, when its resource is registered: the room, for a list
    /// of its participants (Video lists a completed room's disconnected participants by
    /// default). Always `None` for a paging shape's [`PageFormat::page_request`].
    pub fn parent(&self) -> Option<Stored<'_>> {
        self.parent.as_ref().map(|object| Stored { object })
    }

    /// Page links carry `value` for the query parameter `name` instead of the value sent: a
    /// filter in its normal form (a date-time in UTC).
    pub fn echo_as(&self, name: &str, value: impl Into<String>) {
        let mut echoes = self.echoes.borrow_mut();
        echoes.retain(|(n, _)| n != name);
        echoes.push((name.to_owned(), value.into()));
    }

    /// `filters` as page links carry them.
    pub(crate) fn echoed(&self, mut filters: Vec<(String, String)>) -> Vec<(String, String)> {
        for (name, value) in self.echoes.borrow().iter() {
            for (_, sent) in filters.iter_mut().filter(|(n, _)| n == name) {
                sent.clone_from(value);
            }
        }
        filters
    }

    /// The first value of a query parameter.
    pub fn get(&self, name: &str) -> Option<&'a str> {
        self.pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// A page size from `name`: `default` when absent, else a whole number from 1 to `max`
    /// (`max` is at least 1).
    pub fn page_size(&self, name: &str, default: usize, max: usize) -> Result<usize, ParamError> {
        let max = max.max(1);
        match self.get(name) {
            None => Ok(default.clamp(1, max)),
            Some(text) => text
                .parse::<usize>()
                .ok()
                .filter(|size| (1..=max).contains(size))
                .ok_or_else(|| ParamError::new(name, format!("must be a whole number from 1 to {max}"))),
        }
    }

    /// A whole number, 0 or more, from `name`, if sent.
    pub fn number(&self, name: &str) -> Result<Option<u64>, ParamError> {
        self.get(name)
            .map(|text| {
                text.parse::<u64>().map_err(|_| ParamError::new(name, "must be a whole number, 0 or more"))
            })
            .transpose()
    }
}

/// A query parameter the request got wrong: answered 400 with Twilio's code 20001.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamError {
    /// The parameter's name.
    pub param: String,
    /// What is wrong with its value.
    pub problem: String,
}

impl std::fmt::Display for ParamError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid {}: {}", self.param, self.problem)
    }
}

impl std::error::Error for ParamError {}

impl ParamError {
    /// `param`'s value is wrong because of `problem`.
    pub fn new(param: impl Into<String>, problem: impl Into<String>) -> ParamError {
        ParamError { param: param.into(), problem: problem.into() }
    }
}

/// Which page a request asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRequest {
    /// How many items the page holds at most.
    pub size: usize,
    /// The page number the client counts (echoed back, and one more in a next page's link).
    pub index: u64,
    /// Where the page starts.
    pub start: PageStart,
}

/// Where a requested page starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageStart {
    /// After skipping this many items (an offset, or a page number times the page size).
    Skip(u64),
    /// At a cursor from an earlier page ([`ServedPage::next_cursor`]), sent in `param`.
    Cursor {
        /// The query parameter that carried it, named in the error if it is not a cursor.
        param: &'static str,
        /// The cursor as sent.
        value: String,
    },
}

/// One page being served, with what its wire form may say about the list around it.
#[derive(Debug)]
pub struct ServedPage<'a> {
    /// The JSON key of the items, as the resource declares it.
    pub key: &'a str,
    /// The page's items.
    pub items: Vec<Value>,
    /// The request's page size.
    pub size: usize,
    /// The page number the client counts.
    pub index: u64,
    /// How many items of the whole list come before this page. 0 for Twilio's `meta` and
    /// token shapes, which do not say it (it would cost a count of the list per page).
    pub offset: u64,
    /// How many items the whole list holds (with the request's filters); 0 as `offset` is.
    pub total: u64,
    /// A cursor for the page after this one; `None` on the last page.
    pub next_cursor: Option<String>,
    /// A cursor for the page before this one; `None` on the first page.
    pub previous_cursor: Option<String>,
    pub(crate) origin: &'a str,
    pub(crate) path: &'a str,
    /// The request's other query parameters (filters), kept in page links.
    pub(crate) filters: &'a [(String, String)],
}

impl ServedPage<'_> {
    /// The absolute URL of this list with the request's filters and then `paging`.
    pub fn url_with(&self, paging: &[(&str, String)]) -> String {
        format!("{}{}", self.origin, self.uri_with(paging))
    }

    /// The same as [`url_with`](Self::url_with), relative to the API's origin (Twilio's 2010
    /// API writes its page links so).
    pub fn uri_with(&self, paging: &[(&str, String)]) -> String {
        let pairs: Vec<(&str, &str)> = self
            .filters
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .chain(paging.iter().map(|(k, v)| (*k, v.as_str())))
            .collect();
        // Encoding pairs of strings cannot fail.
        let query = serde_urlencoded::to_string(&pairs).unwrap_or_default();
        if query.is_empty() { self.path.to_owned() } else { format!("{}?{query}", self.path) }
    }

    /// Whether another page follows.
    pub fn has_next(&self) -> bool {
        self.next_cursor.is_some()
    }
}

/// A served page's wire form.
#[derive(Debug, Clone, PartialEq)]
pub struct PageResponse {
    /// The JSON body.
    pub body: Value,
    /// Headers to send beside it (a `Link` header, say).
    pub headers: Vec<(String, String)>,
}

impl PageResponse {
    /// A page that is this body alone.
    pub fn json(body: Value) -> PageResponse {
        PageResponse { body, headers: Vec::new() }
    }
}

/// How a list's pages look on the wire, for the emulator to serve them: the server's side of
/// a [`Paging`](sidekick_runtime::Paging) shape. The emulator has one for each shape built into
/// sidekick; for a shape of your own, write one and give it to
/// [`Registration::page_format`](crate::Registration::page_format).
///
/// ```
/// use serde_json::Value;
/// use sidekick_emulator::{ListQuery, PageFormat, PageRequest, PageResponse, PageStart, ParamError, ServedPage};
///
/// /// A bare array, with `offset` and `limit` in the query and the next page in `X-Next`.
/// struct Offsets;
///
/// impl PageFormat for Offsets {
///     fn page_request(query: &ListQuery<'_>) -> Result<PageRequest, ParamError> {
///         let size = query.page_size("limit", 20, 100)?;
///         let offset = query.number("offset")?.unwrap_or(0);
///         Ok(PageRequest { size, index: offset / size as u64, start: PageStart::Skip(offset) })
///     }
///
///     fn page_response(mut page: ServedPage<'_>) -> PageResponse {
///         let items = std::mem::take(&mut page.items);
///         let next = page.offset + items.len() as u64;
///         let mut response = PageResponse::json(Value::Array(items));
///         if page.has_next() {
///             let url = page.url_with(&[("limit", page.size.to_string()), ("offset", next.to_string())]);
///             response.headers.push(("x-next".into(), url));
///         }
///         response
///     }
/// }
/// ```
pub trait PageFormat: 'static {
    /// Which page a request asks for.
    fn page_request(query: &ListQuery<'_>) -> Result<PageRequest, ParamError>;

    /// The wire form of a page.
    fn page_response(page: ServedPage<'_>) -> PageResponse;
}

const TWILIO_DEFAULT_PAGE_SIZE: usize = 50;

/// `PageSize`, `Page` and `PageToken`, as every Twilio API but the token-paged ones reads them.
fn twilio_request(query: &ListQuery<'_>, max: u32) -> Result<PageRequest, ParamError> {
    let size = query.page_size("PageSize", TWILIO_DEFAULT_PAGE_SIZE, max as usize)?;
    let index = query.number("Page")?.unwrap_or(0);
    let start = match query.get("PageToken").filter(|t| !t.is_empty()) {
        Some(token) => PageStart::Cursor { param: "PageToken", value: token.to_owned() },
        None => PageStart::Skip(index.saturating_mul(size as u64)),
    };
    Ok(PageRequest { size, index, start })
}

/// The paging parameters of a Twilio page's neighbour: one page number on, at `cursor`.
fn twilio_link(page: &ServedPage<'_>, index: u64, cursor: Option<&String>) -> Vec<(&'static str, String)> {
    let mut paging = vec![("PageSize", page.size.to_string()), ("Page", index.to_string())];
    paging.extend(cursor.map(|c| ("PageToken", c.clone())));
    paging
}

impl PageFormat for MetaPaging {
    fn page_request(query: &ListQuery<'_>) -> Result<PageRequest, ParamError> {
        twilio_request(query, <Self as Paging>::MAX_PAGE_SIZE)
    }

    fn page_response(mut page: ServedPage<'_>) -> PageResponse {
        let items = std::mem::take(&mut page.items);
        let page = &page;
        let link = |index, cursor| page.url_with(&twilio_link(page, index, cursor));
        let meta = json!({
            "page": page.index,
            "page_size": page.size,
            "first_page_url": link(0, None),
            "previous_page_url": page.previous_cursor.as_ref().map(|c| link(page.index.saturating_sub(1), Some(c))),
            "url": link(page.index, None),
            "next_page_url": page.next_cursor.as_ref().map(|c| link(page.index.saturating_add(1), Some(c))),
            "key": page.key,
        });
        let mut body = Map::new();
        body.insert(page.key.to_owned(), Value::Array(items));
        body.insert("meta".to_owned(), meta);
        PageResponse::json(Value::Object(body))
    }
}

impl PageFormat for UriPaging {
    fn page_request(query: &ListQuery<'_>) -> Result<PageRequest, ParamError> {
        twilio_request(query, <Self as Paging>::MAX_PAGE_SIZE)
    }

    fn page_response(mut page: ServedPage<'_>) -> PageResponse {
        let items = std::mem::take(&mut page.items);
        let page = &page;
        let link = |index, cursor| page.uri_with(&twilio_link(page, index, cursor));
        let count = items.len() as u64;
        let mut body = Map::new();
        body.insert(page.key.to_owned(), Value::Array(items));
        // Positions in the whole list, wherever the cursor put the page.
        let start = page.offset;
        for (name, value) in [
            ("first_page_uri", json!(link(0, None))),
            ("end", json!(start.saturating_add(count.saturating_sub(1)))),
            (
                "previous_page_uri",
                json!(page.previous_cursor.as_ref().map(|c| link(page.index.saturating_sub(1), Some(c)))),
            ),
            ("uri", json!(link(page.index, None))),
            ("page_size", json!(page.size)),
            ("start", json!(start)),
            (
                "next_page_uri",
                json!(page.next_cursor.as_ref().map(|c| link(page.index.saturating_add(1), Some(c)))),
            ),
            ("page", json!(page.index)),
        ] {
            body.insert(name.to_owned(), value);
        }
        PageResponse::json(Value::Object(body))
    }
}

impl PageFormat for TokenPaging {
    fn page_request(query: &ListQuery<'_>) -> Result<PageRequest, ParamError> {
        let size =
            query.page_size("Size", TWILIO_DEFAULT_PAGE_SIZE, <Self as Paging>::MAX_PAGE_SIZE as usize)?;
        let start = match query.get("Token").filter(|t| !t.is_empty()) {
            Some(token) => PageStart::Cursor { param: "Token", value: token.to_owned() },
            None => PageStart::Skip(0),
        };
        Ok(PageRequest { size, index: 0, start })
    }

    fn page_response(mut page: ServedPage<'_>) -> PageResponse {
        let items = std::mem::take(&mut page.items);
        let mut body = Map::new();
        body.insert(page.key.to_owned(), Value::Array(items));
        body.insert(
            "meta".to_owned(),
            json!({ "next_token": page.next_cursor, "previous_token": page.previous_cursor }),
        );
        PageResponse::json(Value::Object(body))
    }
}

const SCIM_LIST_RESPONSE: &str = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

impl PageFormat for ScimPaging {
    fn page_request(query: &ListQuery<'_>) -> Result<PageRequest, ParamError> {
        let size =
            query.page_size("count", TWILIO_DEFAULT_PAGE_SIZE, <Self as Paging>::MAX_PAGE_SIZE as usize)?;
        // 1-based; RFC 7644 reads anything below 1 as 1.
        let start_index = query.number("startIndex")?.unwrap_or(1).max(1);
        Ok(PageRequest {
            size,
            index: (start_index - 1) / size as u64,
            start: PageStart::Skip(start_index - 1),
        })
    }

    fn page_response(mut page: ServedPage<'_>) -> PageResponse {
        let items = std::mem::take(&mut page.items);
        let mut body = json!({
            "schemas": [SCIM_LIST_RESPONSE],
            "totalResults": page.total,
            "startIndex": page.offset + 1,
            "itemsPerPage": items.len(),
        });
        // SCIM leaves the key out of an empty page.
        if !items.is_empty() {
            body[page.key] = Value::Array(items);
        }
        PageResponse::json(body)
    }
}

impl PageFormat for PageNumberPaging {
    fn page_request(query: &ListQuery<'_>) -> Result<PageRequest, ParamError> {
        let size = query.page_size(
            "PageSize",
            TWILIO_DEFAULT_PAGE_SIZE,
            <Self as Paging>::MAX_PAGE_SIZE as usize,
        )?;
        let index = query.number("Page")?.unwrap_or(0);
        Ok(PageRequest { size, index, start: PageStart::Skip(index.saturating_mul(size as u64)) })
    }

    fn page_response(mut page: ServedPage<'_>) -> PageResponse {
        let items = std::mem::take(&mut page.items);
        let mut body = Map::new();
        body.insert(page.key.to_owned(), Value::Array(items));
        let pages = page.total.div_ceil(page.size as u64);
        for (name, value) in [
            ("current_page", json!(page.index)),
            ("has_next", json!(page.has_next())),
            ("has_prev", json!(page.index > 0)),
            ("per_page", json!(page.size)),
            ("total_elements", json!(page.total)),
            ("total_pages", json!(pages)),
        ] {
            body.insert(name.to_owned(), value);
        }
        PageResponse::json(Value::Object(body))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page<'a>(filters: &'a [(String, String)], index: u64, offset: u64, items: usize) -> ServedPage<'a> {
        ServedPage {
            key: "messages",
            items: vec![json!({}); items],
            size: 2,
            index,
            offset,
            total: offset + items as u64,
            next_cursor: Some("PA9".to_owned()),
            previous_cursor: None,
            origin: "http://127.0.0.1:1",
            path: "/2010-04-01/Accounts/AC1/Messages.json",
            filters,
        }
    }

    #[test]
    fn v2010_positions_come_from_the_page_not_its_claimed_number() {
        let filters = [("To".to_owned(), "+1 555".to_owned())];
        let body = UriPaging::page_response(page(&filters, u64::MAX, 4, 2)).body;
        assert_eq!((body["start"].as_u64(), body["end"].as_u64()), (Some(4), Some(5)));
        assert_eq!(body["page"].as_u64(), Some(u64::MAX));
        let next = body["next_page_uri"].as_str().unwrap();
        assert!(
            next.starts_with("/2010-04-01/Accounts/AC1/Messages.json?To=%2B1+555&PageSize=2&Page="),
            "{next}"
        );
        assert!(next.ends_with("&PageToken=PA9"), "{next}");
    }

    #[test]
    fn page_sizes_are_checked_against_the_limit() {
        let pairs = [("PageSize".to_owned(), "0".to_owned())];
        assert!(ListQuery::new(&pairs).page_size("PageSize", 50, 1000).is_err());
        assert_eq!(ListQuery::new(&[]).page_size("PageSize", 50, 0), Ok(1));
        let error = twilio_request(&ListQuery::new(&pairs), 1000).unwrap_err();
        assert_eq!(error.to_string(), "invalid PageSize: must be a whole number from 1 to 1000");
    }
}
