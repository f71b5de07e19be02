//! Twilio-style identifiers: a prefix and 32 lowercase hex digits (`RM…`, `PA…`, `RQ…`).
//!
//! They are deterministic, look random, and never repeat: the 128 bits are two bijective
//! scramblings of a number the caller never gives twice.

/// The identifier with `prefix` made from `counter`.
pub(crate) fn sid(prefix: &str, counter: u64) -> String {
    // Different halves keep neighbouring counters from sharing digits.
    let high = scramble(counter ^ 0x5349_4400_0000_0000);
    let low = scramble(counter);
    format!("{prefix}{high:016x}{low:016x}")
}

/// SplitMix64's finaliser: a cheap bijection that spreads counter bits over the whole word.
fn scramble(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn formats_as_prefix_and_32_lowercase_hex_digits() {
        let text = sid("PA", 7);
        assert_eq!(text.len(), 34);
        assert!(text.starts_with("PA"));
        assert!(text[2..].bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
        assert_eq!(sid("RM", 7), sid("RM", 7), "deterministic");
    }

    #[test]
    fn distinct_counters_give_distinct_sids() {
        let lows: HashSet<String> = (0..10_000).map(|n| sid("RM", n)[18..].to_owned()).collect();
        assert_eq!(lows.len(), 10_000, "the low half alone never repeats");
        assert_ne!(sid("RM", 1)[2..18], sid("RM", 2)[2..18]);
    }
}
