//! Paging for list endpoints: `PageSize`, `Page` and `PageToken` in, a page of positions and the
//! `meta` block (with absolute URLs back to the emulator) out.
//!
//! A page token names a position in the creation-ordered list ("after item 41"), not an offset,
//! so items created while a client pages appear later without shifting what it has not yet seen:
//! no duplicates, no skips.

use serde::Serialize;

use crate::api_error::ApiError;
use crate::params::Params;

const DEFAULT_PAGE_SIZE: usize = 50;
const MAX_PAGE_SIZE: usize = 1000;

/// Which page a client asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct PageRequest {
    pub(crate) size: usize,
    /// `Page`: the client's own page counter, echoed back and incremented in `next_page_url`.
    pub(crate) index: u64,
    pub(crate) token: Option<PageToken>,
}

/// A position in a creation-ordered list, relative to which a page starts or ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PageToken {
    /// The page holds matching items after this position.
    After(usize),
    /// The page holds the matching items just before this position.
    Before(usize),
}

impl PageToken {
    fn encode(self) -> String {
        match self {
            PageToken::After(position) => format!("PTA{position:x}"),
            PageToken::Before(position) => format!("PTB{position:x}"),
        }
    }

    fn decode(text: &str) -> Option<PageToken> {
        let rest = text.strip_prefix("PT")?;
        let (kind, digits) = rest.split_at_checked(1)?;
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let position = usize::from_str_radix(digits, 16).ok()?;
        match kind {
            "A" => Some(PageToken::After(position)),
            "B" => Some(PageToken::Before(position)),
            _ => None,
        }
    }
}

impl PageRequest {
    /// Reads `PageSize` (1..=1000, default 50), `Page` (default 0) and `PageToken`.
    pub(crate) fn from_params(params: &Params) -> Result<PageRequest, ApiError> {
        let size = match params.get("PageSize") {
            None => DEFAULT_PAGE_SIZE,
            Some(text) => {
                text.parse::<usize>().ok().filter(|size| (1..=MAX_PAGE_SIZE).contains(size)).ok_or_else(
                    || {
                        ApiError::bad_request(format!(
                            "Invalid PageSize `{text}`: must be a whole number from 1 to {MAX_PAGE_SIZE}"
                        ))
                    },
                )?
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
}

/// The positions on one page, and the tokens of its neighbours when they have items.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct PageSelection {
    pub(crate) positions: Vec<usize>,
    pub(crate) next: Option<PageToken>,
    pub(crate) previous: Option<PageToken>,
}

/// Picks the page `request` asks for among the `items` that `matches` accepts.
pub(crate) fn select<T>(items: &[T], request: &PageRequest, matches: impl Fn(&T) -> bool) -> PageSelection {
    let matching = |range: std::ops::Range<usize>| {
        let items = &items[range.start.min(items.len())..range.end.min(items.len())];
        items
            .iter()
            .enumerate()
            .filter(|(_, item)| matches(item))
            .map(move |(offset, _)| offset + range.start)
    };
    let len = items.len();
    let positions: Vec<usize> = match request.token {
        None => {
            let skip = usize::try_from(request.index)
                .ok()
                .and_then(|index| index.checked_mul(request.size))
                .unwrap_or(usize::MAX);
            matching(0..len).skip(skip).take(request.size).collect()
        }
        Some(PageToken::After(position)) => {
            matching(position.saturating_add(1)..len).take(request.size).collect()
        }
        Some(PageToken::Before(position)) => {
            let mut earlier: Vec<usize> = matching(0..position).rev().take(request.size).collect();
            earlier.reverse();
            earlier
        }
    };
    let next = positions
        .last()
        .filter(|&&last| matching(last + 1..len).next().is_some())
        .map(|&last| PageToken::After(last));
    let previous = positions
        .first()
        .filter(|&&first| request.index > 0 && matching(0..first).next().is_some())
        .map(|&first| PageToken::Before(first));
    PageSelection { positions, next, previous }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn request(size: usize, index: u64, token: Option<PageToken>) -> PageRequest {
        PageRequest { size, index, token }
    }

    #[test]
    fn tokens_round_trip_and_reject_garbage() {
        for token in [PageToken::After(0), PageToken::After(255), PageToken::Before(9)] {
            assert_eq!(PageToken::decode(&token.encode()), Some(token));
        }
        for bad in ["", "PT", "PTA", "PTC1", "PTAzz", "xyz", "PTé1"] {
            assert_eq!(PageToken::decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn pages_by_index_then_by_token() {
        let items: Vec<u32> = (0..10).collect();
        let even = |n: &u32| n.is_multiple_of(2);
        let first = select(&items, &request(2, 0, None), even);
        assert_eq!(first.positions, vec![0, 2]);
        assert_eq!(first.next, Some(PageToken::After(2)));
        assert_eq!(first.previous, None);
        let second = select(&items, &request(2, 1, first.next), even);
        assert_eq!(second.positions, vec![4, 6]);
        assert_eq!(second.previous, Some(PageToken::Before(4)));
        let last = select(&items, &request(2, 2, second.next), even);
        assert_eq!(last.positions, vec![8]);
        assert_eq!(last.next, None);
        let back = select(&items, &request(2, 1, last.previous), even);
        assert_eq!(back.positions, vec![4, 6]);
        assert_eq!(select(&items, &request(2, 2, None), even).positions, vec![8]);
    }

    #[test]
    fn huge_page_index_is_empty_not_a_panic() {
        let items = [1, 2, 3];
        let page = select(&items, &request(1000, u64::MAX, None), |_| true);
        assert!(page.positions.is_empty());
        let page = select(&items, &request(5, 0, Some(PageToken::After(usize::MAX))), |_| true);
        assert!(page.positions.is_empty());
        let page = select(&items, &request(5, 0, Some(PageToken::Before(usize::MAX))), |_| true);
        assert_eq!(page.positions, vec![0, 1, 2]);
    }
}
