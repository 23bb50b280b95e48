//! Money in 万元 (ten thousand yuan), kept as an exact decimal: what the clerk
//! typed is what the ledger stores, never a binary float. The files hold
//! plain digits (`parse`); a clerk may also type thousands separators
//! (`1,200`, `1，200`) and full-width digits (`１２００`), stored as plain
//! digits (`parse_input`).

use rust_decimal::Decimal;
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Amount(pub Decimal);

impl Amount {
    pub const ZERO: Amount = Amount(Decimal::ZERO);

    /// Parses a non-negative decimal such as `3500` or `3500.25`, as the
    /// ledger's files hold it.
    pub fn parse(text: &str) -> Result<Amount, String> {
        let t = text.trim();
        let (int, frac) = match t.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (t, None),
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(int) || frac.is_some_and(|f| !digits(f) || f.len() > 6) || int.len() > 15 {
            return Err(tr!(BadAmountFile, text = text));
        }
        Decimal::from_str(t)
            .map(Amount)
            .map_err(|_| tr!(BadAmountFile, text = text))
    }

    /// Parses an amount as a clerk types it: `parse`'s form, with full-width
    /// digits and point, and thousands separators (`,` or `，`) between
    /// groups of exactly three digits (`1,200.5`; `12,5` is refused, as it
    /// could be a decimal comma).
    pub fn parse_input(text: &str) -> Result<Amount, String> {
        let t = half_width(text.trim()).replace('，', ",");
        let (int, frac) = match t.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (t.as_str(), None),
        };
        if int.contains(',') {
            let groups: Vec<&str> = int.split(',').collect();
            let ok = (1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3);
            if !ok {
                return Err(tr!(BadAmount, text = text));
            }
        }
        let plain = match frac {
            Some(f) => format!("{}.{f}", int.replace(',', "")),
            None => int.replace(',', ""),
        };
        Amount::parse(&plain).map_err(|_| tr!(BadAmount, text = text))
    }

    pub fn sum<'a>(items: impl IntoIterator<Item = &'a Amount>) -> Amount {
        Amount(items.into_iter().map(|a| a.0).sum())
    }
}

/// `text` with full-width digits and the full-width `.` `/` `-` `,` made
/// ASCII (what a Chinese input method types in full-width mode).
pub fn half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '／' => '/',
            '－' => '-',
            c => c,
        })
        .collect()
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

    #[test]
    fn input_forms_stored_plain() {
        for (typed, stored) in [
            ("1,200", "1200"),
            ("1，200", "1200"),
            ("12,345,678.5", "12345678.5"),
            ("１２００", "1200"),
            ("３５００．２５", "3500.25"),
            (" 3500 ", "3500"),
        ] {
            assert_eq!(
                Amount::parse_input(typed).unwrap().to_string(),
                stored,
                "{typed}"
            );
        }
        for bad in [
            "12,5", "1,20", "1,2000", ",200", "1,200,", "-3", "1e3", "", "3.",
        ] {
            let e = Amount::parse_input(bad).unwrap_err();
            assert!(e.contains("1,200") && !e.contains('\n'), "{bad}: {e}");
        }
    }
}
