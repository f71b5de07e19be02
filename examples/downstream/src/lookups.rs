//! Lookups v2 (`https://lookups.twilio.com`): information about a phone number, which is a
//! path parameter (its `+` is percent-encoded) with the data packages in the `Fields` query.

use serde::{Deserialize, Serialize, Serializer};
use sidekick::{Params, Resource};

/// The base URL of Lookups.
pub const BASE_URL: &str = "https://lookups.twilio.com";

/// What Lookups knows about a number: always its formats and validity, plus the packages
/// asked for in [`LookupParams::fields`].
#[derive(Debug, Clone, PartialEq, Deserialize, Resource)]
#[resource(base_url = BASE_URL, path = "/v2/PhoneNumbers/<phone_number>", fetch = LookupParams)]
pub struct PhoneNumberLookup {
    /// The number in E.164 form.
    pub phone_number: Option<String>,
    /// The country calling code (`1`).
    pub calling_country_code: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    pub country_code: Option<String>,
    /// The number in the country's national form.
    pub national_format: Option<String>,
    /// Whether the number is valid.
    pub valid: Option<bool>,
    /// Why the number is invalid (`TOO_LONG`...).
    pub validation_errors: Option<Vec<String>>,
    /// The `caller_name` package.
    pub caller_name: Option<CallerName>,
    /// The `line_type_intelligence` package.
    pub line_type_intelligence: Option<LineTypeIntelligence>,
    /// The absolute URL of the resource.
    pub url: Option<String>,
}

/// The `caller_name` package.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CallerName {
    /// The registered name.
    pub caller_name: Option<String>,
    /// `CONSUMER` or `BUSINESS`.
    pub caller_type: Option<String>,
    /// Why the package is missing, if it is.
    pub error_code: Option<i64>,
}

/// The `line_type_intelligence` package.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct LineTypeIntelligence {
    /// The line type (`mobile`, `landline`, `nonFixedVoip`...).
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// The carrier's name.
    pub carrier_name: Option<String>,
    /// The mobile country code.
    pub mobile_country_code: Option<String>,
    /// The mobile network code.
    pub mobile_network_code: Option<String>,
    /// Why the package is missing, if it is.
    pub error_code: Option<i64>,
}

/// The query of [`PhoneNumberLookup::fetch`].
#[derive(Debug, Clone, Default, Serialize, Params)]
pub struct LookupParams {
    /// The data packages to add, sent comma-separated as one `Fields` parameter; empty sends
    /// none.
    #[serde(rename = "Fields", serialize_with = "comma_separated", skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<LookupField>,
    /// The country of a number given in national form.
    #[serde(rename = "CountryCode")]
    pub country_code: Option<String>,
}

/// A Lookups data package.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LookupField {
    /// `validation`.
    Validation,
    /// `caller_name`.
    CallerName,
    /// `sim_swap`.
    SimSwap,
    /// `call_forwarding`.
    CallForwarding,
    /// `line_status`.
    LineStatus,
    /// `line_type_intelligence`.
    LineTypeIntelligence,
    /// `identity_match`.
    IdentityMatch,
    /// `reassigned_number`.
    ReassignedNumber,
    /// `sms_pumping_risk`.
    SmsPumpingRisk,
    /// `phone_number_quality_score`.
    PhoneNumberQualityScore,
    /// `pre_fill`.
    PreFill,
}

impl LookupField {
    /// The wire name, such as `caller_name`.
    pub fn as_str(self) -> &'static str {
        match self {
            LookupField::Validation => "validation",
            LookupField::CallerName => "caller_name",
            LookupField::SimSwap => "sim_swap",
            LookupField::CallForwarding => "call_forwarding",
            LookupField::LineStatus => "line_status",
            LookupField::LineTypeIntelligence => "line_type_intelligence",
            LookupField::IdentityMatch => "identity_match",
            LookupField::ReassignedNumber => "reassigned_number",
            LookupField::SmsPumpingRisk => "sms_pumping_risk",
            LookupField::PhoneNumberQualityScore => "phone_number_quality_score",
            LookupField::PreFill => "pre_fill",
        }
    }
}

fn comma_separated<S: Serializer>(fields: &[LookupField], s: S) -> Result<S::Ok, S::Error> {
    let names: Vec<&str> = fields.iter().map(|f| f.as_str()).collect();
    s.serialize_str(&names.join(","))
}
