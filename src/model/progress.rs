//! The progress ledger (项目进度台账) and the problem ledger (问题台账) of a
//! project, and the time-elapsed rule (时序进度): the share of the year gone
//! by against the share of the year's planned investment completed. Also
//! how a procedure row stood on an earlier day, for reports regenerated
//! for a past date.

use super::{Amount, Date, Procedure, Status};
use chrono::Datelike;
use rust_decimal::Decimal;

/// One dated progress entry: investment completed to date (累计完成投资,
/// 万元) and the physical progress (形象进度) as free text.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ProgressEntry {
    #[serde(with = "super::date::serde_day")]
    pub date: Date,
    pub invested: Amount,
    pub note: String,
}

/// One problem of the problem ledger, numbered 1, 2, 3… per project.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ProblemRecord {
    pub no: u32,
    pub what: String,
    /// The responsible unit (责任单位).
    pub unit: String,
    /// Time limit to resolve it (解决时限): the last allowed day.
    #[serde(with = "super::date::serde_day")]
    pub limit: Date,
    #[serde(with = "super::date::serde_day")]
    pub opened: Date,
    #[serde(with = "super::date::serde_opt_day")]
    pub resolved: Option<Date>,
    pub how: String,
    /// Category (问题类别) from the ledger's list, e.g. 用地; "" when not set.
    pub category: String,
    /// The procedure the problem holds up (catalogue key); "" when none.
    pub procedure: String,
    /// Recorded steps up (to the mechanism, to the leaders), by date.
    pub escalations: Vec<super::escalation::Escalation>,
    /// The supervision order (督办), if one was issued.
    pub order: Option<super::escalation::Order>,
}

impl ProblemRecord {
    /// The level recorded by `problem escalate` as of `today`.
    pub fn recorded_level(&self, today: Date) -> super::escalation::Level {
        self.escalations
            .iter()
            .filter(|e| e.date <= today)
            .map(|e| e.to)
            .max()
            .unwrap_or(super::escalation::Level::Taskforce)
    }

    /// The level the problem is handled at on `today`: the recorded one,
    /// or higher when the ledger's rule lifts an open problem long past
    /// its limit; and whether the rule lifted it.
    pub fn level_on(
        &self,
        today: Date,
        rules: &super::escalation::EscalationRules,
    ) -> (super::escalation::Level, bool) {
        let recorded = self.recorded_level(today);
        let auto = rules.level_for(self.days_overdue(today));
        if auto > recorded {
            (auto, true)
        } else {
            (recorded, false)
        }
    }

    /// Days the supervision order is past its due day on `today` while the
    /// problem is open (0: not overdue or no order).
    pub fn order_days_overdue(&self, today: Date) -> i64 {
        match &self.order {
            Some(o) if o.date <= today && self.open_on(today) => {
                super::date::days_past(o.due, today).max(0)
            }
            _ => 0,
        }
    }

    /// Open on `today`: opened by then and not resolved by then.
    pub fn open_on(&self, today: Date) -> bool {
        self.opened <= today && self.resolved.is_none_or(|r| r > today)
    }

    /// Days past the time limit on `today` while still open (0: not overdue).
    pub fn days_overdue(&self, today: Date) -> i64 {
        if self.open_on(today) {
            super::date::days_past(self.limit, today).max(0)
        } else {
            0
        }
    }
}

/// 时序进度 on `today`: (day of the year, days in the year), 1 January
/// being day 1 and a leap year having 366 days.
pub fn year_elapsed(today: Date) -> (i64, i64) {
    let days = if Date::from_ymd_opt(today.year(), 2, 29).is_some() {
        366
    } else {
        365
    };
    (i64::from(today.ordinal()), days)
}

/// Investment completed in `today`'s year up to `today`: the latest entry
/// on or before today minus the last entry of an earlier year (or 0).
pub fn invested_this_year(entries: &[ProgressEntry], today: Date) -> Decimal {
    let latest = entries
        .iter()
        .filter(|e| e.date <= today)
        .max_by_key(|e| e.date)
        .map_or(Decimal::ZERO, |e| e.invested.0);
    let before = entries
        .iter()
        .filter(|e| e.date.year() < today.year())
        .max_by_key(|e| e.date)
        .map_or(Decimal::ZERO, |e| e.invested.0);
    latest - before
}

