//! `taizhang funds`: an entry of the project's funds ledger (资金使用台账):
//! money planned, received or paid out, by source, in 万元.

use super::{Ctx, Output, amount_arg, event_date, project_id};
use crate::cli::FundsArgs;
use crate::model::{FundKind, funds};
use crate::store::funds::FUNDS_FILE;
use anyhow::{Result, bail};

pub fn run(ctx: &Ctx, a: &FundsArgs) -> Result<Output> {
    let id = project_id(&a.id)?;
    let (kind, flag, text) = match (&a.planned, &a.received, &a.paid) {
        (Some(t), None, None) => (FundKind::Planned, "--planned", t),
        (None, Some(t), None) => (FundKind::Received, "--received", t),
        (None, None, Some(t)) => (FundKind::Paid, "--paid", t),
        _ => bail!(tr!(FundsNeedAmount)),
    };
    let amount = amount_arg(flag, text)?;
    if amount.0.is_zero() {
        bail!(tr!(FundsZero, flag = flag));
    }
    let ledger = ctx.open_ledger()?;
    let sources = &ledger.settings.funds.sources;
    let source = a.source.trim();
    if !sources.iter().any(|s| s == source) {
        bail!(tr!(
            UnknownFundSource,
            text = a.source,
            list = sources.join(crate::msg::list_separator())
        ));
    }
    let _lock = ledger.lock()?;
    let lp = ledger.load_project(&id)?;
    let date = event_date("--date", a.date.as_deref(), ctx.today)?;
    let note = a.note.as_deref().map(str::trim).unwrap_or("").to_string();
    let mut table = lp.funds_table.clone();
    let row_id = crate::store::ledger_csv::row_id(
        &format!(
            "{id}\u{1f}{date}\u{1f}{source}\u{1f}{}\u{1f}{amount}\u{1f}{note}",
            kind.key()
        ),
        &crate::store::funds::taken_ids(&table),
    );
    table.ensure_columns(&["id"]);
    // After the entries of the same day or earlier: the file stays sorted
    // by date, same-day entries in the order they were recorded.
    let at = (0..table.cells.len())
        .rfind(|&r| table.get(r, "date") <= date.to_string().as_str())
        .map_or(0, |r| r + 1);
    table.insert(
        at,
        &[
            ("date", date.to_string()),
            ("source", source.to_string()),
            ("kind", kind.key().to_string()),
            ("amount", amount.to_string()),
            ("note", note),
            ("id", row_id),
        ],
    );
    let files = ledger.save_csv(&id, FUNDS_FILE, &table)?;
    ctx.commit(
        &ledger,
        &files,
        &format!("funds {id} {date} {source} {} {amount}", kind.key()),
    );
    let mut entries = lp.funds.clone();
    entries.push(crate::model::FundEntry {
        date,
        source: source.to_string(),
        kind,
        amount,
        note: String::new(),
    });
    let t = funds::by_source(&entries, sources)
        .into_iter()
        .find(|(s, _)| s == source)
        .map(|(_, t)| t)
        .unwrap_or_default();
    if t.paid > t.received {
        eprintln!(
            "{}{}",
            tr!(WarningPrefix),
            tr!(
                PaidAboveReceived,
                id = id,
                source = source,
                paid = t.paid,
                received = t.received
            )
        );
    }
    let what = match kind {
        FundKind::Planned => tr!(FundPlanned),
        FundKind::Received => tr!(FundReceived),
        FundKind::Paid => tr!(FundPaid),
    };
    Ok(Output::ok(tr!(
        FundsRecorded,
        id = id,
        amount = amount,
        what = what,
        source = source,
        date = date,
        received = t.received,
        paid = t.paid
    )))
}
