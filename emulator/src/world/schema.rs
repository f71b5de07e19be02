//! What a registered resource's JSON looks like, read from its `Deserialize` implementation: the
//! names of its fields and the kind of value each one takes.
//!
//! A derived `Deserialize` for a struct hands its field names to `deserialize_struct`, and asks
//! for each field's value with a typed call (`deserialize_str`, `deserialize_u32`, ...). A probe
//! deserializer that records those calls and then stops learns the wire shape without any
//! annotation; the emulator uses it to fill new objects and to turn form parameters into JSON
//! values of the right type.

use std::fmt;

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::de::{self, DeserializeOwned, Deserializer, IntoDeserializer, MapAccess, Visitor};
use serde_json::{Map, Value};

/// The kind of JSON value a field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Bool,
    Integer,
    Float,
    /// A string, or a value read from a string (a timestamp, a decimal).
    Text,
    /// An array: a parameter repeated.
    List,
    /// An object (`links`, free-form maps).
    Object,
    /// Anything (`serde_json::Value`, or an enum with a catch-all variant): kept as text.
    Any,
    /// One of these strings: a closed enum's wire names.
    OneOf(&'static [&'static str]),
}

/// One field of a resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Field {
    pub(crate) name: &'static str,
    pub(crate) kind: Kind,
    /// `Option<_>` (or defaulted): `null` is a valid value.
    pub(crate) nullable: bool,
}

/// How a resource's own timestamps are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TimestampStyle {
    /// `2015-07-30T20:00:00Z`
    Rfc3339,
    /// `Thu, 30 Jul 2015 20:00:00 +0000` (Twilio's 2010 API)
    Rfc2822,
}

impl TimestampStyle {
    pub(crate) fn format(self, at: DateTime<Utc>) -> String {
        match self {
            TimestampStyle::Rfc3339 => at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            TimestampStyle::Rfc2822 => at.format("%a, %d %b %Y %H:%M:%S +0000").to_string(),
        }
    }

    /// Reads a timestamp in either style, including the six-digit years of a clock advanced to
    /// chrono's end of time, which RFC 3339 parsers refuse but the emulator still writes.
    pub(crate) fn parse(text: &str) -> Option<DateTime<Utc>> {
        DateTime::parse_from_rfc3339(text)
            .or_else(|_| DateTime::parse_from_rfc2822(text))
            .map(|t| t.to_utc())
            .ok()
            .or_else(|| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%SZ").ok().map(|t| t.and_utc()))
    }
}

/// The wire shape of a resource type.
#[derive(Debug, Clone)]
pub(crate) struct Schema {
    pub(crate) fields: Vec<Field>,
    pub(crate) timestamps: TimestampStyle,
    /// Checks a JSON object against the resource type; the error names the field. A resource
    /// described in a file has no type: coercing parameters to their fields' kinds is all.
    validate: Option<Validator>,
}

/// Reads a JSON object as the resource type; the error names the field at fault.
type Validator = fn(&Value) -> Result<(), String>;

impl Schema {
    /// Reads the shape of `R`, which must be a struct with named fields and a derived (or
    /// equivalent) `Deserialize`.
    pub(crate) fn of<R: DeserializeOwned>() -> Result<Schema, String> {
        let names = field_names::<R>()
            .ok_or("its Deserialize does not read a struct with named fields (serde's derive does)")?;
        let fields = names.iter().map(|name| probe_field::<R>(name)).collect();
        let mut schema =
            Schema { fields, timestamps: TimestampStyle::Rfc3339, validate: Some(validate::<R>) };
        schema
            .validate(&Value::Object(schema.template()))
            .map_err(|e| format!("an empty object does not decode: {e}"))?;
        schema.timestamps = schema.timestamp_style();
        Ok(schema)
    }

    /// The shape a description gives, for a resource without a Rust type.
    pub(crate) fn described(fields: Vec<Field>, timestamps: TimestampStyle) -> Schema {
        Schema { fields, timestamps, validate: None }
    }

    pub(crate) fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// An object with every field: `null` where allowed, else the kind's empty value.
    pub(crate) fn template(&self) -> Map<String, Value> {
        self.fields
            .iter()
            .map(|f| (f.name.to_owned(), if f.nullable { Value::Null } else { empty(f.kind) }))
            .collect()
    }

    pub(crate) fn validate(&self, object: &Value) -> Result<(), String> {
        self.validate.map_or(Ok(()), |validate| validate(object))
    }