/// Whole percent of `part` in `whole`, rounded half up (四舍五入: 28.57 %
/// → 29 %, 28.5 % → 29 %); 0 when `whole` is 0. Every percentage taizhang
/// shows (tables, bulletin, JSON) is this whole number; the lights are
/// graded on the exact shares, never on the rounded ones.
pub fn percent(part: Decimal, whole: Decimal) -> i64 {
    if whole.is_zero() {
        return 0;
    }
    use rust_decimal::prelude::ToPrimitive;
    (part * Decimal::ONE_HUNDRED / whole)
        .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .to_i64()
        .unwrap_or(0)
}

/// `percent` of whole counts (days, procedures).
pub fn percent_of(part: i64, whole: i64) -> i64 {
    percent(Decimal::from(part), Decimal::from(whole))
}

/// A procedure row as it stood at the end of `day`: steps dated later undone.
pub fn procedure_as_of(p: &Procedure, day: Date) -> Procedure {
    let mut r = p.clone();
    if r.status == Status::NotNeeded {
        return r;
    }
    r.fulfilled = r.fulfilled.filter(|d| *d <= day);
    if r.pledged.is_some_and(|d| d > day) {
        r.pledged = None;
        r.pledge_kind = None;
        r.pledge_due = None;
        r.missing_items.clear();
    }
    if r.obtained.is_some_and(|d| d > day) {
        r.obtained = None;
    }
    r.status = if r.obtained.is_some() && (r.pledged.is_none() || r.fulfilled.is_some()) {
        Status::Obtained
    } else if r.pledged.is_some() {
        Status::Pledged
    } else if r.status == Status::Obtained && r.obtained.is_none() && p.obtained.is_none() {
        // Obtained without a recorded date: nothing to undo.
        Status::Obtained
    } else {
        Status::Pending
    };
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        super::super::parse_date(s).unwrap()
    }

    #[test]
    fn percentages_round_half_up() {
        assert_eq!(percent_of(2, 7), 29); // 28.57
        assert_eq!(percent_of(1, 8), 13); // 12.5
        assert_eq!(percent_of(57, 200), 29); // 28.5
        assert_eq!(percent_of(5699, 20000), 28); // 28.495
        assert_eq!(percent_of(0, 7), 0);
        assert_eq!(percent_of(7, 7), 100);
        assert_eq!(percent_of(3, 0), 0);
    }

    #[test]
    fn elapsed_share() {
        assert_eq!(year_elapsed(d("2024-01-01")), (1, 366));
        assert_eq!(year_elapsed(d("2024-12-31")), (366, 366));
        assert_eq!(year_elapsed(d("2023-12-31")), (365, 365));
        assert_eq!(year_elapsed(d("2024-03-01")), (61, 366));
    }

    #[test]
    fn this_year() {
        let e = |date: &str, a: &str| ProgressEntry {
            date: d(date),
            invested: Amount::parse(a).unwrap(),
            note: String::new(),
        };
        let entries = [e("2023-12-20", "100"), e("2024-02-01", "150")];
        assert_eq!(invested_this_year(&entries, d("2024-01-31")), Decimal::ZERO);
        assert_eq!(
            invested_this_year(&entries, d("2024-02-01")),
            Decimal::from(50)
        );
        assert_eq!(
            invested_this_year(&entries, d("2023-12-31")),
            Decimal::from(100)
        );
    }

    #[test]
    fn procedure_rolled_back() {
        use crate::model::PledgeKind;
        let p = Procedure {
            status: Status::Obtained,
            pledge_kind: Some(PledgeKind::Tolerance),
            pledged: Some(d("2024-03-01")),
            pledge_due: Some(d("2024-03-31")),
            missing_items: "图纸".into(),
            obtained: Some(d("2024-03-20")),
            fulfilled: Some(d("2024-03-20")),
            ..Procedure::default()
        };
        assert_eq!(procedure_as_of(&p, d("2024-03-20")), p);
        let pledged = procedure_as_of(&p, d("2024-03-19"));
        assert_eq!(pledged.status, Status::Pledged);
        assert_eq!((pledged.obtained, pledged.fulfilled), (None, None));
        assert!(pledged.open_pledge());
        let before = procedure_as_of(&p, d("2024-02-29"));
        assert_eq!(before.status, Status::Pending);
        assert_eq!((before.pledge_kind, before.pledge_due), (None, None));
        assert!(before.missing_items.is_empty());
    }
}
