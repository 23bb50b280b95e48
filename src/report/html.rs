//! The weekly bulletin and the bulletin (简报) as self-contained HTML pages:
//! inline CSS, the tables of the Markdown forms (each cell labelled, so at
//! phone width a row stacks into a card), and an inline SVG chart of the
//! procedures by task force, whose legend names every segment of its bars,
//! overdue pledges and overdue procedures in red segments of their own. No
//! scripts, fonts or images from outside, so the file can be mailed as is.

use super::bulletin_doc::Emit;
use super::labels::pick;
use super::render::escape_html as esc;
use super::weekly::Weekly;
use crate::model::Lang;
use std::io::Write;

const STYLE: &str = "body{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"Microsoft YaHei\",\"PingFang SC\",sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.5}\
h1{font-size:1.6em;text-align:center;color:#b71c1c;border-bottom:3px solid #b71c1c;padding-bottom:.4em}\
.sub{text-align:center;color:#555}\
h2{font-size:1.25em;margin-top:1.6em;border-left:5px solid #b71c1c;padding-left:.5em}\
h3{font-size:1.05em;margin-bottom:.3em}\
table{border-collapse:collapse;width:100%;margin:.4em 0 1em;font-size:.92em}\
th,td{border:1px solid #bbb;padding:.3em .5em;text-align:left;vertical-align:top}\
th{background:#f3f3f3}\
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}\
td.nw{white-space:nowrap}\
.none{color:#777}\
.note{color:#444;font-size:.9em}\
svg{display:block;margin:.5em 0 1em;max-width:100%;height:auto}\
.chart{overflow-x:auto}\
@media (max-width:600px){body{padding:0 .6em}.chart svg{max-width:none;width:640px}\
table,thead,tbody,tr,th,td{display:block;width:auto}thead{display:none}\
tr{border:1px solid #bbb;margin:0 0 .6em;padding:.2em .4em}\
td{border:none;padding:.15em 0;text-align:left!important;white-space:normal!important}\
td::before{content:attr(data-label)\"：\";color:#555}}\
@media print{@page{size:A4;margin:20mm}body{max-width:none;margin:0}h2,h3{break-after:avoid}tr{break-inside:avoid}thead{display:table-header-group}}";

/// The weekly bulletin's page, written into `out` as it is made: a
/// province's tables are never held as one text.
pub fn write_weekly(w: &Weekly, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    let html_lang = pick(lang, "en", "zh-CN");
    let title = w.title(lang);
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n<p class=\"sub\">{}</p>\n",
        esc(&title),
        esc(&title),
        esc(&w.subtitle(lang))
    )?;
    if let Some(note) = crate::report::skipped::note(lang, &w.skipped) {
        // Styled inline: a bulletin without the note keeps its bytes.
        writeln!(
            out,
            "<p class=\"skipped\" style=\"border:2px solid #b71c1c;padding:.5em 1em;font-weight:bold\">{}</p>",
            esc(&note)
        )?;
    }
    let sections = w.sections(lang);
    let last = sections.len() - 1;
    for (n, s) in sections.into_iter().enumerate() {
        writeln!(out, "<h2>{}</h2>", esc(&s.heading))?;
        if !s.lines.is_empty() {
            out.write_all("<ul>\n".as_bytes())?;
            for l in &s.lines {
                writeln!(out, "<li>{}</li>", esc(l))?;
            }
            out.write_all("</ul>\n".as_bytes())?;
        }
        if n == last {
            out.write_all(chart(&weekly_chart_rows(w), lang).as_bytes())?;
        }
        if s.lines.is_empty() && s.parts.iter().all(|(_, t)| t.rows.is_empty()) {
            writeln!(out, "<p class=\"none\">{}</p>", esc(&s.empty))?;
            continue;
        }
        for (sub, t) in &s.parts {
            if !sub.is_empty() {
                writeln!(out, "<h3>{}</h3>", esc(sub))?;
            }
            if t.rows.is_empty() {
                writeln!(out, "<p class=\"none\">{}</p>", esc(&s.empty))?;
            } else {
                write_table(t, out, None)?;
            }
        }
    }
    out.write_all(b"</body>\n</html>\n")
}

