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
        _ => bail!("give the amount with one of --received, --paid or --planned"),
    };
    let amount = amount_arg(flag, text)?;
    if amount.0.is_zero() {
        bail!("{flag}: the amount is 0; record money that moved");
    }
    let ledger = ctx.open_ledger()?;
    let sources = &ledger.settings.funds.sources;
    let source = a.source.trim();
    if !sources.iter().any(|s| s == source) {
        bail!(
            "--source: unknown source of funds \"{}\": expected one of {} (`[funds] sources` in ledger.toml)",
            a.source,
            sources.join(", ")
        );
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
            "warning: {id}: {source} has paid out {} 万元, more than the {} 万元 recorded as received",
            t.paid, t.received
        );
    }
    let what = match kind {
        FundKind::Planned => "planned",
        FundKind::Received => "received",
        FundKind::Paid => "paid out",
    };
    Ok(Output::ok(format!(
        "{id}: {amount} 万元 {what} from {source} on {date} ({source} to date: received {}, paid {} 万元)\n",
        t.received, t.paid
    )))
}
