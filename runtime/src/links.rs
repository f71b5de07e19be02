//! [`Links`]: a resource's named URLs (Twilio's `links` and `subresource_uris`).

use std::cell::Cell;
use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};

/// A resource's named links, such as a participant's `published_tracks`: an open map from
/// name to URL that keeps every name the API sends, known or not.
///
/// A link whose value is `null` (one that does not apply, such as a channel without a last
/// message) is left out, as a missing link means the same. Links keep the order the server
/// wrote them in, each name once (a repeated name keeps its last URL, as JSON objects do);
/// links with the same names and URLs compare equal whatever their order.
///
/// All names and URLs share one allocation: a page of a thousand resources carries thousands
/// of links, and a map of separate strings would cost several allocations for each. Lookups
/// scan, which for the handful of links a resource has is as fast as a map.
///
/// ```
/// # extern crate sidekick_runtime as sidekick;
/// use sidekick::Links;
///
/// let links: Links = serde_json::from_str(
///     r#"{"members": "https://chat.example/Members", "last_message": null, "webhooks": "https://chat.example/Webhooks"}"#,
/// )
/// .unwrap();
/// assert_eq!(links.get("members"), Some("https://chat.example/Members"));
/// assert_eq!(links.get("last_message"), None);
/// assert_eq!(links.names().collect::<Vec<_>>(), ["members", "webhooks"]);
/// assert_eq!(links.iter().next(), Some(("members", "https://chat.example/Members")));
/// assert_eq!(links, Links::from_iter([("webhooks", "https://chat.example/Webhooks"), ("members", "https://chat.example/Members")]));
/// ```
#[derive(Clone, Default)]
pub struct Links {
    /// Every name and its URL, back to back, in the server's order.
    text: Box<str>,
    /// For each link, where its name ends and where its URL ends in `text`.
    ends: Box<[(u32, u32)]>,
}

impl Links {
    /// No links.
    pub fn new() -> Links {
        Links::default()
    }

    /// The URL of the link `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.iter().find(|(candidate, _)| *candidate == name).map(|(_, url)| url)
    }

    /// Whether there is a link named `name`.
    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// How many links there are.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Each link's name and URL, in the server's order.
    pub fn iter(&self) -> Iter<'_> {
        Iter { links: self, next: 0, end: self.ends.len() }
    }

    /// The links' names, in order.
    pub fn names(&self) -> impl ExactSizeIterator<Item = &str> + DoubleEndedIterator + '_ {
        self.iter().map(|(name, _)| name)
    }

    fn entry(&self, at: usize) -> (&str, &str) {
        entry(&self.text, &self.ends, at)
    }
}

/// The name and URL of link `at`: its name starts where the previous URL ends.
fn entry<'a>(text: &'a str, ends: &[(u32, u32)], at: usize) -> (&'a str, &'a str) {
    let start = at.checked_sub(1).map_or(0, |previous| ends[previous].1 as usize);
    let (name_end, url_end) = (ends[at].0 as usize, ends[at].1 as usize);
    (&text[start..name_end], &text[name_end..url_end])
}

impl PartialEq for Links {
    fn eq(&self, other: &Links) -> bool {
        // Names are unique, so the same count and every link found in the other is equality.
        self.len() == other.len() && self.iter().all(|(name, url)| other.get(name) == Some(url))
    }
}

impl Eq for Links {}

impl std::hash::Hash for Links {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // In name order, as equality ignores the order.
        let mut sorted: Vec<(&str, &str)> = self.iter().collect();
        sorted.sort_unstable();
        sorted.hash(state);
    }
}

/// Builds links from name and URL pairs; a repeated name keeps its last URL.
///
/// # Panics
///
/// If the names and URLs together exceed 4 GiB.
impl<N: AsRef<str>, U: AsRef<str>> FromIterator<(N, U)> for Links {
    fn from_iter<I: IntoIterator<Item = (N, U)>>(pairs: I) -> Links {
        let mut builder = Builder::new();
        for (name, url) in pairs {
            builder.push(name.as_ref(), url.as_ref()).expect("links longer than 4 GiB");
        }
        builder.finish()
    }
}

impl<N: AsRef<str>, U: AsRef<str>, const K: usize> From<[(N, U); K]> for Links {
    fn from(pairs: [(N, U); K]) -> Links {
        pairs.into_iter().collect()
    }
}

/// The URL of the link `name`.
///
/// # Panics
///
/// If there is no such link; [`Links::get`] returns an `Option` instead.
impl std::ops::Index<&str> for Links {
    type Output = str;

    fn index(&self, name: &str) -> &str {
        match self.get(name) {
            Some(url) => url,
            None => panic!("no link named `{name}`"),
        }
    }
}