/// The bulletin's page: A4 when printed (a page per section), and at phone
/// width every table row stacks into a card of labelled lines, so no column
/// is ever squeezed to one character.
const BULLETIN_STYLE: &str = "body{font-family:\"FangSong\",\"STFangsong\",\"Noto Serif CJK SC\",\"Source Han Serif SC\",\"Noto Sans CJK SC\",\"Microsoft YaHei\",serif;max-width:210mm;margin:1.5em auto;padding:0 1em;color:#111;line-height:1.6;font-size:16px}\
.masthead{text-align:center;color:#c00}\
.masthead .title{font-family:\"FZXiaoBiaoSong-B05S\",\"方正小标宋简体\",\"STZhongsong\",\"Noto Serif CJK SC\",\"SimSun\",serif;font-size:2.2em;font-weight:bold;letter-spacing:.08em;margin:.3em 0}\
.masthead .draft{display:inline-block;border:1px solid #c00;padding:0 .5em;font-size:.9em;margin-bottom:.3em}\
.masthead .issue{color:#111;font-size:1.05em}\
.meta{display:flex;justify-content:space-between;flex-wrap:wrap;gap:.3em 1em;border-bottom:2px solid #c00;padding-bottom:.3em;margin-top:.8em}\
h1{font-size:1.45em;text-align:center;margin:1em 0 .2em}\
.asof{text-align:center;color:#555;margin-top:0}\
h2{font-size:1.2em;margin:1.4em 0 .4em}\
h3{font-size:1.05em;margin:.8em 0 .3em}\
ul{padding-left:1.3em}\
.scroll{overflow-x:auto}\
table{border-collapse:collapse;width:100%;margin:.4em 0 1em;font-size:.95em}\
th,td{border:1px solid #999;padding:.3em .5em;text-align:left;vertical-align:top}\
th{background:#f2f2f2;white-space:nowrap}\
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\
td.nw{white-space:nowrap}\
td.red{color:#c00;font-weight:bold}td.yellow{color:#a67c00;font-weight:bold}\
.note{color:#444;font-size:.9em}\
.warn{border:1px solid #c00;color:#c00;padding:.3em .6em}\
.distribution{border-top:1px solid #111;border-bottom:1px solid #111;margin-top:2em;padding:.4em 0}\
.distribution p{margin:.2em 0}.issued{display:flex;justify-content:space-between;flex-wrap:wrap}\
svg{display:block;margin:.5em 0;max-width:100%;height:auto}\
.chart{overflow-x:auto}\
@media (max-width:600px){body{font-size:15px;padding:0 .6em}.chart svg{max-width:none;width:640px}.masthead .title{font-size:1.6em}\
table,thead,tbody,tr,th,td{display:block;width:auto}thead{display:none}\
tr{border:1px solid #999;margin:0 0 .6em;padding:.2em .4em}\
td{border:none;padding:.15em 0;text-align:left!important;white-space:normal}\
td::before{content:attr(data-label)\"：\";color:#555;font-weight:normal}}\
@media print{@page{size:A4;margin:25mm 20mm 20mm 25mm}body{max-width:none;margin:0;padding:0;font-size:12pt}\
section+section{break-before:page}h2,h3{break-after:avoid}tr{break-inside:avoid}thead{display:table-header-group}}";

/// The bulletin as one self-contained page, written into `out` as it is
/// made, the rows of the longest tables made from the bulletin one at a
/// time (`Bulletin::later_rows`), as its Markdown is.
pub fn write_bulletin(
    b: &super::bulletin::Bulletin,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let doc = b.streamed_doc(lang);
    let html_lang = pick(lang, "en", "zh-CN");
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{} {}</title>\n<style>{BULLETIN_STYLE}</style>\n</head>\n<body>\n<header class=\"masthead\">\n",
        esc(&doc.title),
        esc(&doc.issue)
    )?;
    if let Some(d) = &doc.draft {
        writeln!(out, "<div class=\"draft\">{}</div>", esc(d))?;
    }
    write!(
        out,
        "<div class=\"title\">{}</div>\n<div class=\"issue\">{}</div>\n</header>\n<div class=\"meta\"><span>{}</span><span>{}</span></div>\n<h1>{}</h1>\n<p class=\"asof\">{}</p>\n",
        esc(&doc.title),
        esc(&doc.issue),
        esc(&doc.unit),
        esc(&doc.date),
        esc(&doc.heading),
        esc(&doc.as_of)
    )?;
    if let Some(n) = &doc.note {
        writeln!(out, "<p class=\"warn\">{}</p>", esc(n))?;
    }
    for s in &doc.sections {
        write!(
            out,
            "<section id=\"{}\">\n<h2>{}</h2>\n",
            s.id,
            esc(&s.heading)
        )?;
        if !s.lines.is_empty() {
            out.write_all("<ul>\n".as_bytes())?;
            for l in &s.lines {
                writeln!(out, "<li>{}</li>", esc(l))?;
            }
            out.write_all("</ul>\n".as_bytes())?;
        }
        for p in &s.parts {
            if !p.heading.is_empty() {
                writeln!(out, "<h3>{}</h3>", esc(&p.heading))?;
            }
            for l in &p.lines {
                writeln!(out, "<p>{}</p>", esc(l))?;
            }
            if let Some(t) = &p.table {
                let later = p
                    .later
                    .map(|l| move |emit: &mut Emit| b.later_rows(l, lang, emit));
                write_table(t, out, later.as_ref().map(|f| f as LaterRows))?;
            }
        }
        if s.id == "overview" {
            out.write_all(chart(&bulletin_chart_rows(b), lang).as_bytes())?;
        }
        out.write_all("</section>\n".as_bytes())?;
    }
    out.write_all(b"<footer class=\"distribution\">\n")?;
    for l in &doc.distribution {
        writeln!(out, "<p>{}</p>", esc(l))?;
    }
    write!(
        out,
        "<p class=\"issued\"><span>{}</span><span>{}</span></p>\n</footer>\n",
        esc(&doc.issued.0),
        esc(&doc.issued.1)
    )?;
    out.write_all(b"</body>\n</html>\n")
}

