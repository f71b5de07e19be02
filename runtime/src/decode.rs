//! Decoding 2xx bodies, with the JSON path of whatever failed.

use std::fmt;
use std::marker::PhantomData;

use reqwest::StatusCode;
use serde::de::{DeserializeOwned, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

use crate::paging::PageMeta;
use crate::{Error, Result};

/// Decodes a whole body as `T`.
pub(crate) fn json<T: DeserializeOwned>(status: StatusCode, body: &[u8]) -> Result<T> {
    with_path(status, body, PhantomData::<T>)
}

/// Decodes a list page: the items under `key`, straight into a `Vec<T>`, and `meta`.
pub(crate) fn page<T: DeserializeOwned>(
    status: StatusCode,
    body: &[u8],
    key: &str,
) -> Result<(Vec<T>, PageMeta)> {
    with_path(status, body, PageSeed { key, item: PhantomData })
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

struct PageSeed<'k, T> {
    key: &'k str,
    item: PhantomData<fn() -> T>,
}

// Manual impls: derives would needlessly require `T: Clone`.
impl<T> Clone for PageSeed<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for PageSeed<'_, T> {}

impl<'de, T: DeserializeOwned> DeserializeSeed<'de> for PageSeed<'_, T> {
    type Value = (Vec<T>, PageMeta);

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, T: DeserializeOwned> Visitor<'de> for PageSeed<'_, T> {
    type Value = (Vec<T>, PageMeta);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a list page with `{}` and `meta`", self.key)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut items = None;
        let mut meta = None;
        while let Some(name) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if name == self.key {
                items = Some(map.next_value::<Vec<T>>()?);
            } else if name == "meta" {
                meta = Some(map.next_value::<PageMeta>()?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        let items =
            items.ok_or_else(|| serde::de::Error::custom(format_args!("missing field `{}`", self.key)))?;
        let meta = meta.ok_or_else(|| serde::de::Error::missing_field("meta"))?;
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

    #[test]
    fn page_items_come_from_the_key() {
        let (items, meta) = page::<Item>(StatusCode::OK, PAGE.as_bytes(), "things").unwrap();
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
        let err = page::<Item>(StatusCode::OK, body.as_bytes(), "things").unwrap_err();
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
        let err = page::<Item>(StatusCode::OK, br#"{"meta": {}}"#, "things").unwrap_err();
        assert!(err.to_string().contains("missing field `things`"), "{err}");
        let err = page::<Item>(StatusCode::OK, br#"{"things": []}"#, "things").unwrap_err();
        assert!(err.to_string().contains("missing field `meta`"), "{err}");
        assert!(json::<Item>(StatusCode::OK, b"").is_err());
        assert!(json::<Item>(StatusCode::OK, br#"{"sid":"A","duration":1} trailing"#).is_err());
    }
}
