//! How a Video list request names its page (`PageSize`, `Page`, `PageToken`), and the `meta`
//! block of the page served, with absolute URLs back to the emulator. Which items are on the
//! page is the world's (`world::selection`).

use serde::Serialize;

use crate::http::api_error::ApiError;
use crate::http::params::Params;
use crate::world::selection::{PageRequest, PageSelection, PageToken};

const DEFAULT_PAGE_SIZE: usize = 50;
const MAX_PAGE_SIZE: usize = 1000;

/// Reads `PageSize` (1..=1000, default 50), `Page` (default 0) and `PageToken`.
pub(crate) fn page_request(params: &Params) -> Result<PageRequest, ApiError> {
    let size = match params.get("PageSize") {
        None => DEFAULT_PAGE_SIZE,
        Some(text) => {
            text.parse::<usize>().ok().filter(|size| (1..=MAX_PAGE_SIZE).contains(size)).ok_or_else(|| {
                ApiError::bad_request(format!(
                    "Invalid PageSize `{text}`: must be a whole number from 1 to {MAX_PAGE_SIZE}"
                ))
            })?
        }
    };
    let index = match params.get("Page") {
        None => 0,
        Some(text) => text.parse::<u64>().map_err(|_| {
            ApiError::bad_request(format!("Invalid Page `{text}`: must be a whole number, 0 or more"))
        })?,
    };
    let token = match params.get("PageToken") {
        None | Some("") => None,
        Some(text) => Some(PageToken::decode(text).ok_or_else(|| {
            ApiError::bad_request(format!(
                "Invalid PageToken `{text}`: pass back the value from a next_page_url"
            ))
        })?),
    };
    Ok(PageRequest { size, index, token })
}

/// The `meta` block of a list response.
#[derive(Debug, Serialize)]
pub(crate) struct Meta {
    page: u64,
    page_size: usize,
    first_page_url: String,
    previous_page_url: Option<String>,
    url: String,
    next_page_url: Option<String>,
    key: &'static str,
}

/// Where a list lives, and the filters to carry into its page URLs.
pub(crate) struct ListLocation<'a> {
    pub(crate) base_url: &'a str,
    /// Path of the list, e.g. `/v1/Rooms/RM.../Participants`.
    pub(crate) path: String,
    /// Filters in the order they appear in URLs.
    pub(crate) filters: Vec<(&'static str, String)>,
    pub(crate) key: &'static str,
}

impl ListLocation<'_> {
    pub(crate) fn meta(&self, request: &PageRequest, selection: &PageSelection) -> Meta {
        Meta {
            page: request.index,
            page_size: request.size,
            first_page_url: self.page_url(request.size, 0, None),
            previous_page_url: selection
                .previous
                .map(|token| self.page_url(request.size, request.index.saturating_sub(1), Some(token))),
            url: self.page_url(request.size, request.index, request.token),
            next_page_url: selection
                .next
                .map(|token| self.page_url(request.size, request.index.saturating_add(1), Some(token))),
            key: self.key,
        }
    }

    fn page_url(&self, size: usize, index: u64, token: Option<PageToken>) -> String {
        let mut query: Vec<(&str, String)> = self.filters.clone();
        query.push(("PageSize", size.to_string()));
        query.push(("Page", index.to_string()));
        if let Some(token) = token {
            query.push(("PageToken", token.encode()));
        }
        // Encoding pairs of strings cannot fail.
        let encoded = serde_urlencoded::to_string(&query).unwrap_or_default();
        format!("{}{}?{encoded}", self.base_url, self.path)
    }
}
