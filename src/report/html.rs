//! The weekly bulletin as one self-contained HTML page: inline CSS, the
//! tables of the Markdown bulletin, and an inline SVG bar chart of the
//! per-task-force table (obtained / pledged / pending, overdue in red). No
//! scripts, fonts or images from outside, so the file can be mailed as is.

use super::labels::pick;
use super::render::escape_html as esc;
use super::weekly::Weekly;
use crate::model::Lang;

const STYLE: &str = "body{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"Microsoft YaHei\",\"PingFang SC\",sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.5}\
h1{font-size:1.6em;text-align:center;color:#b71c1c;border-bottom:3px solid #b71c1c;padding-bottom:.4em}\
.sub{text-align:center;color:#555}\
h2{font-size:1.25em;margin-top:1.6em;border-left:5px solid #b71c1c;padding-left:.5em}\
h3{font-size:1.05em;margin-bottom:.3em}\
table{border-collapse:collapse;width:100%;margin:.4em 0 1em;font-size:.92em}\
th,td{border:1px solid #bbb;padding:.3em .5em;text-align:left;vertical-align:top}\
th{background:#f3f3f3}\
td:nth-child(-n+2){white-space:nowrap}\
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}\
.none{color:#777}\
svg{display:block;margin:.5em 0 1em;max-width:100%;height:auto}";

/// The bulletin page.
pub fn weekly(w: &Weekly, lang: Lang) -> String {
    let html_lang = pick(lang, "en", "zh-CN");
    let title = w.title(lang);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n<p class=\"sub\">{}</p>\n",
        esc(&title),
        esc(&title),
        esc(&w.subtitle(lang))
    );
    if let Some(note) = crate::report::skipped::note(lang, &w.skipped) {
        // Styled inline: a bulletin without the note keeps its bytes.
        out.push_str(&format!(
            "<p class=\"skipped\" style=\"border:2px solid #b71c1c;padding:.5em 1em;font-weight:bold\">{}</p>\n",
            esc(&note)
        ));
    }
    let sections = w.sections(lang);
    let last = sections.len() - 1;
    for (n, s) in sections.into_iter().enumerate() {
        out.push_str(&format!("<h2>{}</h2>\n", esc(&s.heading)));
        if !s.lines.is_empty() {
            out.push_str("<ul>\n");
            for l in &s.lines {
                out.push_str(&format!("<li>{}</li>\n", esc(l)));
            }
            out.push_str("</ul>\n");
        }
        if n == last {
            out.push_str(&chart(w, lang));
        }
        if s.lines.is_empty() && s.parts.iter().all(|(_, t)| t.rows.is_empty()) {
            out.push_str(&format!("<p class=\"none\">{}</p>\n", esc(&s.empty)));
            continue;
        }
        for (sub, t) in &s.parts {
            if !sub.is_empty() {
                out.push_str(&format!("<h3>{}</h3>\n", esc(sub)));
            }
            if t.rows.is_empty() {
                out.push_str(&format!("<p class=\"none\">{}</p>\n", esc(&s.empty)));
            } else {
                out.push_str(&t.html());
            }
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// A horizontal stacked bar per task force: obtained, pledged, pending,
/// with the overdue count in red after the bar.
fn chart(w: &Weekly, lang: Lang) -> String {
    const LABEL: i64 = 190;
    const BAR: i64 = 560;
    const ROW: i64 = 30;
    const TOP: i64 = 40;
    let rows = &w.taskforces.taskforces;
    let max = rows.iter().map(|r| r.total).max().unwrap_or(0).max(1) as i64;
    let height = TOP + ROW * rows.len() as i64 + 10;
    let width = LABEL + BAR + 120;
    let title = pick(lang, "Procedures by task force", "各专班手续办理情况");
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\" font-size=\"13\">\n",
        esc(title)
    );
    let legend = [
        ("#2e7d32", pick(lang, "obtained", "已办结")),
        ("#1565c0", pick(lang, "pledged", "容缺/承诺")),
        ("#bdbdbd", pick(lang, "pending", "待办")),
        ("#c62828", pick(lang, "overdue", "逾期")),
    ];
    for (i, (color, label)) in legend.iter().enumerate() {
        let x = LABEL + 130 * i as i64;
        s.push_str(&format!(
            "<rect x=\"{x}\" y=\"8\" width=\"14\" height=\"14\" fill=\"{color}\"/><text x=\"{}\" y=\"20\">{}</text>\n",
            x + 20,
            esc(label)
        ));
    }
    for (i, r) in rows.iter().enumerate() {
        let y = TOP + ROW * i as i64;
        s.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
            LABEL - 10,
            y + 16,
            esc(&r.name)
        ));
        let mut x = LABEL;
        for (count, color) in [
            (r.obtained, "#2e7d32"),
            (r.pledged, "#1565c0"),
            (r.pending, "#bdbdbd"),
        ] {
            let wdt = count as i64 * BAR / max;
            if wdt > 0 {
                s.push_str(&format!(
                    "<rect x=\"{x}\" y=\"{}\" width=\"{wdt}\" height=\"20\" fill=\"{color}\"><title>{count}</title></rect>\n",
                    y + 2
                ));
            }
            x += wdt;
        }
        let label = match lang {
            Lang::En => format!("{}/{} done", r.obtained + r.pledged, r.total),
            Lang::Zh => format!("已办{}/{}", r.obtained + r.pledged, r.total),
        };
        let overdue = match (r.overdue, lang) {
            (0, _) => String::new(),
            (n, Lang::En) => format!(" <tspan fill=\"#c62828\">{n} overdue</tspan>"),
            (n, Lang::Zh) => format!(" <tspan fill=\"#c62828\">逾期{n}</tspan>"),
        };
        s.push_str(&format!(
            "<text x=\"{}\" y=\"{}\">{}{overdue}</text>\n",
            x + 6,
            y + 16,
            esc(&label)
        ));
    }
    s.push_str("</svg>\n");
    s
}