    /// RFC 3339 unless the type refuses it where it takes a timestamp and takes RFC 2822.
    fn timestamp_style(&self) -> TimestampStyle {
        let Some(field) = ["date_created", "date_updated"].into_iter().find_map(|name| self.field(name))
        else {
            return TimestampStyle::Rfc3339;
        };
        let with = |text: &str| {
            let mut object = self.template();
            object.insert(field.name.to_owned(), Value::String(text.to_owned()));
            self.validate(&Value::Object(object)).is_ok()
        };
        if !with("2015-07-30T20:00:00Z") && with("Thu, 30 Jul 2015 20:00:00 +0000") {
            TimestampStyle::Rfc2822
        } else {
            TimestampStyle::Rfc3339
        }
    }
}

fn empty(kind: Kind) -> Value {
    match kind {
        Kind::Bool => Value::Bool(false),
        Kind::Integer => Value::from(0),
        Kind::Float => Value::from(0.0),
        Kind::Text => Value::String(String::new()),
        Kind::List => Value::Array(Vec::new()),
        Kind::Object => Value::Object(Map::new()),
        Kind::Any => Value::Null,
        Kind::OneOf(names) => names.first().map_or(Value::Null, |name| Value::String((*name).to_owned())),
    }
}

fn validate<R: DeserializeOwned>(object: &Value) -> Result<(), String> {
    serde_path_to_error::deserialize::<_, R>(object)
        .map(drop)
        .map_err(|e| format!("{}: {}", e.path(), e.inner()))
}

/// Why the probe stopped; never shown to anyone.
#[derive(Debug)]
struct Stop;

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("probe")
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Stop
    }
}

/// The field names `R` hands to `deserialize_struct`.
fn field_names<R: DeserializeOwned>() -> Option<&'static [&'static str]> {
    let mut names = None;
    let _ = R::deserialize(StructProbe { names: &mut names, field: None, calls: &mut Vec::new() });
    names
}

/// The kind of field `name`: `R` is asked to read an object with that one field, and the
/// request for its value is recorded.
fn probe_field<R: DeserializeOwned>(name: &'static str) -> Field {
    let mut calls = Vec::new();
    let _ = R::deserialize(StructProbe { names: &mut None, field: Some(name), calls: &mut calls });
    let nullable = calls.first() == Some(&Call::Option);
    let kind = calls.into_iter().find_map(|call| match call {
        Call::Option => None,
        Call::Kind(kind) => Some(kind),
    });
    // A field whose value was never asked for (skipped) reads as anything.
    Field { name, kind: kind.unwrap_or(Kind::Any), nullable: nullable || kind.is_none() }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Call {
    Option,
    Kind(Kind),
}

/// Answers `deserialize_struct` by recording the field names, and, when probing a field,
/// offering an object with that field only.
struct StructProbe<'a> {
    names: &'a mut Option<&'static [&'static str]>,
    field: Option<&'static str>,
    calls: &'a mut Vec<Call>,
}

impl<'de> Deserializer<'de> for StructProbe<'_> {
    type Error = Stop;

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Stop> {
        *self.names = Some(fields);
        match self.field {
            Some(field) => visitor.visit_map(OneField { name: Some(field), calls: self.calls }),
            None => Err(Stop),
        }
    }

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

/// An object with one field whose value records how it is read.
struct OneField<'a> {
    name: Option<&'static str>,
    calls: &'a mut Vec<Call>,
}

impl<'de> MapAccess<'de> for OneField<'_> {
    type Error = Stop;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Stop> {
        match self.name.take() {
            Some(name) => seed.deserialize(name.into_deserializer()).map(Some),
            None => Ok(None),
        }
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Stop> {
        seed.deserialize(ValueProbe { calls: self.calls })
    }
}

/// Records the first typed request for a value (through `Option`), then stops.
struct ValueProbe<'a> {
    calls: &'a mut Vec<Call>,
}

impl ValueProbe<'_> {
    fn stop<T>(self, kind: Kind) -> Result<T, Stop> {
        self.calls.push(Call::Kind(kind));
        Err(Stop)
    }
}

macro_rules! record {
    ($($method:ident => $kind:ident),* $(,)?) => {
        $(fn $method<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
            self.stop(Kind::$kind)
        })*
    };
}

