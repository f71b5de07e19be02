//! Twilio's `links` and `subresource_uris` maps, whose values may be `null`: a link that does
//! not apply to this object (a channel without a last message) rather than a URL.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// For `Option<BTreeMap<String, String>>` fields: `null` values are dropped, since a missing
/// link and a `null` one mean the same. Use with `#[serde(default, with = "sidekick::links")]`.
///
/// ```
/// # extern crate sidekick_runtime as sidekick;
/// use std::collections::BTreeMap;
///
/// #[derive(serde::Deserialize)]
/// struct Channel {
///     #[serde(default, with = "sidekick::links")]
///     links: Option<BTreeMap<String, String>>,
/// }
/// let channel: Channel =
///     serde_json::from_str(r#"{"links": {"members": "https://chat.example/Members", "last_message": null}}"#).unwrap();
/// let links = channel.links.unwrap();
/// assert_eq!(links.len(), 1);
/// assert_eq!(links["members"], "https://chat.example/Members");
/// ```
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<BTreeMap<String, String>>, D::Error> {
    let map = Option::<BTreeMap<String, Option<String>>>::deserialize(d)?;
    Ok(map.map(|map| map.into_iter().filter_map(|(name, url)| Some((name, url?))).collect()))
}

/// Serializes the map as it is.
pub fn serialize<S: Serializer>(value: &Option<BTreeMap<String, String>>, s: S) -> Result<S::Ok, S::Error> {
    value.serialize(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize, serde::Serialize)]
    struct Links {
        #[serde(default, with = "super")]
        links: Option<BTreeMap<String, String>>,
    }

    #[test]
    fn null_values_are_dropped_and_the_rest_kept() {
        let decoded: Links = serde_json::from_str(r#"{"links": {"a": "u1", "b": null}}"#).unwrap();
        assert_eq!(decoded.links, Some(BTreeMap::from([("a".to_owned(), "u1".to_owned())])));
        assert_eq!(serde_json::to_string(&decoded).unwrap(), r#"{"links":{"a":"u1"}}"#);
    }

    #[test]
    fn a_missing_or_null_map_is_none() {
        let missing: Links = serde_json::from_str("{}").unwrap();
        assert_eq!(missing.links, None);
        let null: Links = serde_json::from_str(r#"{"links": null}"#).unwrap();
        assert_eq!(null.links, None);
    }

    #[test]
    fn a_value_that_is_not_text_is_an_error() {
        assert!(serde_json::from_str::<Links>(r#"{"links": {"a": 1}}"#).is_err());
    }
}
