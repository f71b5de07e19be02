//! Decoding 2xx bodies, with the JSON path of whatever failed.

use std::fmt;
use std::marker::PhantomData;

use reqwest::StatusCode;
use serde::de::{DeserializeOwned, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

use crate::{Error, Result};

/// Decodes a whole body as `T`.
pub(crate) fn json<T: DeserializeOwned>(status: StatusCode, body: &[u8]) -> Result<T> {
    with_path(status, body, PhantomData::<T>)
}

/// Where a page's paging fields are, besides its items.
#[derive(Debug, Clone, Copy)]
pub(crate) enum MetaFrom<'k> {
    /// One field holds them (Twilio's `meta`), decoded straight into the meta type.
    Field(&'k str),
    /// Every other top-level field (v2010's `next_page_uri`, SCIM's `totalResults`); they are
    /// few and small, so they are gathered into a map first.
    Rest,
}

/// Decodes a list page: the items under `key`, straight into a `Vec<T>`, and its paging fields.
pub(crate) fn page<T: DeserializeOwned, M: DeserializeOwned>(
    status: StatusCode,
    body: &[u8],
    key: &str,
    meta: MetaFrom<'_>,
    items_optional: bool,
) -> Result<(Vec<T>, M)> {
    with_path(status, body, PageSeed { key, meta, items_optional, item: PhantomData })
}

/// Decodes at full speed; only when that fails is the body decoded again with path tracking,
/// so the error can name the failing field without slowing every success down.
fn with_path<'de, S: DeserializeSeed<'de> + Copy>(
    status: StatusCode,
    body: &'de [u8],
    seed: S,
) -> Result<S::Value> {
    let mut json = serde_json::Deserializer::from_slice(body);
    if let Ok(value) = seed.deserialize(&mut json).and_then(|value| json.end().map(|()| value)) {
        return Ok(value);
    }
    let mut json = serde_json::Deserializer::from_slice(body);
    let mut track = serde_path_to_error::Track::new();
    let value = seed
        .deserialize(serde_path_to_error::Deserializer::new(&mut json, &mut track))
        .map_err(|source| decode_error(status, track.path().to_string(), source))?;
    json.end().map_err(|source| decode_error(status, ".".to_owned(), source))?;
    Ok(value)
}

fn decode_error(status: StatusCode, path: String, source: serde_json::Error) -> Error {
    Error::Decode { status, path, source }
}

struct PageSeed<'k, T, M> {
    key: &'k str,
    meta: MetaFrom<'k>,
    /// A page without the key has no items (SCIM leaves `Resources` out of empty results).
    items_optional: bool,
    item: PhantomData<fn() -> (T, M)>,
}

// Manual impls: derives would needlessly require `T: Clone`.
impl<T, M> Clone for PageSeed<'_, T, M> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T, M> Copy for PageSeed<'_, T, M> {}

impl<'de, T: DeserializeOwned, M: DeserializeOwned> DeserializeSeed<'de> for PageSeed<'_, T, M> {
    type Value = (Vec<T>, M);

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, T: DeserializeOwned, M: DeserializeOwned> Visitor<'de> for PageSeed<'_, T, M> {
    type Value = (Vec<T>, M);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a list page with `{}`", self.key)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut items = None;
        let mut meta = None;
        let mut rest = serde_json::Map::new();
        while let Some(name) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if name == self.key {
                items = Some(map.next_value::<Vec<T>>()?);
                continue;
            }
            match self.meta {
                MetaFrom::Field(field) if name == field => meta = Some(map.next_value::<M>()?),
                MetaFrom::Field(_) => {
                    map.next_value::<IgnoredAny>()?;
                }
                MetaFrom::Rest => {
                    rest.insert(name.into_owned(), map.next_value::<serde_json::Value>()?);
                }
            }
        }
        let items = match items {
            Some(items) => items,
            None if self.items_optional => Vec::new(),
            None => return Err(serde::de::Error::custom(format_args!("missing field `{}`", self.key))),
        };
        let meta = match (self.meta, meta) {
            (_, Some(meta)) => meta,
            (MetaFrom::Field(field), None) => {
                return Err(serde::de::Error::custom(format_args!("missing field `{field}`")));
            }
            (MetaFrom::Rest, None) => {
                M::deserialize(serde_json::Value::Object(rest)).map_err(serde::de::Error::custom)?
            }
        };
        Ok((items, meta))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Item {
        sid: String,
        duration: Option<u64>,
    }

    const PAGE: &str = r#"{"items_x": 1, "things": [{"sid": "A", "duration": null}, {"sid": "B\u00e9", "duration": 3}],
        "meta": {"page": 0, "page_size": 2, "next_page_url": null, "key": "things", "url": "u", "first_page_url": "f", "previous_page_url": null}}"#;

    use crate::PageMeta;

    const META: MetaFrom<'static> = MetaFrom::Field("meta");

    #[test]
    fn page_items_come_from_the_key() {
        let (items, meta) =
            page::<Item, PageMeta>(StatusCode::OK, PAGE.as_bytes(), "things", META, false).unwrap();
        assert_eq!(
            items,
            [Item { sid: "A".into(), duration: None }, Item { sid: "Bé".into(), duration: Some(3) }]
        );
        assert_eq!(meta.page_size, Some(2));
        assert_eq!(meta.key.as_deref(), Some("things"));
    }

    #[test]
    fn decode_errors_name_the_json_path() {
        let body =
            r#"{"meta": {}, "things": [{"sid": "A", "duration": 1}, {"sid": "B", "duration": "long"}]}"#;
        let err = page::<Item, PageMeta>(StatusCode::OK, body.as_bytes(), "things", META, false).unwrap_err();
        let Error::Decode { status, path, .. } = &err else { panic!("{err:?}") };
        assert_eq!(*status, StatusCode::OK);
        assert_eq!(path, "things[1].duration");
        assert!(err.to_string().contains("`things[1].duration`"), "{err}");

        let err = json::<Item>(StatusCode::ACCEPTED, br#"{"sid": 5}"#).unwrap_err();
        assert!(matches!(&err, Error::Decode { path, .. } if path == "sid"), "{err:?}");
        assert_eq!(err.status(), Some(StatusCode::ACCEPTED));
    }

    #[test]
    fn missing_key_or_meta_is_a_decode_error() {
        let err =
            page::<Item, PageMeta>(StatusCode::OK, br#"{"meta": {}}"#, "things", META, false).unwrap_err();
        assert!(err.to_string().contains("missing field `things`"), "{err}");
        let err =
            page::<Item, PageMeta>(StatusCode::OK, br#"{"things": []}"#, "things", META, false).unwrap_err();
        assert!(err.to_string().contains("missing field `meta`"), "{err}");
        assert!(json::<Item>(StatusCode::OK, b"").is_err());

        #[derive(Debug, Deserialize, PartialEq)]
        struct Rest {
            next_page_uri: Option<String>,
            page: u32,
        }
        let body = br#"{"page": 2, "things": [{"sid": "A", "duration": null}], "next_page_uri": "/x?Page=3", "uri": "/x"}"#;
        let (items, rest) =
            page::<Item, Rest>(StatusCode::OK, body, "things", MetaFrom::Rest, false).unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(rest, Rest { next_page_uri: Some("/x?Page=3".into()), page: 2 });
        assert!(json::<Item>(StatusCode::OK, br#"{"sid":"A","duration":1} trailing"#).is_err());
    }
}
