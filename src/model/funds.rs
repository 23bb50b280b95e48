//! The funds ledger of a project (资金使用台账): dated entries of money
//! planned (计划), received (到位) and paid out (支付), in 万元, by source
//! (专项债券, 中央预算内投资…), and the rules over them: totals per source,
//! and how long government money has waited to be paid out (资金支付进度),
//! matching payments against receipts first in, first out.

use super::{Amount, Date};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// What a funds entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FundKind {
    /// Money planned for the project (计划).
    Planned,
    /// Money that arrived (到位).
    Received,
    /// Money paid out (支付).
    Paid,
}

impl FundKind {
    pub fn parse(text: &str) -> Result<FundKind, String> {
        match text {
            "planned" | "计划" => Ok(FundKind::Planned),
            "received" | "到位" => Ok(FundKind::Received),
            "paid" | "支付" => Ok(FundKind::Paid),
            _ => Err(tr!(BadFundKind, text = text)),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            FundKind::Planned => "planned",
            FundKind::Received => "received",
            FundKind::Paid => "paid",
        }
    }
}

/// One entry of `funds.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct FundEntry {
    pub date: Date,
    pub source: String,
    pub kind: FundKind,
    pub amount: Amount,
    pub note: String,
}

/// Planned, received and paid amounts (万元).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct FundTotals {
    pub planned: Amount,
    pub received: Amount,
    pub paid: Amount,
}

impl FundTotals {
    pub fn add(&mut self, kind: FundKind, amount: Amount) {
        let slot = match kind {
            FundKind::Planned => &mut self.planned,
            FundKind::Received => &mut self.received,
            FundKind::Paid => &mut self.paid,
        };
        slot.0 += amount.0;
    }

    pub fn add_all(&mut self, other: &FundTotals) {
        self.planned.0 += other.planned.0;
        self.received.0 += other.received.0;
        self.paid.0 += other.paid.0;
    }

    /// Whole percent of the received money paid out (0 when none received).
    pub fn paid_percent(&self) -> i64 {
        super::progress::percent(self.paid.0, self.received.0)
    }
}

/// Totals per source, in the order of `sources` (sources not listed
/// follow, by name); sources without entries are left out.
pub fn by_source(entries: &[FundEntry], sources: &[String]) -> Vec<(String, FundTotals)> {
    let mut map: BTreeMap<String, FundTotals> = BTreeMap::new();
    for e in entries {
        match map.get_mut(&e.source) {
            Some(t) => t.add(e.kind, e.amount),
            None => map
                .entry(e.source.clone())
                .or_default()
                .add(e.kind, e.amount),
        }
    }
    in_source_order(map, sources)
}

/// Totals by source (added up elsewhere, e.g. project by project) in the
/// order of `sources`, sources not listed following by name.
pub fn in_source_order(
    totals: BTreeMap<String, FundTotals>,
    sources: &[String],
) -> Vec<(String, FundTotals)> {
    let rank = |s: &str| sources.iter().position(|x| x == s).unwrap_or(usize::MAX);
    let mut out: Vec<(String, FundTotals)> = totals.into_iter().collect();
    out.sort_by(|a, b| rank(&a.0).cmp(&rank(&b.0)).then_with(|| a.0.cmp(&b.0)));
    out
}

/// The totals of all entries.
pub fn totals(entries: &[FundEntry]) -> FundTotals {
    let mut t = FundTotals::default();
    for e in entries {
        t.add(e.kind, e.amount);
    }
    t
}

/// Money of the sources `counted` that arrived and is not yet paid out on
/// `today`, payments matched against receipts first in, first out: the
/// amount still unpaid and the day the oldest unpaid part arrived. `None`
/// when everything received has been paid.
pub fn oldest_unpaid(
    entries: &[FundEntry],
    counted: impl Fn(&str) -> bool,
    today: Date,
) -> Option<(Decimal, Date)> {
    let mut receipts: Vec<(Date, Decimal)> = entries
        .iter()
        .filter(|e| e.kind == FundKind::Received && e.date <= today && counted(&e.source))
        .map(|e| (e.date, e.amount.0))
        .collect();
    receipts.sort_by_key(|r| r.0);
    let mut paid: Decimal = entries
        .iter()
        .filter(|e| e.kind == FundKind::Paid && e.date <= today && counted(&e.source))
        .map(|e| e.amount.0)
        .sum();
    let mut unpaid = Decimal::ZERO;
    let mut oldest = None;
    for (date, amount) in receipts {
        let covered = paid.min(amount);
        paid -= covered;
        let left = amount - covered;
        if left > Decimal::ZERO {
            unpaid += left;
            oldest.get_or_insert(date);
        }
    }
    oldest.map(|d| (unpaid, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(date: &str, source: &str, kind: FundKind, amount: &str) -> FundEntry {
        FundEntry {
            date: crate::model::parse_date(date).unwrap(),
            source: source.into(),
            kind,
            amount: Amount::parse(amount).unwrap(),
            note: String::new(),
        }
    }

    #[test]
    fn first_in_first_out() {
        use FundKind::*;
        let d = |s| crate::model::parse_date(s).unwrap();
        let entries = [
            e("2024-03-01", "专项债券", Received, "1000"),
            e("2024-05-01", "专项债券", Received, "500"),
            e("2024-06-01", "专项债券", Paid, "1200"),
            e("2024-06-01", "企业自筹", Received, "800"),
        ];
        let gov = |s: &str| s != "企业自筹";
        assert_eq!(
            oldest_unpaid(&entries, gov, d("2024-07-01")),
            Some((Decimal::from(300), d("2024-05-01")))
        );
        assert_eq!(
            oldest_unpaid(&entries, gov, d("2024-05-15")),
            Some((Decimal::from(1500), d("2024-03-01")))
        );
        let all = by_source(&entries, &["企业自筹".to_string()]);
        assert_eq!(all[0].0, "企业自筹");
        assert_eq!(all[1].1.paid, Amount::parse("1200").unwrap());
        assert_eq!(totals(&entries).received, Amount::parse("2300").unwrap());
    }
}
