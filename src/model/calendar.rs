//! The working-day calendar (工作日): Monday to Friday, minus official
//! holidays (放假), plus make-up working days (调休上班). The official
//! 2024–2026 schedule ships with the tool; `ledger.toml` may add local days
//! off and later years under `[calendar]`.

use super::date::Date;
use chrono::{Datelike, Weekday};
use std::collections::{BTreeMap, BTreeSet};

/// The official schedule as published by the State Council's General Office.
pub const OFFICIAL: &str = include_str!("../../data/cn-official-2024-2026.toml");

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Calendar {
    off: BTreeSet<Date>,
    work: BTreeSet<Date>,
    /// Years whose holidays are known; outside them only weekends count.
    years: BTreeSet<i32>,
    /// A calendar-day period ending on a rest day ends on the next working
    /// day (民法典 art. 203); `[calendar] roll_rest_days` in ledger.toml.
    pub roll_rest_days: bool,
}

#[derive(serde::Deserialize)]
struct YearDays {
    #[serde(default)]
    off: Vec<String>,
    #[serde(default)]
    work: Vec<String>,
}

impl Calendar {
    /// The official calendar shipped with the tool.
    pub fn official() -> Calendar {
        let mut cal = Calendar {
            roll_rest_days: true,
            ..Calendar::default()
        };
        let years: BTreeMap<String, YearDays> =
            toml::from_str(OFFICIAL).expect("the shipped calendar is valid TOML");
        for (year, days) in years {
            cal.years
                .insert(year.parse().expect("year keys are numbers"));
            for d in &days.off {
                cal.off
                    .insert(super::parse_date(d).expect("shipped dates are valid"));
            }
            for d in &days.work {
                cal.work
                    .insert(super::parse_date(d).expect("shipped dates are valid"));
            }
        }
        cal
    }

    /// Adds local days off or make-up working days (and marks their years
    /// as covered).
    pub fn add(&mut self, off: &[Date], work: &[Date]) {
        for d in off {
            self.work.remove(d);
            self.off.insert(*d);
            self.years.insert(d.year());
        }
        for d in work {
            self.off.remove(d);
            self.work.insert(*d);
            self.years.insert(d.year());
        }
    }

    pub fn covers(&self, year: i32) -> bool {
        self.years.contains(&year)
    }

    pub fn is_working_day(&self, d: Date) -> bool {
        if self.work.contains(&d) {
            return true;
        }
        if self.off.contains(&d) {
            return false;
        }
        !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
    }

    /// The last day of a calendar-day period whose last day would be `d`:
    /// `d`, or, when it is a rest day (weekend or holiday, not a make-up
    /// working day) and the calendar rolls, the next working day.
    pub fn end_of_period(&self, d: Date) -> Date {
        let mut d = d;
        while self.roll_rest_days && !self.is_working_day(d) {
            d = d.succ_opt().expect("date in range");
        }
        d
    }

    /// The `n`th working day after `from` (the day itself is not counted).
    pub fn add_working_days(&self, from: Date, n: u32) -> Date {
        let mut d = from;
        let mut left = n;
        while left > 0 {
            d = d.succ_opt().expect("date in range");
            if self.is_working_day(d) {
                left -= 1;
            }
        }
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        super::super::parse_date(s).unwrap()
    }

    #[test]
    fn spring_festival_2024_and_makeup_saturday() {
        let cal = Calendar::official();
        // 2024-02-09 is a Friday; 10–17 off; Sunday 18 is a make-up working day.
        assert!(cal.is_working_day(d("2024-02-18")));
        assert!(!cal.is_working_day(d("2024-02-12")));
        assert_eq!(cal.add_working_days(d("2024-02-09"), 1), d("2024-02-18"));
        assert_eq!(cal.add_working_days(d("2024-02-09"), 2), d("2024-02-19"));
    }

    #[test]
    fn national_day_2025() {
        let cal = Calendar::official();
        // Sunday 2025-09-28 is worked; 1–8 October off; Saturday 11 October is worked.
        assert_eq!(cal.add_working_days(d("2025-09-26"), 1), d("2025-09-28"));
        assert_eq!(cal.add_working_days(d("2025-09-30"), 1), d("2025-10-09"));
        assert_eq!(cal.add_working_days(d("2025-10-10"), 1), d("2025-10-11"));
        assert!(cal.covers(2026) && !cal.covers(2027));
    }
}