/// What writes a table's later rows into an `Emit`.
type LaterRows<'a> = &'a dyn Fn(&mut Emit) -> std::io::Result<()>;

/// A table whose cells carry their column's label, for the stacked layout
/// at phone width; red and yellow cells coloured. Its rows, then those
/// `later` makes.
fn write_table(
    t: &super::Table,
    out: &mut dyn Write,
    later: Option<LaterRows>,
) -> std::io::Result<()> {
    out.write_all(b"<div class=\"scroll\"><table>\n<thead><tr>")?;
    let num = |i: usize| t.numeric.contains(&i);
    for (i, h) in t.headers.iter().enumerate() {
        let class = if num(i) { " class=\"num\"" } else { "" };
        write!(out, "<th{class}>{}</th>", esc(h))?;
    }
    out.write_all(b"</tr></thead>\n<tbody>\n")?;
    let tints: std::collections::HashMap<(usize, usize), super::Tint> =
        t.tints.iter().map(|&(r, c, tint)| ((r, c), tint)).collect();
    let mut row = |cells: &[String], tint_of: &dyn Fn(usize) -> Option<super::Tint>| {
        let mut line = String::from("<tr>");
        for (i, c) in cells.iter().enumerate() {
            let tint = tint_of(i).map(|tint| match tint {
                super::Tint::Red => "red",
                super::Tint::Yellow => "yellow",
            });
            // Dates, numbers and IDs never break inside.
            let ascii = !c.is_empty() && c.chars().all(|ch| ch.is_ascii_graphic());
            let class = match (num(i), tint, ascii) {
                (true, _, _) => " class=\"num\"".to_string(),
                (false, Some(t), _) => format!(" class=\"{t}\""),
                (false, None, true) => " class=\"nw\"".to_string(),
                _ => String::new(),
            };
            let label = t.headers.get(i).map_or("", String::as_str);
            line.push_str(&format!(
                "<td{class} data-label=\"{}\">{}</td>",
                esc(label),
                esc(c)
            ));
        }
        line.push_str("</tr>\n");
        out.write_all(line.as_bytes())
    };
    for (r, cells) in t.rows.iter().enumerate() {
        row(cells, &|c| tints.get(&(r, c)).copied())?;
    }
    if let Some(later) = later {
        later(&mut |cells, tint| row(&cells, &|c| tint.filter(|_| c == 0)))?;
    }
    out.write_all(b"</tbody>\n</table></div>\n")
}

/// One task force's bar: its name and its procedures split five ways.
struct Bar<'a> {
    name: &'a str,
    /// Obtained, pledged and not yet due, pledged and overdue, pending and
    /// not yet due, pending and overdue: together, the procedures needed.
    segments: [usize; 5],
}

impl<'a> Bar<'a> {
    fn of(row: &'a super::taskforce::Row, late_pledges: usize) -> Bar<'a> {
        let late_pledges = late_pledges.min(row.pledged);
        let late_pending = row.overdue.saturating_sub(late_pledges).min(row.pending);
        Bar {
            name: &row.name,
            segments: [
                row.obtained,
                row.pledged - late_pledges,
                late_pledges,
                row.pending - late_pending,
                late_pending,
            ],
        }
    }
}

/// The bars of the bulletin's chart, from its overdue pledges.
fn bulletin_chart_rows(b: &super::bulletin::Bulletin) -> Vec<Bar<'_>> {
    b.taskforces
        .taskforces
        .iter()
        .filter(|r| r.total > 0)
        .map(|r| {
            let late = b
                .overdue
                .pledges
                .iter()
                .filter(|o| *o.taskforce == *r.taskforce)
                .count();
            Bar::of(r, late)
        })
        .collect()
}

