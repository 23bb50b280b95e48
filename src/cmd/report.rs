//! `taizhang report overdue|slow|weekly|taskforce`: the supervision task
//! force's views, over one ledger or a roll-up of several.

use super::{Ctx, Output, date_arg};
use crate::cli::{OverdueArgs, SlowArgs, WeeklyArgs};
use crate::model::People;
use crate::report::{Format, html, overdue, part, render, slow, taskforce, weekly};
use crate::store::Ledger;
use anyhow::{Result, bail};
use std::sync::Arc;

/// Exit status of `report overdue --exit-code` when anything is overdue.
pub const OVERDUE_EXIT: u8 = 3;

/// The overdue report `report overdue` and `export overdue` print: over
/// every ledger covered, as of --today, in --taskforce's view.
pub(super) fn overdue_report(ctx: &Ctx) -> Result<(Ledger, overdue::Report)> {
    let today = ctx.today;
    // Overdue decisions of the dispatch meetings, and the projects they
    // name, whose name and people each item carries.
    let mut decisions =
        overdue::decision_items(&super::meeting::decisions_on(ctx, today, true)?, |_| None);
    let named: std::collections::HashSet<(Option<String>, String)> = decisions
        .iter()
        .map(|i| (i.ledger.clone(), i.project.to_string()))
        .collect();
    type Named = Option<((Option<String>, String), (Arc<str>, Option<Arc<People>>))>;
    // Each project's items join the list as soon as they are made: a
    // province's items are many, and never held twice. Once the first
    // projects show how many items a project has, room for all is
    // reserved at once (pages never written cost nothing), so the list is
    // not copied as it grows.
    let projects = ctx.project_count()?;
    let mut all = Vec::new();
    let mut known = std::collections::HashMap::new();
    let mut seen = 0;
    let ledger = ctx.each_project_on(
        today,
        |s, lp| {
            let key = (lp.ledger.clone(), lp.id.clone());
            let named: Named = named.contains(&key).then(|| {
                let people =
                    (!lp.project.people.is_empty()).then(|| Arc::new(lp.project.people.clone()));
                (key, (lp.project.name.as_str().into(), people))
            });
            (overdue::items(s, &lp, today), named)
        },
        |(v, named)| {
            all.extend(v);
            if let Some((key, n)) = named {
                known.insert(key, n);
            }
            seen += 1;
            if seen == 1024.min(projects) {
                all.reserve((all.len() / seen + 1) * (projects - seen) * 5 / 4 + decisions.len());
            }
        },
    )?;
    for i in &mut decisions {
        if let Some((name, people)) = known.get(&(i.ledger.clone(), i.project.to_string())) {
            i.project_name = name.clone();
            i.people = people.clone();
        }
    }
    all.extend(decisions);
    if let Some(tf) = ctx.taskforce_of(&ledger.settings)? {
        // A late start belongs to the supervision task force, not to the
        // task force whose view this is (problems are already cut by unit).
        all.retain(|i| {
            *i.taskforce == tf.key
                || matches!(
                    i.kind,
                    overdue::Kind::Problem | overdue::Kind::Order | overdue::Kind::Decision
                )
        });
    }
    if let Some(a) = &ctx.authority {
        // A late start is chased through the supervision task force's lead.
        all.retain(|i| &*i.authority == a.as_str());
    }
    Ok((ledger, overdue::Report::new(today, all)))
}

pub fn overdue(ctx: &Ctx, a: &OverdueArgs) -> Result<Output> {
    let (ledger, report) = overdue_report(ctx)?;
    let code = if a.exit_code && !report.items.is_empty() {
        OVERDUE_EXIT
    } else {
        0
    };
    if ctx.format == Format::Json {
        // A province's list is large: its items are written in parallel.
        let overdue::Report { as_of, items } = report;
        let head = overdue::Report {
            as_of,
            items: Vec::new(),
        };
        return Ok(Output {
            code,
            stream: Some(ctx.json_list(head, "items", items, overdue::Item::write_json)),
            ..Output::ok("")
        });
    }
    let s = &ledger.settings;
    let lang = ctx.lang(s);
    let out = ctx.render(report, |r| r.table(s, lang), |r| r.empty_line(lang))?;
    Ok(Output { code, ..out })
}

/// The slow-progress report `report slow` and `export slow` print.
pub(super) fn slow_report(ctx: &Ctx, all: bool) -> Result<(Ledger, slow::Report)> {
    let today = ctx.today;
    let (ledger, lights) = ctx.map_projects(|s, lp| slow::light(s, &lp, today, ctx.lang(s)))?;
    let lights = lights.into_iter().flatten().collect();
    Ok((ledger, slow::Report::new(today, lights, all)))
}

pub fn slow(ctx: &Ctx, a: &SlowArgs) -> Result<Output> {
    let (ledger, report) = slow_report(ctx, a.all)?;
    let lang = ctx.lang(&ledger.settings);
    ctx.render(report, |r| r.table(lang), |r| r.empty_line(lang))
}

pub fn taskforce(ctx: &Ctx) -> Result<Output> {
    let today = ctx.today;
    let tally = taskforce::Tally::default();
    let (ledger, _) = ctx.map_projects(|s, lp| tally.add(taskforce::rows(s, &lp, today)))?;
    let lang = ctx.lang(&ledger.settings);
    let report = tally.report(&ledger.settings, today);
    ctx.render(report, |r| r.table(lang), |_| String::new())
}

pub fn weekly(ctx: &Ctx, a: &WeeklyArgs) -> Result<Output> {
    let day = match &a.week_of {
        Some(t) => date_arg("--week-of", t)?,
        None => ctx.today,
    };
    let (monday, _) = weekly::week(day);
    if monday > ctx.today {
        bail!(tr!(
            WeekAfterToday,
            day = day,
            monday = monday,
            today = ctx.today
        ));
    }
    let as_of = weekly::as_of(day, ctx.today);
    // The meetings are read first (their decisions name projects whose
    // names the bulletin needs), their unreadable files noted after the
    // projects'.
    let (decisions, broken) = super::meeting::decisions_and_broken(ctx, as_of, false)?;
    let named = part::named_by(&decisions);
    // Each project becomes its part of the bulletin as it is read.
    let mut parts = weekly::Gather::default();
    let ledger = ctx.each_project_on(
        as_of,
        |s, lp| weekly::part(s, &lp, day, ctx.today, ctx.lang(s), &named),
        |p| parts.add(p),
    )?;
    super::meeting::leave_out(ctx, broken)?;
    let lang = ctx.lang(&ledger.settings);
    let mut report = weekly::assemble(&ledger.settings, parts, day, ctx.today, decisions);
    report.skipped = ctx.skipped();
    let stream: render::Stream = match ctx.format {
        Format::Json => render::json_stream(report),
        Format::Html => Box::new(move |w| {
            let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
            html::write_weekly(&report, lang, &mut w)?;
            std::io::Write::flush(&mut w)
        }),
        // Written a table at a time rather than as one string.
        Format::Markdown | Format::Table => Box::new(move |w| {
            let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
            report.write_markdown(lang, &mut w)?;
            std::io::Write::flush(&mut w)
        }),
        Format::Csv | Format::Docx => {
            bail!(tr!(WeeklyNoCsv))
        }
    };
    Ok(Output {
        stream: Some(stream),
        ..Output::ok("")
    })
}