/// The iterator of [`Links::iter`].
#[derive(Debug, Clone)]
pub struct Iter<'a> {
    links: &'a Links,
    next: usize,
    end: usize,
}

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        (self.next < self.end).then(|| {
            self.next += 1;
            self.links.entry(self.next - 1)
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.end - self.next, Some(self.end - self.next))
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        (self.next < self.end).then(|| {
            self.end -= 1;
            self.links.entry(self.end)
        })
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a Links {
    type Item = (&'a str, &'a str);
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl fmt::Debug for Links {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl Serialize for Links {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (name, url) in self {
            map.serialize_entry(name, url)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Links {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Links, D::Error> {
        deserializer.deserialize_map(LinksVisitor)
    }
}

struct LinksVisitor;

impl<'de> Visitor<'de> for LinksVisitor {
    type Value = Links;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map of link names to URLs")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Links, A::Error> {
        let mut builder = Builder::new();
        while let Some(name) = map.next_key::<Text<'de>>()? {
            if let Some(url) = map.next_value::<Option<Text<'de>>>()? {
                builder.push(&name.0, &url.0).map_err(serde::de::Error::custom)?;
            }
        }
        Ok(builder.finish())
    }
}

/// A string borrowed from the input when it can be, so reading a link copies it once.
struct Text<'de>(std::borrow::Cow<'de, str>);

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_borrowed_str<E>(self, text: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(text.into()))
            }

            fn visit_str<E>(self, text: &str) -> Result<Text<'de>, E> {
                Ok(Text(text.to_owned().into()))
            }

            fn visit_string<E>(self, text: String) -> Result<Text<'de>, E> {
                Ok(Text(text.into()))
            }
        }

        deserializer.deserialize_str(TextVisitor)
    }
}

thread_local! {
    /// The scratch space links are gathered in before they get an allocation of their exact
    /// size, reused so that reading a page's links allocates only what they keep.
    static SCRATCH: Cell<(String, Vec<(u32, u32)>)> = const { Cell::new((String::new(), Vec::new())) };
}

/// Scratch space larger than this goes back to the allocator rather than the thread.
const MAX_KEPT_SCRATCH: usize = 64 * 1024;

/// Gathers links, then copies them into a [`Links`]. It holds the thread's scratch space
/// while it lives, so a builder started meanwhile (by an iterator given to `from_iter`) gets
/// its own.
struct Builder {
    text: String,
    ends: Vec<(u32, u32)>,
}

impl Builder {
    fn new() -> Builder {
        let (mut text, mut ends) = SCRATCH.try_with(Cell::take).unwrap_or_default();
        text.clear();
        ends.clear();
        Builder { text, ends }
    }

    fn push(&mut self, name: &str, url: &str) -> Result<(), &'static str> {
        if self.text.len() + name.len() + url.len() > u32::MAX as usize {
            return Err("the links are longer than 4 GiB");
        }
        self.text.push_str(name);
        let name_end = self.text.len() as u32;
        self.text.push_str(url);
        self.ends.push((name_end, self.text.len() as u32));
        Ok(())
    }

    fn name(&self, at: usize) -> &[u8] {
        let start = at.checked_sub(1).map_or(0, |previous| self.ends[previous].1 as usize);
        &self.text.as_bytes()[start..self.ends[at].0 as usize]
    }

    fn finish(&mut self) -> Links {
        let count = self.ends.len();
        // A resource has a handful of links: comparing each pair is cheapest. A server sending
        // thousands is answered in n log n, by sorting, rather than in n².
        let kept: Option<Vec<bool>> = if count <= 16 {
            let repeated = (1..count).any(|at| (0..at).any(|earlier| self.name(earlier) == self.name(at)));
            repeated.then(|| {
                (0..count).map(|at| (at + 1..count).all(|later| self.name(later) != self.name(at))).collect()
            })
        } else {
            let mut order: Vec<usize> = (0..count).collect();
            order.sort_by(|&a, &b| self.name(a).cmp(self.name(b)).then(a.cmp(&b)));
            let repeated = order.windows(2).any(|pair| self.name(pair[0]) == self.name(pair[1]));
            repeated.then(|| {
                // The last of each run of equal names is the last written.
                let mut kept = vec![false; count];
                for (i, &at) in order.iter().enumerate() {
                    kept[at] = order.get(i + 1).is_none_or(|&next| self.name(next) != self.name(at));
                }
                kept
            })
        };
        let Some(kept) = kept else {
            return Links { text: self.text.as_str().into(), ends: self.ends.as_slice().into() };
        };
        // A repeated name keeps its last URL, where that was written.
        let mut text = String::new();
        let mut ends = Vec::new();
        for at in (0..count).filter(|&at| kept[at]) {
            let (name, url) = entry(&self.text, &self.ends, at);
            text.push_str(name);
            let name_end = text.len() as u32;
            text.push_str(url);
            ends.push((name_end, text.len() as u32));
        }
        Links { text: text.into_boxed_str(), ends: ends.into_boxed_slice() }
    }
}

