//! `taizhang report bulletin`: the bulletin (简报) of a week, a month or any
//! period, for the county, one task force (--taskforce) or one township
//! (--township); as a draft (征求意见稿) or, with --publish, kept in the
//! ledger under the next issue number of its year.

use super::{Ctx, Output, date_arg};
use crate::cli::BulletinArgs;
use crate::model::{Date, parse_date};
use crate::report::bulletin::{self, Issue, Period, Scope};
use crate::report::{Format, docx, html};
use crate::store::Ledger;
use crate::store::bulletins::{self, Index, Published};
use crate::store::write::atomic_write_with;
use anyhow::{Context, Result, anyhow, bail};
use chrono::Datelike;
use std::path::PathBuf;

/// The most table rows a bulletin written as a Word document lists (some
/// 150 pages; more is for the HTML page or Markdown).
const DOCX_MAX_ROWS: usize = 5_000;

/// The period the options name (the week of today without any).
fn period(ctx: &Ctx, a: &BulletinArgs) -> Result<Period> {
    if let Some(m) = &a.month {
        let day = parse_date(&format!("{m}-01"))
            .ok()
            .filter(|_| m.len() == 7)
            .ok_or_else(|| anyhow!(tr!(BadMonth, text = m)))?;
        return Ok(Period::month(day));
    }
    if let (Some(f), Some(t)) = (&a.from, &a.to) {
        let (from, to) = (date_arg("--from", f)?, date_arg("--to", t)?);
        return Period::custom(from, to)
            .ok_or_else(|| anyhow!(tr!(ToBeforeFrom, to = to, from = from)));
    }
    let day = match &a.week_of {
        Some(t) => date_arg("--week-of", t)?,
        None => ctx.today,
    };
    Ok(Period::week(day))
}

/// The file extension of a format.
fn extension(format: Format) -> &'static str {
    match format {
        Format::Docx => "docx",
        Format::Html => "html",
        Format::Json => "json",
        _ => "md",
    }
}