/// The bars of the weekly bulletin's chart, from its overdue pledges.
fn weekly_chart_rows(w: &Weekly) -> Vec<Bar<'_>> {
    w.taskforces
        .taskforces
        .iter()
        .filter(|r| r.total > 0)
        .map(|r| {
            let late = w
                .overdue
                .iter()
                .flat_map(|g| &g.items)
                .filter(|i| i.kind == super::overdue::Kind::Pledge && *i.taskforce == r.taskforce)
                .count();
            Bar::of(r, late)
        })
        .collect()
}

/// Procedures by task force as stacked bars: obtained, pledged and not yet
/// due, pledged and overdue, pending and not yet due, pending and overdue.
/// Every segment has its own colour and its own legend entry, and the two
/// overdue segments are red, so the bars add up to the procedures needed;
/// a note says how pledged and overdue relate.
fn chart(rows: &[Bar], lang: Lang) -> String {
    const LABEL: i64 = 150;
    const BAR: i64 = 480;
    const ROW: i64 = 28;
    const TOP: i64 = 64;
    if rows.is_empty() {
        return String::new();
    }
    let colors = ["#2e7d32", "#64b5f6", "#8e0000", "#cfcfcf", "#e53935"];
    let names = [
        pick(lang, "obtained", "已办结"),
        pick(lang, "pledged, not yet due", "容缺/承诺（未到期）"),
        pick(lang, "pledged, overdue", "承诺逾期未兑现"),
        pick(lang, "pending, not yet due", "待办（未到期）"),
        pick(lang, "pending, overdue", "待办逾期"),
    ];
    let total = |r: &Bar| r.segments.iter().sum::<usize>();
    let max = rows.iter().map(total).max().unwrap_or(1).max(1) as i64;
    let width = LABEL + BAR + 150;
    let height = TOP + ROW * rows.len() as i64 + 6;
    let title = pick(lang, "Procedures by task force", "各专班手续办理情况");
    let mut s = format!(
        "<h3>{}</h3>\n<div class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\" font-size=\"13\">\n",
        esc(title),
        esc(title)
    );
    for (i, (color, name)) in colors.iter().zip(names).enumerate() {
        let (x, y) = (10 + 240 * (i as i64 % 3), 6 + 22 * (i as i64 / 3));
        s.push_str(&format!(
            "<rect x=\"{x}\" y=\"{y}\" width=\"14\" height=\"14\" fill=\"{color}\"/><text x=\"{}\" y=\"{}\">{}</text>\n",
            x + 20,
            y + 12,
            esc(name)
        ));
    }
    for (i, bar) in rows.iter().enumerate() {
        let (name, segs, total) = (bar.name, &bar.segments, total(bar));
        let y = TOP + ROW * i as i64;
        s.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
            LABEL - 8,
            y + 15,
            esc(name)
        ));
        let mut x = LABEL;
        for (n, color) in segs.iter().zip(colors) {
            let w = *n as i64 * BAR / max;
            if w > 0 {
                s.push_str(&format!(
                    "<rect x=\"{x}\" y=\"{}\" width=\"{w}\" height=\"18\" fill=\"{color}\"><title>{n}</title></rect>\n",
                    y + 2
                ));
            }
            x += w;
        }
        let late = segs[2] + segs[4];
        let label = match (lang, late) {
            (Lang::Zh, 0) => format!("共{total}项"),
            (Lang::Zh, l) => format!("共{total}项，逾期{l}"),
            (Lang::En, 0) => format!("{total} in all"),
            (Lang::En, l) => format!("{total}, {l} overdue"),
        };
        s.push_str(&format!(
            "<text x=\"{}\" y=\"{}\">{}</text>\n",
            x + 6,
            y + 15,
            esc(&label)
        ));
    }
    s.push_str("</svg></div>\n");
    s.push_str(&format!(
        "<p class=\"note\">{}</p>\n",
        esc(pick(
            lang,
            "A pledged procedure (容缺/告知承诺) counts as done for the start of works; when its deadline passes with the promised materials not supplied it is overdue, shown in dark red inside the pledged part. Overdue = pledges past their deadline + pending procedures past their due date, so it can exceed the pending count.",
            "容缺受理、告知承诺的手续视同已办（可开工），承诺期限届满仍未补齐材料的即为“承诺逾期”，以深红色显示在承诺部分之内。逾期 = 承诺逾期 + 待办手续超过办理时限，故逾期数可以多于待办数。"
        ))
    ));
    s
}
