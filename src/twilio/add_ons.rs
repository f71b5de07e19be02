//! Lookups v1's `AddOnsData`: parameters for Marketplace add-ons, sent flattened with the
//! prefix `AddOns.` (the description's `prefixed-collapsible-map-AddOns` format).

use std::collections::BTreeMap;

use serde::ser::{Serialize, SerializeMap, Serializer};

/// Add-on parameters by name, sent as `AddOns.<name>=<value>` beside the other parameters
/// (in a params type it is a `#[serde(flatten)]` field).
///
/// ```
/// use sidekick::twilio::AddOnsData;
///
/// #[derive(serde::Serialize, sidekick::Params)]
/// struct Lookup {
///     #[serde(rename = "AddOns")]
///     add_ons: Vec<&'static str>,
///     #[serde(flatten)]
///     add_ons_data: AddOnsData,
/// }
/// let data = AddOnsData::new().insert("payfone_tcpa_compliance.RightPartyContactedDate", "20160101");
/// let lookup = Lookup { add_ons: vec!["payfone_tcpa_compliance"], add_ons_data: data };
/// assert_eq!(
///     sidekick::form::encode(&lookup).unwrap(),
///     "AddOns=payfone_tcpa_compliance&AddOns.payfone_tcpa_compliance.RightPartyContactedDate=20160101"
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddOnsData(pub BTreeMap<String, String>);

impl AddOnsData {
    /// No add-on parameters.
    pub fn new() -> Self {
        AddOnsData::default()
    }

    /// Adds the parameter `name` (`<add-on>.<parameter>`) with `value`.
    pub fn insert(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.0.insert(name.into(), value.into());
        self
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for AddOnsData {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(items: I) -> Self {
        AddOnsData(items.into_iter().map(|(k, v)| (k.into(), v.into())).collect())
    }
}

impl Serialize for AddOnsData {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            map.serialize_entry(&format!("AddOns.{name}"), value)?;
        }
        map.end()
    }
}

/// Its entries go where the operation puts parameters by default (the query of a fetch).
impl crate::Params for AddOnsData {}
