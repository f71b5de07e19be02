//! The `format` table: every `(type, format)` pair the mapping knows.
//!
//! It lists the 37 formats of the survey (`docs/twilio-spec-survey.md` §8); 34 occur in the
//! committed extracts, and `IdentityNotificationSid`, `DomainVerificationSid` and
//! `WorkflowExecutionSid` only on schemas no operation reaches. A pair missing from the table
//! is an error of [`field_type`](super::field_type), so a new format is decided on, not guessed.

use super::RustType;

/// What a `format` means for the Rust type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FormatRule {
    /// The field has this type (the format decides it).
    Type(Mapped),
    /// The format documents the text, or names the shape of an object; the `type` (and for an
    /// object, whether it has `properties`) decides, as if there were no format.
    Informative,
}

/// The types a format can decide on: the `RustType`s that carry no data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mapped {
    /// [`RustType::DateTime`].
    DateTime,
    /// [`RustType::DateTimeRfc2822`].
    DateTimeRfc2822,
    /// [`RustType::Date`].
    Date,
    /// [`RustType::I32`].
    I32,
    /// [`RustType::I64`].
    I64,
    /// [`RustType::Decimal`].
    Decimal,
    /// [`RustType::UriMap`].
    UriMap,
    /// [`RustType::FlagMap`].
    FlagMap,
    /// [`RustType::Json`].
    Json,
}

impl Mapped {
    /// The `RustType`.
    pub fn to_type(self) -> RustType {
        match self {
            Mapped::DateTime => RustType::DateTime,
            Mapped::DateTimeRfc2822 => RustType::DateTimeRfc2822,
            Mapped::Date => RustType::Date,
            Mapped::I32 => RustType::I32,
            Mapped::I64 => RustType::I64,
            Mapped::Decimal => RustType::Decimal,
            Mapped::UriMap => RustType::UriMap,
            Mapped::FlagMap => RustType::FlagMap,
            Mapped::Json => RustType::Json,
        }
    }
}

use FormatRule::{Informative, Type};

/// Every known `(type, format, rule)`, with the survey's count of schema nodes.
///
/// - Dates: `date-time` (814) is RFC 3339 and serde's own `DateTime<Utc>` impl reads it;
///   `date-time-rfc-2822` (116: api_v2010 110, iam_v1 6) needs
///   `sidekick::timestamp::rfc2822::option`; `date` (61) is `YYYY-MM-DD`, `NaiveDate`.
/// - Numbers: `int64` (343) → `i64`, `int32` (116) → `i32`, `float` (62) → `Decimal`, as every
///   `number` is (see the module documentation).
/// - `uri-map` (138, `links` and `subresource_uris`, no properties) → `BTreeMap<String, String>`.
/// - `prefixed-collapsible-map-AddOns` (1, lookups_v1 `AddOnsData`): a free-form object that
///   Twilio's libraries send as `AddOns.<key>=<value>`; `serde_json::Value` here, which the
///   generator replaces in params with the flattened `sidekick::twilio::AddOnsData`.
/// - Text that stays `String`: `uri` (2155), `http-method` (232; all carry an `enum`, which
///   wins), `phone-number` (94), `iso-country-code` (51), `currency` (24, all `price_unit`:
///   `USD`, not an amount), `email` (15), `endpoint` (4, a phone number, client or SIP address),
///   `twiml` (2), and the SID formats `Sid`, `AccountSid`, `OrganizationSid`, `UserSid`,
///   `IamRoleSid`, `IamRoleAssignmentSid`, `IdentityNotificationSid`, `DomainVerificationSid`,
///   `WorkflowExecutionSid`.
/// - `phone-number-capabilities` (18) → `BTreeMap<String, bool>`: the schema lists `fax`, `mms`,
///   `sms`, `voice`, but Trunking's examples carry `sms_outbound`, `voice_inbound` and more,
///   which a struct of the four would drop.
/// - Object shapes, whose `properties` decide (an inline struct): `inbound-call-price` (6), `outbound-prefix-price-with-origin` (3), `ice-server`,
///   `inbound-sms-price`, `outbound-sms-price`, `phone-number-price`, `outbound-prefix-price`,
///   `outbound-call-price`, `outbound-call-price-with-origin`, `subscribe-rule`,
///   `recording-rule` (1 each).
pub const FORMATS: &[(&str, &str, FormatRule)] = &[
    ("string", "date-time", Type(Mapped::DateTime)),
    ("string", "date-time-rfc-2822", Type(Mapped::DateTimeRfc2822)),
    ("string", "date", Type(Mapped::Date)),
    ("integer", "int64", Type(Mapped::I64)),
    ("integer", "int32", Type(Mapped::I32)),
    ("number", "float", Type(Mapped::Decimal)),
    ("object", "uri-map", Type(Mapped::UriMap)),
    ("object", "prefixed-collapsible-map-AddOns", Type(Mapped::Json)),
    ("string", "uri", Informative),
    ("string", "http-method", Informative),
    ("string", "phone-number", Informative),
    ("string", "iso-country-code", Informative),
    ("string", "currency", Informative),
    ("string", "email", Informative),
    ("string", "endpoint", Informative),
    ("string", "twiml", Informative),
    ("string", "Sid", Informative),
    ("string", "AccountSid", Informative),
    ("string", "OrganizationSid", Informative),
    ("string", "UserSid", Informative),
    ("string", "IamRoleSid", Informative),
    ("string", "IamRoleAssignmentSid", Informative),
    ("string", "IdentityNotificationSid", Informative),
    ("string", "DomainVerificationSid", Informative),
    ("string", "WorkflowExecutionSid", Informative),
    ("object", "phone-number-capabilities", Type(Mapped::FlagMap)),
    ("object", "inbound-call-price", Informative),
    ("object", "inbound-sms-price", Informative),
    ("object", "outbound-call-price", Informative),
    ("object", "outbound-call-price-with-origin", Informative),
    ("object", "outbound-prefix-price", Informative),
    ("object", "outbound-prefix-price-with-origin", Informative),
    ("object", "outbound-sms-price", Informative),
    ("object", "phone-number-price", Informative),
    ("object", "ice-server", Informative),
    ("object", "subscribe-rule", Informative),
    ("object", "recording-rule", Informative),
];

/// The rule for `format` on a schema of `type` (`""` for an untyped one), if the table has it.
pub fn format_rule(ty: &str, format: &str) -> Option<FormatRule> {
    FORMATS.iter().find(|(t, f, _)| *t == ty && *f == format).map(|(_, _, rule)| *rule)
}
