//! The `Link` header paging shape (RFC 8288), as GitHub uses it.

use serde::de::DeserializeOwned;
use sidekick::{HeaderMap, NextPage, Paging, RawPage, Result};

/// Paging by `Link` headers: each page is a bare JSON array, and the next one is the
/// `rel="next"` link (absolute, or relative to the page). Sends the page size as `per_page`
/// (at most 100). sidekick's pager still refuses a link it has already fetched or one on
/// another origin.
///
/// ```
/// use downstream::github::Links;
///
/// let links = Links::parse([
///     r#"<https://api.github.com/repositories/1/issues?page=2>; rel="next", <https://api.github.com/repositories/1/issues?page=5>; rel="last""#,
/// ]);
/// assert_eq!(links.next.as_deref(), Some("https://api.github.com/repositories/1/issues?page=2"));
/// assert_eq!(links.last.as_deref(), Some("https://api.github.com/repositories/1/issues?page=5"));
/// assert_eq!(links.prev, None);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct LinkHeader;

impl Paging for LinkHeader {
    type Meta = Links;
    const PAGE_SIZE_PARAM: Option<&'static str> = Some("per_page");
    const MAX_PAGE_SIZE: u32 = 100;
    const RESERVED_PARAMS: &'static [&'static str] = &["per_page", "page"];

    fn decode<T: DeserializeOwned>(page: &RawPage<'_>, _key: &str) -> Result<(Vec<T>, Links)> {
        Ok((page.json()?, Links::from_headers(page.headers)))
    }

    fn next(meta: &Links, _page: &RawPage<'_>, _items: usize) -> Result<Option<NextPage>> {
        Ok(meta.next.clone().map(NextPage::Url))
    }
}

/// The paging links of a page, from its `Link` headers; the first link of each relation
/// wins.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Links {
    /// `rel="next"`: the page after this one; `None` on the last page.
    pub next: Option<String>,
    /// `rel="prev"`: the page before this one.
    pub prev: Option<String>,
    /// `rel="first"`: the first page.
    pub first: Option<String>,
    /// `rel="last"`: the last page.
    pub last: Option<String>,
}

impl Links {
    /// The links of every `Link` header of a response.
    pub fn from_headers(headers: &HeaderMap) -> Links {
        Links::parse(headers.get_all("link").iter().filter_map(|value| value.to_str().ok()))
    }

    /// The links of these `Link` header values. Links of other relations, and malformed
    /// parts, are skipped.
    pub fn parse<'a>(values: impl IntoIterator<Item = &'a str>) -> Links {
        let mut links = Links::default();
        for value in values {
            for link in split_unquoted(value, ',') {
                links.add(link);
            }
        }
        links
    }

    /// Adds one `<url>; rel="a b"; other=params` link.
    fn add(&mut self, link: &str) {
        let link = link.trim();
        let Some((target, params)) = link.strip_prefix('<').and_then(|rest| rest.split_once('>')) else {
            return;
        };
        for param in split_unquoted(params, ';') {
            let Some((name, value)) = param.split_once('=') else { continue };
            if !name.trim().eq_ignore_ascii_case("rel") {
                continue;
            }
            for rel in value.trim().trim_matches('"').split_ascii_whitespace() {
                let slot = match rel.to_ascii_lowercase().as_str() {
                    "next" => &mut self.next,
                    "prev" | "previous" => &mut self.prev,
                    "first" => &mut self.first,
                    "last" => &mut self.last,
                    _ => continue,
                };
                slot.get_or_insert_with(|| target.trim().to_owned());
            }
        }
    }
}

/// Splits on `separator` outside double quotes and outside `<...>` (a URL may hold either).
fn split_unquoted(text: &str, separator: char) -> Vec<&str> {
    let (mut parts, mut start, mut quoted, mut in_url) = (Vec::new(), 0, false, false);
    for (i, c) in text.char_indices() {
        match c {
            '"' if !in_url => quoted = !quoted,
            '<' if !quoted => in_url = true,
            '>' if !quoted => in_url = false,
            c if c == separator && !quoted && !in_url => {
                parts.push(&text[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relations_commas_in_urls_and_several_headers() {
        let links = Links::parse([
            r#"<https://api.github.com/issues?labels=a,b&page=3>; rel="next last"; title="x, y; z""#,
            r#"<https://api.github.com/issues?page=1>; REL=first, <https://api.github.com/issues?page=9>; rel="next""#,
            "garbage, <unterminated; rel=prev",
        ]);
        assert_eq!(links.next.as_deref(), Some("https://api.github.com/issues?labels=a,b&page=3"));
        assert_eq!(links.last.as_deref(), Some("https://api.github.com/issues?labels=a,b&page=3"));
        assert_eq!(links.first.as_deref(), Some("https://api.github.com/issues?page=1"));
        assert_eq!(links.prev, None);
        assert_eq!(Links::parse([""]), Links::default());
    }
}
