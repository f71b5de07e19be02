//! `Decimal`: an exact decimal number as the API wrote it, for prices and amounts.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// A decimal number kept exactly as the API sent it (`"-0.00750"`), never rounded through
/// `f64`. Twilio sends prices and amounts as strings for this reason; some fields arrive as
/// JSON numbers, which are accepted too.
///
/// Equality compares the text: `0.0075` and `0.00750` differ, as they do on the wire. For
/// arithmetic, parse [`as_str`](Decimal::as_str) with the decimal crate of your choice, or
/// use [`to_f64`](Decimal::to_f64) where rounding does not matter.
///
/// ```
/// # extern crate sidekick_runtime as sidekick;
/// use sidekick::Decimal;
///
/// let price: Decimal = serde_json::from_str(r#""-0.00750""#).unwrap();
/// assert_eq!(price.as_str(), "-0.00750");
/// assert_eq!(serde_json::to_string(&price).unwrap(), r#""-0.00750""#);
/// assert!("1.5e3".parse::<Decimal>().is_ok());
/// assert!("ten".parse::<Decimal>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Decimal(String);

/// Why a text is not a decimal number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a decimal number (digits, an optional sign, fraction and exponent)")]
pub struct DecimalError(String);

impl Decimal {
    /// The number as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The nearest `f64`: for display or estimates, not for money arithmetic.
    pub fn to_f64(&self) -> f64 {
        // Checked at construction, so it always parses.
        self.0.parse().unwrap_or(f64::NAN)
    }
}

impl FromStr for Decimal {
    type Err = DecimalError;

    fn from_str(text: &str) -> Result<Self, DecimalError> {
        if is_decimal(text) { Ok(Decimal(text.to_owned())) } else { Err(DecimalError(text.to_owned())) }
    }
}

/// `[+-]digits[.digits][(e|E)[+-]digits]`, with digits on at least one side of the point.
fn is_decimal(text: &str) -> bool {
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e.strip_prefix(['+', '-']).unwrap_or(e))),
        None => (unsigned, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    !(whole.is_empty() && fraction.is_empty())
        && digits(whole)
        && digits(fraction)
        && exponent.is_none_or(|e| !e.is_empty() && digits(e))
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct DecimalVisitor;

        impl Visitor<'_> for DecimalVisitor {
            type Value = Decimal;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a decimal number, as a string or a number")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Decimal, E> {
                text.parse().map_err(E::custom)
            }

            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Decimal, E> {
                Ok(Decimal(n.to_string()))
            }

            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Decimal, E> {
                Ok(Decimal(n.to_string()))
            }

            // A JSON number with a fraction has been through `f64` already; its shortest
            // round-trip text is the closest to what was sent.
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<Decimal, E> {
                if n.is_finite() { Ok(Decimal(n.to_string())) } else { Err(E::custom("not a finite number")) }
            }
        }

        d.deserialize_any(DecimalVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_syntax() {
        for good in ["0", "-0.00750", "+1", "1.", ".5", "12.340", "1e9", "1.5E-3", "-2e+4"] {
            assert!(is_decimal(good), "{good}");
        }
        for bad in ["", "-", ".", "1.2.3", "1e", "e5", "0x10", "1,5", " 1", "NaN", "inf", "1e5.5"] {
            assert!(!is_decimal(bad), "{bad}");
        }
    }

    #[test]
    fn strings_stay_exact_and_numbers_are_accepted() {
        let d: Decimal = serde_json::from_str(r#""0.10000000000000000001""#).unwrap();
        assert_eq!(d.as_str(), "0.10000000000000000001");
        let n: Decimal = serde_json::from_str("39.7392").unwrap();
        assert_eq!(n.as_str(), "39.7392");
        let i: Decimal = serde_json::from_str("-12").unwrap();
        assert_eq!(i.to_string(), "-12");
        let err = serde_json::from_str::<Decimal>(r#""12 USD""#).unwrap_err();
        assert!(err.to_string().contains("is not a decimal number"), "{err}");
        assert!(serde_json::from_str::<Decimal>("true").is_err());
        assert_eq!(d.to_f64(), 0.1);
    }
}