impl<'de> Deserializer<'de> for ValueProbe<'_> {
    type Error = Stop;

    record! {
        deserialize_any => Any, deserialize_bool => Bool,
        deserialize_i8 => Integer, deserialize_i16 => Integer, deserialize_i32 => Integer,
        deserialize_i64 => Integer, deserialize_i128 => Integer, deserialize_u8 => Integer,
        deserialize_u16 => Integer, deserialize_u32 => Integer, deserialize_u64 => Integer,
        deserialize_u128 => Integer, deserialize_f32 => Float, deserialize_f64 => Float,
        deserialize_char => Text, deserialize_str => Text, deserialize_string => Text,
        deserialize_bytes => Text, deserialize_byte_buf => Text, deserialize_unit => Any,
        deserialize_seq => List, deserialize_map => Object, deserialize_identifier => Text,
        deserialize_ignored_any => Any,
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        self.calls.push(Call::Option);
        visitor.visit_some(self)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, _: V) -> Result<V::Value, Stop> {
        self.stop(Kind::Any)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Stop> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value, Stop> {
        self.stop(Kind::List)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        _: V,
    ) -> Result<V::Value, Stop> {
        self.stop(Kind::List)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Stop> {
        self.stop(Kind::Object)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Stop> {
        // A closed enum: on the wire, one of its variants' names.
        self.stop(Kind::OneOf(variants))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use chrono::{DateTime, Utc};
    use serde::Deserialize;

    use super::*;

    #[test]
    fn timestamps_are_utc_seconds_with_z_and_read_back() {
        let instant = DateTime::parse_from_rfc3339("2015-07-30T20:00:00Z").unwrap().to_utc();
        assert_eq!(TimestampStyle::Rfc3339.format(instant), "2015-07-30T20:00:00Z");
        assert_eq!(TimestampStyle::Rfc2822.format(instant), "Thu, 30 Jul 2015 20:00:00 +0000");
        for style in [TimestampStyle::Rfc3339, TimestampStyle::Rfc2822] {
            assert_eq!(TimestampStyle::parse(&style.format(instant)), Some(instant));
        }
    }

    #[test]
    fn timestamps_at_the_ends_of_time_render_and_read_back() {
        // The clock saturates at chrono's range; rendering there must not panic.
        let end = TimestampStyle::Rfc3339.format(DateTime::<Utc>::MAX_UTC);
        assert!(end.starts_with('+') && end.ends_with("-12-31T23:59:59Z"), "{end}");
        let start = TimestampStyle::Rfc3339.format(DateTime::<Utc>::MIN_UTC);
        assert!(start.starts_with('-') && start.ends_with("-01-01T00:00:00Z"), "{start}");
        for instant in [DateTime::<Utc>::MAX_UTC, DateTime::<Utc>::MIN_UTC, DateTime::UNIX_EPOCH] {
            let whole = instant - chrono::TimeDelta::nanoseconds(i64::from(instant.timestamp_subsec_nanos()));
            assert_eq!(
                TimestampStyle::parse(&TimestampStyle::Rfc3339.format(instant)),
                Some(whole),
                "{instant}"
            );
        }
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Sample {
        sid: String,
        #[serde(rename = "FriendlyName")]
        friendly_name: Option<String>,
        count: Option<u32>,
        ratio: f64,
        enabled: Option<bool>,
        tags: Option<Vec<String>>,
        links: Option<BTreeMap<String, String>>,
        extra: Option<serde_json::Value>,
        date_created: Option<DateTime<Utc>>,
        #[serde(default)]
        status: Option<Status>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    enum Status {
        Queued,
        #[serde(untagged)]
        #[allow(dead_code)]
        Other(String),
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Closed {
        state: State,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum State {
        Open,
        Closed,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Dated {
        #[serde(default, with = "v2010_dates")]
        date_created: Option<DateTime<Utc>>,
    }

    mod v2010_dates {
        use chrono::{DateTime, Utc};
        use serde::{Deserialize, Deserializer};

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
            let text = Option::<String>::deserialize(d)?;
            text.map(|t| {
                DateTime::parse_from_rfc2822(&t).map(|d| d.to_utc()).map_err(serde::de::Error::custom)
            })
            .transpose()
        }
    }

    #[test]
    fn fields_kinds_and_nullability_come_from_deserialize() {
        let schema = Schema::of::<Sample>().unwrap();
        let kinds: Vec<(&str, Kind, bool)> =
            schema.fields.iter().map(|f| (f.name, f.kind, f.nullable)).collect();
        assert_eq!(
            kinds,
            [
                ("sid", Kind::Text, false),
                ("FriendlyName", Kind::Text, true),
                ("count", Kind::Integer, true),
                ("ratio", Kind::Float, false),
                ("enabled", Kind::Bool, true),
                ("tags", Kind::List, true),
                ("links", Kind::Object, true),
                ("extra", Kind::Any, true),
                ("date_created", Kind::Text, true),
                ("status", Kind::Any, true),
            ]
        );
        assert_eq!(schema.timestamps, TimestampStyle::Rfc3339);
        let template = Value::Object(schema.template());
        assert_eq!(template["sid"], "");
        assert_eq!(template["ratio"], 0.0);
        assert!(template["count"].is_null());
        assert!(schema.validate(&template).is_ok());
    }

    #[test]
    fn a_closed_enum_takes_its_wire_names_and_starts_at_the_first() {
        let schema = Schema::of::<Closed>().unwrap();
        assert_eq!(schema.fields[0].kind, Kind::OneOf(&["open", "closed"]));
        assert_eq!(Value::Object(schema.template())["state"], "open");
    }

    #[test]
    fn a_type_that_reads_rfc_2822_dates_gets_them() {
        assert_eq!(Schema::of::<Dated>().unwrap().timestamps, TimestampStyle::Rfc2822);
    }

    #[test]
    fn validation_names_the_field_at_fault() {
        let schema = Schema::of::<Sample>().unwrap();
        let mut object = schema.template();
        object.insert("count".into(), Value::String("seven".into()));
        let problem = schema.validate(&Value::Object(object)).unwrap_err();
        assert!(problem.starts_with("count:"), "{problem}");
    }

    #[test]
    fn a_type_that_is_not_a_struct_is_refused() {
        assert!(Schema::of::<BTreeMap<String, String>>().is_err());
        assert!(Schema::of::<String>().is_err());
    }
}
