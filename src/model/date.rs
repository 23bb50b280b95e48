//! Calendar dates as the ledger writes them: ISO `YYYY-MM-DD`, nothing else.
//! A deadline is the last allowed day; an item is overdue from the day after.

pub use chrono::NaiveDate as Date;

/// Serde for a date field: `YYYY-MM-DD` in JSON (chrono's own form), a day
/// number in compact binary formats (the project cache, `store::cache`),
/// which reads back without parsing text. Use as
/// `#[serde(with = "crate::model::date::serde_day")]`; `serde_opt_day` for
/// an `Option<Date>`.
pub mod serde_day {
    use super::Date;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            d.serialize(s)
        } else {
            s.serialize_i32(chrono::Datelike::num_days_from_ce(d))
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        if d.is_human_readable() {
            Date::deserialize(d)
        } else {
            let n = i32::deserialize(d)?;
            Date::from_num_days_from_ce_opt(n)
                .ok_or_else(|| serde::de::Error::custom(format!("day number {n} out of range")))
        }
    }
}

/// `serde_day` for an `Option<Date>`.
pub mod serde_opt_day {
    use super::Date;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    struct Day(#[serde(with = "super::serde_day")] Date);

    pub fn serialize<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        d.map(Day).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        Ok(Option::<Day>::deserialize(d)?.map(|Day(d)| d))
    }
}

/// Parses a strict ISO date (`2024-03-15`). The error names the value and the
/// expected form, so it can be shown to a clerk as it is.
pub fn parse_date(text: &str) -> Result<Date, String> {
    let t = text.trim();
    let shape_ok = t.len() == 10
        && t.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if shape_ok {
        let num = |r: std::ops::Range<usize>| t[r].parse::<u32>().expect("digits checked above");
        if let Some(d) = Date::from_ymd_opt(num(0..4) as i32, num(5..7), num(8..10)) {
            return Ok(d);
        }
        return Err(format!(
            "invalid date \"{text}\": no such day in the calendar; expected YYYY-MM-DD, e.g. 2024-03-15"
        ));
    }
    Err(format!(
        "invalid date \"{text}\": expected YYYY-MM-DD, e.g. 2024-03-15"
    ))
}

/// Days by which `due` is overdue on `today` (0 or less: not overdue).
pub fn days_past(due: Date, today: Date) -> i64 {
    (today - due).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_iso_only() {
        assert!(parse_date("2024-02-29").is_ok());
        assert!(
            parse_date("2023-02-29")
                .unwrap_err()
                .contains("no such day")
        );
        assert!(parse_date("2024-13-01").is_err());
        assert!(parse_date("2024-1-01").is_err());
        assert!(parse_date("tomorrow").unwrap_err().contains("\"tomorrow\""));
        assert!(parse_date("2024/01/01").is_err());
    }
}
