//! Page-numbered lists whose paging fields sit beside the items, with a `has_next` flag:
//! `{"results": [...], "current_page": 0, "has_next": true, "per_page": 50, ...}` (Twilio
//! Numbers v2's short-code applications).

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::shapes::{NextPage, Paging, RawPage};
use crate::{Error, Result};

/// The paging fields of a page-numbered list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PageNumberMeta {
    /// The index of this page, from 0.
    pub current_page: Option<u64>,
    /// Whether a page follows this one.
    pub has_next: Option<bool>,
    /// Whether a page precedes this one.
    pub has_prev: Option<bool>,
    /// The page size the server used.
    pub per_page: Option<u64>,
    /// How many items match, across all pages.
    pub total_elements: Option<u64>,
    /// How many pages there are.
    pub total_pages: Option<u64>,
}

/// Page-numbered lists: items under the list key, the next page asked for as `Page` = this
/// page's index + 1 while `has_next` is true. Sends the page size as `PageSize`.
#[derive(Debug, Clone, Copy, Default)]
pub struct PageNumberPaging;

impl Paging for PageNumberPaging {
    type Meta = PageNumberMeta;
    const RESERVED_PARAMS: &'static [&'static str] = &["PageSize", "Page"];

    fn decode<T: DeserializeOwned>(page: &RawPage<'_>, key: &str) -> Result<(Vec<T>, PageNumberMeta)> {
        page.items_and_rest(key)
    }

    fn total(meta: &PageNumberMeta) -> Option<u64> {
        meta.total_elements
    }

    fn next(meta: &PageNumberMeta, page: &RawPage<'_>, _: usize) -> Result<Option<NextPage>> {
        if meta.has_next != Some(true) {
            return Ok(None);
        }
        let sent = page.query_param("Page").and_then(|p| p.parse::<u64>().ok());
        let current = meta.current_page.or(sent).unwrap_or(0);
        let next =
            current.checked_add(1).ok_or_else(|| Error::Paging(format!("page index {current} overflows")))?;
        Ok(Some(NextPage::Query(vec![("Page".into(), next.to_string())])))
    }
}

#[cfg(test)]
mod tests {
    use reqwest::header::HeaderMap;
    use reqwest::{StatusCode, Url};

    use super::*;

    fn next_of(body: &str, url: &str) -> Result<Option<NextPage>> {
        let url = Url::parse(url).unwrap();
        let headers = HeaderMap::new();
        let page = RawPage { url: &url, status: StatusCode::OK, headers: &headers, body: body.as_bytes() };
        let (items, meta): (Vec<u32>, PageNumberMeta) = PageNumberPaging::decode(&page, "results")?;
        PageNumberPaging::next(&meta, &page, items.len())
    }

    #[test]
    fn the_next_page_is_the_next_index_while_has_next() {
        let body = r#"{"results": [1, 2], "current_page": 3, "has_next": true, "per_page": 2}"#;
        let next = next_of(body, "https://numbers.twilio.com/v2/ShortCodes/Applications?PageSize=2").unwrap();
        assert_eq!(next, Some(NextPage::Query(vec![("Page".into(), "4".into())])));
    }

    #[test]
    fn without_current_page_the_sent_index_counts() {
        let body = r#"{"results": [1], "has_next": true}"#;
        let next = next_of(body, "https://numbers.twilio.com/v2/ShortCodes/Applications?Page=7").unwrap();
        assert_eq!(next, Some(NextPage::Query(vec![("Page".into(), "8".into())])));
    }

    #[test]
    fn the_last_page_has_no_next() {
        let last = r#"{"results": [1], "current_page": 0, "has_next": false}"#;
        assert_eq!(next_of(last, "https://n.example/a").unwrap(), None);
        let silent = r#"{"results": []}"#;
        assert_eq!(next_of(silent, "https://n.example/a").unwrap(), None);
    }

    #[test]
    fn a_page_without_its_key_is_an_error() {
        assert!(next_of(r#"{"has_next": true}"#, "https://n.example/a").is_err());
    }
}