pub fn run(ctx: &Ctx, a: &BulletinArgs) -> Result<Output> {
    let period = period(ctx, a)?;
    if period.from > ctx.today {
        bail!(tr!(
            PeriodAfterToday,
            from = period.from,
            to = period.to,
            today = ctx.today
        ));
    }
    match ctx.format {
        Format::Csv => {
            bail!(tr!(BulletinNoCsv))
        }
        Format::Docx if a.output.is_none() && !a.publish => bail!(tr!(DocxNeedsOutput)),
        _ => {}
    }
    if a.township.is_some() && ctx.taskforce.is_some() {
        bail!(tr!(TownshipOrTaskforce));
    }
    let as_of = period.to.min(ctx.today);
    // The settings rule the scope and the index, before the projects are
    // read (each once, as of the period's end and as of the previous
    // bulletin's: the changes).
    let ledger = ctx.open_ledger()?;
    let settings = &ledger.settings;
    let lang = ctx.lang(settings);
    let scope = match (ctx.taskforce_of(settings)?, &a.township) {
        (Some(tf), _) => Scope::Taskforce {
            key: tf.key,
            name: tf.name,
            lead: tf.lead,
        },
        (None, Some(t)) => Scope::Township {
            name: super::text_arg("--township", t, "a township's name, e.g. 侯庙镇")?.to_string(),
        },
        (None, None) => Scope::County,
    };

    // Publishing reads the index under the lock, so two clerks never take
    // the same number.
    let _lock = if a.publish {
        Some(ledger.lock()?)
    } else {
        None
    };
    let index = Index::read(&ledger.root)?;
    let since: Date = match index.previous(&scope, &period) {
        Some(p) => p.period.to.min(as_of),
        None => period.previous().to,
    };
    // The meetings are read first (their decisions name projects whose
    // names the bulletin needs), their unreadable files noted later.
    let (decisions, broken) = super::meeting::decisions_and_broken(ctx, as_of, false)?;
    let named = crate::report::part::named_by(&decisions);
    let mut parts = bulletin::Gather::new(&scope);
    ctx.each_project_and_before(
        as_of,
        Some(since),
        |s, lp, before| {
            let spec = bulletin::spec(s, ctx.lang(s), period, as_of, since, &named);
            bulletin::part(&spec, &lp, before.as_ref())
        },
        |p| parts.add(p),
    )?;
    if let Scope::Township { name } = &scope
        && !parts.townships_read().contains(name)
    {
        let known: Vec<&str> = parts.townships_read().iter().map(String::as_str).collect();
        bail!(
            "{}",
            tr!(
                NoProjectOfTownship,
                text = name,
                date = as_of,
                list = if known.is_empty() {
                    tr!(NoneRecorded)
                } else {
                    known.join(", ")
                }
            )
        );
    }
    if a.publish
        && let Some(p) = index.find(&scope, &period)
    {
        bail!(tr!(
            AlreadyPublished,
            period = period.label(lang),
            file = p.file,
            no = p.no,
            year = p.year
        ));
    }

    // A period already published is shown as that issue (a copy, in any
    // format); otherwise a draft with the number it would get.
    let year = period.to.year();
    let no = index.next_no(&scope, year);
    let ext = extension(ctx.format);
    let file = bulletins::file_name(&scope, year, no, ext);
    let issue = match index.find(&scope, &period) {
        Some(p) => Issue {
            year: p.year,
            no: p.no,
            draft: false,
            file: Some(p.file.clone()),
        },
        None => Issue {
            year,
            no,
            draft: !a.publish,
            file: a.publish.then(|| path_text(&file)),
        },
    };
    let skipped = ctx.skipped();
    if a.publish && !skipped.is_empty() {
        bail!(tr!(
            PublishNeedsAll,
            n = skipped.len(),
            list = skipped
                .iter()
                .map(|s| s.project.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    // The bulletin's note names the projects left out; a meeting file that
    // cannot be read is said on stderr.
    super::meeting::leave_out(ctx, broken)?;
    let mut b = bulletin::assemble(
        bulletin::Input {
            settings,
            scope: scope.clone(),
            period,
            as_of,
            since,
            issue,
            lang,
            decisions,
        },
        parts,
    );
    b.skipped = skipped;
    let format = ctx.format;
    // A Word document is built whole in memory (about 30 KB a table row):
    // a province's bulletin is refused before it is, with what to do.
    let rows = b.listed_rows();
    if format == Format::Docx && rows > DOCX_MAX_ROWS {
        bail!(tr!(DocxTooManyRows, rows = rows, max = DOCX_MAX_ROWS));
    }
    if a.output.is_none() && !a.publish {
        // Printed, the bulletin is written out as it is made: a province's
        // is tens of megabytes of text.
        return Ok(Output {
            stream: Some(Box::new(move |w| {
                let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
                write(&b, format, lang, &mut w).map_err(std::io::Error::other)?;
                // Its rows are the last thing the command holds: the exit
                // gives their memory back at once.
                std::mem::forget(b);
                std::io::Write::flush(&mut w)
            })),
            ..Output::ok("")
        });
    }
    let mut said = String::new();
    if a.publish {
        publish(ctx, &ledger, index, &b, &file, |w| {
            write(&b, format, lang, w)
        })?;
        if as_of < period.to {
            eprintln!(
                "warning: the period runs to {}: the published bulletin counts the ledger as of today ({as_of})",
                period.to
            );
        }
        said.push_str(&match lang {
            crate::model::Lang::Zh => format!(
                "已发布{}（{}）：{}\n",
                b.issue.label(lang),
                period.label(lang),
                path_text(&file)
            ),
            crate::model::Lang::En => format!(
                "Published {} ({}) as {}\n",
                b.issue.label(lang),
                period.label(lang),
                path_text(&file)
            ),
        });
    }
    match &a.output {
        Some(out) => {
            atomic_write_with(out, |w| write(&b, format, lang, w))?;
            if !a.publish {
                let (issue, period, path) =
                    (b.issue.label(lang), period.label(lang), out.display());
                let line = if b.issue.draft {
                    tr!(
                        BulletinDraftWritten,
                        issue = issue,
                        period = period,
                        path = path
                    )
                } else {
                    tr!(
                        BulletinIssueWritten,
                        issue = issue,
                        period = period,
                        path = path
                    )
                };
                said.push_str(&line);
                said.push('\n');
            }
            Ok(Output::ok(said))
        }
        // Published, and not printed (printing returned above).
        None => Ok(Output::ok(said)),
    }
}

/// Writes the bulletin in `format`: Markdown (for the terminal too), JSON
/// and HTML as text, Word as its document. Markdown and JSON are written as
/// they are made, never held whole.
fn write(
    b: &bulletin::Bulletin,
    format: Format,
    lang: crate::model::Lang,
    w: &mut dyn std::io::Write,
) -> Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *w, b)?;
            w.write_all(b"\n")?;
        }
        Format::Html => html::write_bulletin(b, lang, w)?,
        Format::Docx => w.write_all(&docx::render(&b.doc(lang), lang)?)?,
        Format::Markdown | Format::Table | Format::Csv => b.write_markdown(lang, w)?,
    }
    Ok(())
}

/// A relative path as the index and messages show it: `/` between parts.
fn path_text(p: &std::path::Path) -> String {
    p.iter()
        .map(|c| c.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Writes the bulletin and its index row, then commits both when asked.
fn publish(
    ctx: &Ctx,
    ledger: &Ledger,
    mut index: Index,
    b: &bulletin::Bulletin,
    file: &std::path::Path,
    write: impl FnOnce(&mut dyn std::io::Write) -> Result<()>,
) -> Result<()> {
    let path = ledger.root.join(file);
    if path.exists() {
        bail!(tr!(
            BulletinFileExists,
            file = path_text(file),
            index = bulletins::INDEX_FILE
        ));
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    atomic_write_with(&path, write)?;
    index.add(Published {
        year: b.issue.year,
        no: b.issue.no,
        period: b.period,
        scope: b.scope.key(),
        file: path_text(file),
        published: ctx.today,
    });
    index.save(&ledger.root)?;
    let lang = ctx.lang(&ledger.settings);
    ctx.commit(
        ledger,
        &[file.to_path_buf(), PathBuf::from(bulletins::INDEX_FILE)],
        &format!(
            "Publish the bulletin {} ({})",
            b.issue.label(lang),
            b.period.label(lang)
        ),
    );
    Ok(())
}
