//! Which items of a Video list are on the page a client asked for: pure selection by position
//! and token. How a request names its page, and the page's `meta` block, are the HTTP side's
//! (`http::paging`).
//!
//! A page token names a position in the creation-ordered list ("after item 41"), not an offset,
//! so items created while a client pages appear later without shifting what it has not yet seen:
//! no duplicates, no skips.

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
    pub(crate) fn encode(self) -> String {
        match self {
            PageToken::After(position) => format!("PTA{position:x}"),
            PageToken::Before(position) => format!("PTB{position:x}"),
        }
    }

    pub(crate) fn decode(text: &str) -> Option<PageToken> {
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
