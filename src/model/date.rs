//! Calendar dates. The ledger's files hold ISO `YYYY-MM-DD` and nothing
//! else (`parse_date`); what a clerk types, on the command line or in an
//! imported sheet, may also be written the ways Chinese offices write a
//! date, year first: `2024/3/1`, `2024.3.1`, `2024年3月1日`, with full-width
//! digits too (`parse_date_input`). A day-first or month-first order such as
//! `03/04/2024` is refused, never guessed. A deadline is the last allowed
//! day; an item is overdue from the day after.

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

/// Parses a strict ISO date (`2024-03-15`), as the ledger's files hold it.
/// The error names the value and the expected form.
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
        return Err(tr!(NoSuchDayIso, text = text));
    }
    Err(tr!(BadIsoDate, text = text))
}

/// Parses a date as a clerk types it: `2024-03-01`, `2024-3-1`, `2024/3/1`,
/// `2024.3.1` or `2024年3月1日` (the last 日 optional), full-width digits
/// and separators allowed. The year comes first and has four digits; the
/// error says which forms are read, in one line.
pub fn parse_date_input(text: &str) -> Result<Date, String> {
    let t: String = super::amount::half_width(text.trim());
    let t = t.strip_suffix('日').unwrap_or(&t);
    let parts: Vec<&str> = if t.contains('年') {
        match t.split_once('年').and_then(|(y, md)| {
            md.split_once('月')
                .map(|(m, d)| vec![y.trim(), m.trim(), d.trim()])
        }) {
            Some(p) => p,
            None => return Err(tr!(BadDate, text = text)),
        }
    } else {
        let sep = ['-', '/', '.']
            .into_iter()
            .find(|&c| t.contains(c))
            .unwrap_or('-');
        t.split(sep).collect()
    };
    let num = |s: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    match parts.as_slice() {
        [y, m, d] => match (num(y, 4..=4), num(m, 1..=2), num(d, 1..=2)) {
            (Some(y), Some(m), Some(d)) => {
                Date::from_ymd_opt(y as i32, m, d).ok_or_else(|| tr!(NoSuchDay, text = text))
            }
            _ => Err(tr!(BadDate, text = text)),
        },
        _ => Err(tr!(BadDate, text = text)),
    }
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

    #[test]
    fn input_forms_year_first() {
        let d = Date::from_ymd_opt(2024, 3, 1).unwrap();
        for ok in [
            "2024-03-01",
            "2024-3-1",
            "2024/3/1",
            "2024/03/01",
            "2024.3.1",
            "2024年3月1日",
            "2024年3月1",
            " 2024年03月01日 ",
            "２０２４年３月１日",
            "２０２４／３／１",
        ] {
            assert_eq!(parse_date_input(ok), Ok(d), "{ok}");
        }
        for bad in [
            "03/04/2024",
            "1/3/2024",
            "24/3/1",
            "2024/3",
            "2024-3/1",
            "2024年3月",
            "2024年13月1日",
            "3月1日",
            "",
            "tomorrow",
            "2024/3/1/5",
        ] {
            assert!(parse_date_input(bad).is_err(), "{bad}");
        }
        assert!(
            parse_date_input("2023/2/29")
                .unwrap_err()
                .contains("no such day")
        );
        let e = parse_date_input("03/04/2024").unwrap_err();
        assert!(e.contains("2024/3/1") && e.contains("2024年3月1日"), "{e}");
        assert!(!e.contains('\n'));
    }
}
