//! Money in 万元 (ten thousand yuan), kept as an exact decimal: what the clerk
//! typed is what the ledger stores, never a binary float.

use rust_decimal::Decimal;
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Amount(pub Decimal);

impl Amount {
    pub const ZERO: Amount = Amount(Decimal::ZERO);

    /// Parses a non-negative decimal such as `3500` or `3500.25`.
    pub fn parse(text: &str) -> Result<Amount, String> {
        let t = text.trim();
        let expected = "expected an amount in 万元 as digits with an optional decimal point, e.g. 3500 or 3500.25";
        let (int, frac) = match t.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (t, None),
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(int) || frac.is_some_and(|f| !digits(f) || f.len() > 6) || int.len() > 15 {
            return Err(format!("invalid amount \"{text}\": {expected}"));
        }
        Decimal::from_str(t)
            .map(Amount)
            .map_err(|_| format!("invalid amount \"{text}\": {expected}"))
    }

    pub fn sum<'a>(items: impl IntoIterator<Item = &'a Amount>) -> Amount {
        Amount(items.into_iter().map(|a| a.0).sum())
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl serde::Serialize for Amount {
    /// JSON carries amounts as strings so no reader turns them into floats;
    /// compact binary formats (the project cache) the decimal's 16 bytes.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.serialize_str(&self.0.to_string())
        } else {
            s.serialize_bytes(&self.0.serialize())
        }
    }
}

impl<'de> serde::Deserialize<'de> for Amount {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Amount, D::Error> {
        use serde::de::Error;
        if d.is_human_readable() {
            let text = String::deserialize(d)?;
            Amount::parse(&text).map_err(D::Error::custom)
        } else {
            let bytes = <&[u8]>::deserialize(d)?;
            let bytes: [u8; 16] = bytes
                .try_into()
                .map_err(|_| D::Error::custom("an amount is 16 bytes"))?;
            Ok(Amount(Decimal::deserialize(bytes)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_and_strict() {
        assert_eq!(Amount::parse("3500.50").unwrap().to_string(), "3500.50");
        assert_eq!(Amount::parse("0.1").unwrap().to_string(), "0.1");
        for bad in ["12,5", "-3", "", "1e3", "3.", ".5", "abc", "+4"] {
            assert!(Amount::parse(bad).is_err(), "{bad}");
        }
    }
}
