//! Calendar dates as the ledger writes them: ISO `YYYY-MM-DD`, nothing else.
//! A deadline is the last allowed day; an item is overdue from the day after.

pub use chrono::NaiveDate as Date;

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