impl Drop for Builder {
    fn drop(&mut self) {
        if self.text.capacity() <= MAX_KEPT_SCRATCH && self.ends.capacity() <= MAX_KEPT_SCRATCH / 8 {
            let scratch = (std::mem::take(&mut self.text), std::mem::take(&mut self.ends));
            // A thread being torn down keeps nothing.
            let _ = SCRATCH.try_with(|cell| cell.set(scratch));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize, serde::Serialize, PartialEq)]
    struct Channel {
        links: Option<Links>,
    }

    #[test]
    fn null_values_are_dropped_and_the_rest_kept_in_order() {
        let decoded: Channel =
            serde_json::from_str(r#"{"links": {"b": "u2", "skip": null, "a": "u1", "é\"": "u\u00e9"}}"#)
                .unwrap();
        let links = decoded.links.as_ref().unwrap();
        assert_eq!(links.iter().collect::<Vec<_>>(), [("b", "u2"), ("a", "u1"), ("é\"", "ué")]);
        assert_eq!(links.len(), 3);
        assert_eq!((links.get("b"), links.get("skip"), links.get("c")), (Some("u2"), None, None));
        assert_eq!(&links["a"], "u1");
        assert_eq!(serde_json::to_string(&decoded).unwrap(), r#"{"links":{"b":"u2","a":"u1","é\"":"ué"}}"#);
        assert_eq!(format!("{links:?}"), r#"{"b": "u2", "a": "u1", "é\"": "ué"}"#);
        assert_eq!(links.iter().rev().map(|(n, _)| n).collect::<String>(), "é\"ab");
    }

    #[test]
    fn a_missing_or_null_map_is_none_and_an_empty_one_is_empty() {
        assert_eq!(serde_json::from_str::<Channel>("{}").unwrap().links, None);
        assert_eq!(serde_json::from_str::<Channel>(r#"{"links": null}"#).unwrap().links, None);
        let empty = serde_json::from_str::<Channel>(r#"{"links": {"x": null}}"#).unwrap().links.unwrap();
        assert!(empty.is_empty());
        assert_eq!(empty, Links::new());
    }

    #[test]
    fn order_does_not_matter_and_the_last_repeat_wins() {
        let one: Links = serde_json::from_str(r#"{"a": "1", "b": "2", "a": "3"}"#).unwrap();
        assert_eq!(one.iter().collect::<Vec<_>>(), [("b", "2"), ("a", "3")]);
        let other = Links::from([("a", "3"), ("b", "2")]);
        assert_eq!(one, other);
        assert_ne!(one, Links::from([("a", "3"), ("b", "2"), ("c", "4")]));
        assert_ne!(one, Links::from([("a", "1"), ("b", "2")]));
        let state = std::collections::hash_map::RandomState::new();
        assert_eq!(
            std::hash::BuildHasher::hash_one(&state, &one),
            std::hash::BuildHasher::hash_one(&state, &other)
        );
        // Names that are prefixes of one another stay apart.
        let nested = Links::from([("ab", "x"), ("a", "bx"), ("", "y")]);
        assert_eq!(nested.iter().collect::<Vec<_>>(), [("ab", "x"), ("a", "bx"), ("", "y")]);
        assert_eq!((nested.get("a"), nested.get("ab"), nested.get("")), (Some("bx"), Some("x"), Some("y")));
    }

    #[test]
    fn many_links_and_many_repeats_are_read_in_n_log_n() {
        // Thousands of names (a hostile server) must not cost n² comparisons.
        let distinct: Links = (0..50_000).map(|i| (format!("n{i}"), "u")).collect();
        assert_eq!((distinct.len(), distinct.get("n49999")), (50_000, Some("u")));
        let mut json = String::from("{");
        for i in 0..50_000 {
            json.push_str(&format!(r#""a":"{i}","b{}":"x","#, i % 20));
        }
        json.push_str(r#""a":"last"}"#);
        let repeated: Links = serde_json::from_str(&json).unwrap();
        assert_eq!(repeated.len(), 21);
        assert_eq!(repeated.get("a"), Some("last"));
        assert_eq!(repeated.iter().next_back(), Some(("a", "last")), "kept where it was last written");
        assert_eq!(repeated.get("b19"), Some("x"));
    }

    #[test]
    fn a_value_that_is_not_text_is_an_error() {
        assert!(serde_json::from_str::<Links>(r#"{"a": 1}"#).is_err());
        assert!(serde_json::from_str::<Links>(r#"["a"]"#).is_err());
    }

    #[test]
    fn links_built_while_building_links_keep_apart() {
        let outer: Links = ["a", "b", "c"]
            .into_iter()
            .map(|name| {
                let inner = Links::from([(name, "inner")]);
                (name, inner[name].to_owned())
            })
            .collect();
        assert_eq!(outer, Links::from([("a", "inner"), ("b", "inner"), ("c", "inner")]));
    }
}
