//! The bulletin as a Word document (.docx) in the layout of Chinese official
//! documents (GB/T 9704 in spirit): A4 with the standard margins; the title
//! in red in a 小标宋-style font; the 期号 under it; the compiling unit and
//! the date above a red rule; the text in a 仿宋-style font at 三号 (16 pt)
//! on a fixed 28 pt line; section headings in 黑体, subheadings in 楷体;
//! tables at 五号; the 报送/抄送 block between two rules at the end; the
//! page number as "— 1 —" at the foot. Each font names its fallbacks in the
//! font table (`w:altName`), so Word, WPS and LibreOffice pick the nearest
//! font a machine has. The bytes depend on the bulletin alone (no clock).

use super::Table;
use super::bulletin_doc::Doc;
use crate::model::Lang;
use anyhow::{Context, Result};
use docx_rs::{
    AlignmentType, BorderType, Docx, Footer, LineSpacing, LineSpacingType, PageMargin, PageNum,
    Paragraph, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts,
    SpecialIndentType, TableCell, TableRow, WidthType,
};

/// Title font (小标宋) and its fallbacks, best first.
const TITLE_FONT: &str = "方正小标宋简体";
/// Body font (仿宋).
const BODY_FONT: &str = "仿宋_GB2312";
/// Section headings (黑体).
const HEADING_FONT: &str = "黑体";
/// Subheadings (楷体).
const SUB_FONT: &str = "楷体_GB2312";
const LATIN_FONT: &str = "Times New Roman";

/// The font table: each Chinese font with the names Word, WPS and
/// LibreOffice know it by elsewhere (`w:altName`), its GB2312 charset and
/// its family, so a machine without it substitutes a font of the same kind.
const FONT_TABLE: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
    r#"<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>"#,
    r#"<w:font w:name="方正小标宋简体"><w:altName w:val="FZXiaoBiaoSong-B05S"/><w:charset w:val="86"/><w:family w:val="script"/><w:pitch w:val="variable"/></w:font>"#,
    r#"<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>"#,
    r#"<w:font w:name="仿宋"><w:altName w:val="FangSong"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>"#,
    r#"<w:font w:name="黑体"><w:altName w:val="SimHei"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>"#,
    r#"<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>"#,
    r#"</w:fonts>"#
);

/// A table's header row as docx-rs writes it, and with the mark that
/// repeats it at the top of every page the table runs over.
const HEADER_ROW: &str = "<w:trPr><w:cantSplit /></w:trPr>";
const HEADER_ROW_REPEATED: &str = "<w:trPr><w:cantSplit /><w:tblHeader /></w:trPr>";

/// Half-points: 小初 36 pt, 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt.
const SIZE_MASTHEAD: usize = 72;
const SIZE_HEADING: usize = 44;
const SIZE_BODY: usize = 32;
const SIZE_SMALL: usize = 28;
const SIZE_TABLE: usize = 21;
/// The 印发 line: 小四, so a long unit and the date share one line.
const SIZE_ISSUED: usize = 24;
const RED: &str = "FF0000";
/// The width of the type area on A4 with 28 mm + 26 mm side margins (twips).
const TEXT_WIDTH: usize = 11906 - 1588 - 1474;

fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(east_asia)
        .ascii(LATIN_FONT)
        .hi_ansi(LATIN_FONT)
        .cs(LATIN_FONT)
}

fn run(text: &str, font: &str, size: usize) -> Run {
    Run::new().add_text(text).fonts(fonts(font)).size(size)
}

/// A body paragraph on the fixed 28 pt line.
fn para() -> Paragraph {
    Paragraph::new().line_spacing(
        LineSpacing::new()
            .line(560)
            .line_rule(LineSpacingType::Exact)
            .before(0)
            .after(0),
    )
}

fn rule(position: ParagraphBorderPosition, color: &str, size: usize) -> ParagraphBorders {
    ParagraphBorders::with_empty().set(
        ParagraphBorder::new(position)
            .val(BorderType::Single)
            .size(size)
            .space(4)
            .color(color),
    )
}

/// Column widths (twips): a column that cannot wrap (dates, numbers, codes:
/// ASCII without spaces) gets its full width; every other column at least
/// three characters (or its longest text, if shorter), and what is left of
/// the type area is shared in proportion to how much longer each one's
/// longest text is.
fn widths(t: &Table) -> Vec<usize> {
    // Units of half a CJK character at 五号 (10.5 pt), with room for
    // fallback fonts whose digits are wider than Times New Roman's.
    const UNIT: usize = 116;
    const PADDING: usize = 260;
    // An ASCII character of a column that cannot wrap, in the widest
    // fallback font (DejaVu Serif's digits).
    const RIGID_UNIT: usize = 150;
    let len = |s: &str| {
        s.chars()
            .map(|c| if c.is_ascii() { 1 } else { 2 })
            .sum::<usize>()
    };
    let n = t.headers.len();
    // Headings wrap: they ask for two characters.
    let mut need: Vec<usize> = t.headers.iter().map(|h| len(h).min(4)).collect();
    let mut rigid = vec![true; n];
    for row in &t.rows {
        for (i, c) in row.iter().enumerate().take(n) {
            need[i] = need[i].max(len(c).min(80));
            if !c.chars().all(|ch| ch.is_ascii_graphic()) {
                rigid[i] = false;
            }
        }
    }
    let min: Vec<usize> = (0..n)
        .map(|i| {
            if rigid[i] {
                need[i] * RIGID_UNIT + PADDING
            } else {
                need[i].min(6) * UNIT + PADDING
            }
        })
        .collect();
    let left = TEXT_WIDTH.saturating_sub(min.iter().sum());
    let extra: Vec<usize> = (0..n)
        .map(|i| {
            if rigid[i] {
                0
            } else {
                need[i].saturating_sub(6)
            }
        })
        .collect();
    let total_extra: usize = extra.iter().sum();
    (0..n)
        .map(|i| match total_extra {
            0 => min[i] + left / n.max(1),
            t => min[i] + extra[i] * left / t,
        })
        .collect()
}

fn table(t: &Table) -> docx_rs::Table {
    let grid = widths(t);
    let cell = |text: &str, i: usize, bold: bool, numeric: bool| {
        let mut r = run(text, BODY_FONT, SIZE_TABLE);
        if bold {
            r = r.bold();
        }
        let p = Paragraph::new()
            .add_run(r)
            .line_spacing(
                LineSpacing::new()
                    .line(320)
                    .line_rule(LineSpacingType::AtLeast),
            )
            .align(if numeric {
                AlignmentType::Right
            } else {
                AlignmentType::Left
            });
        TableCell::new()
            .add_paragraph(p)
            .width(grid[i], WidthType::Dxa)
    };
    // Only header rows are kept whole: `render` marks them to repeat on
    // every page (`w:tblHeader`, which docx-rs does not write itself).
    let header = TableRow::new(
        t.headers
            .iter()
            .enumerate()
            .map(|(i, h)| cell(h, i, true, false))
            .collect(),
    )
    .cant_split();
    let mut rows = vec![header];
    for row in &t.rows {
        rows.push(TableRow::new(
            row.iter()
                .enumerate()
                .map(|(i, c)| cell(c, i, false, t.numeric.contains(&i)))
                .collect(),
        ));
    }
    docx_rs::Table::new(rows)
        .layout(docx_rs::TableLayoutType::Fixed)
        .set_grid(grid)
        .width(TEXT_WIDTH, WidthType::Dxa)
}

/// The bulletin's .docx bytes.
pub fn render(doc: &Doc, lang: Lang) -> Result<Vec<u8>> {
    let indent = || Some(SpecialIndentType::FirstLine(640));
    let mut d = Docx::new()
        .page_size(11906, 16838)
        .page_margin(
            PageMargin::new()
                .top(2098)
                .bottom(1984)
                .left(1588)
                .right(1474)
                .header(851)
                .footer(992),
        )
        .default_fonts(fonts(BODY_FONT))
        .default_size(SIZE_BODY);

    // The masthead (版头): draft mark, title, 期号, unit and date, red rule.
    if let Some(draft) = &doc.draft {
        d = d.add_paragraph(
            para()
                .add_run(run(draft, HEADING_FONT, SIZE_BODY))
                .align(AlignmentType::Right),
        );
    }
    d = d
        .add_paragraph(
            Paragraph::new()
                .add_run(run(&doc.title, TITLE_FONT, SIZE_MASTHEAD).color(RED))
                .align(AlignmentType::Center)
                .line_spacing(LineSpacing::new().before(240).after(240)),
        )
        .add_paragraph(
            para()
                .add_run(run(&doc.issue, BODY_FONT, SIZE_BODY))
                .align(AlignmentType::Center),
        )
        .add_paragraph(
            para()
                .add_run(run(&doc.unit, BODY_FONT, SIZE_SMALL))
                .add_run(Run::new().add_tab())
                .add_run(run(&doc.date, BODY_FONT, SIZE_SMALL))
                .add_tab(
                    docx_rs::Tab::new()
                        .val(docx_rs::TabValueType::Right)
                        .pos(TEXT_WIDTH),
                )
                .set_borders(rule(ParagraphBorderPosition::Bottom, RED, 24)),
        )
        .add_paragraph(para())
        .add_paragraph(
            Paragraph::new()
                .add_run(run(&doc.heading, TITLE_FONT, SIZE_HEADING))
                .align(AlignmentType::Center)
                .line_spacing(
                    LineSpacing::new()
                        .line(700)
                        .line_rule(LineSpacingType::AtLeast),
                ),
        )
        .add_paragraph(
            para()
                .add_run(run(&doc.as_of, SUB_FONT, SIZE_BODY))
                .align(AlignmentType::Center),
        );

    if let Some(n) = &doc.note {
        d = d.add_paragraph(
            para()
                .add_run(run(n, HEADING_FONT, SIZE_SMALL).color(RED))
                .align(AlignmentType::Center),
        );
    }
    for s in &doc.sections {
        d = d.add_paragraph(
            para()
                .add_run(run(&s.heading, HEADING_FONT, SIZE_BODY))
                .indent(None, indent(), None, None)
                .keep_next(true),
        );
        for l in &s.lines {
            d = d.add_paragraph(para().add_run(run(l, BODY_FONT, SIZE_BODY)).indent(
                None,
                indent(),
                None,
                None,
            ));
        }
        for (n, p) in s.parts.iter().enumerate() {
            if !p.heading.is_empty() {
                let heading = match lang {
                    Lang::Zh => format!("（{}）{}", chinese_number(n + 1), p.heading),
                    Lang::En => format!("({}) {}", n + 1, p.heading),
                };
                d = d.add_paragraph(
                    para()
                        .add_run(run(&heading, SUB_FONT, SIZE_BODY).bold())
                        .indent(None, indent(), None, None)
                        .keep_next(true),
                );
            }
            for l in &p.lines {
                d = d.add_paragraph(
                    para()
                        .add_run(run(l, BODY_FONT, SIZE_BODY))
                        .indent(None, indent(), None, None)
                        .keep_next(p.table.is_some()),
                );
            }
            if let Some(t) = &p.table {
                d = d.add_table(table(t)).add_paragraph(para());
            }
        }
    }

    // 报送/抄送 and the 印发 line (版记) between two rules.
    d = d.add_paragraph(para());
    {
        let mut lines: Vec<Paragraph> = doc
            .distribution
            .iter()
            .map(|l| para().add_run(run(l, BODY_FONT, SIZE_SMALL)))
            .collect();
        lines.push(
            para()
                .add_run(run(&doc.issued.0, BODY_FONT, SIZE_ISSUED))
                .add_run(Run::new().add_tab())
                .add_run(run(&doc.issued.1, BODY_FONT, SIZE_ISSUED))
                .add_tab(
                    docx_rs::Tab::new()
                        .val(docx_rs::TabValueType::Right)
                        .pos(TEXT_WIDTH - 560),
                ),
        );
        let last = lines.len() - 1;
        for (i, p) in lines.into_iter().enumerate() {
            let mut borders = ParagraphBorders::with_empty();
            if i == 0 {
                borders = borders.set(
                    ParagraphBorder::new(ParagraphBorderPosition::Top)
                        .val(BorderType::Single)
                        .size(8)
                        .space(4)
                        .color("000000"),
                );
            }
            if i == last {
                borders = borders.set(
                    ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                        .val(BorderType::Single)
                        .size(8)
                        .space(4)
                        .color("000000"),
                );
            }
            d = d.add_paragraph(
                p.indent(Some(280), None, Some(280), None)
                    .keep_next(i != last)
                    .set_borders(borders),
            );
        }
    }

    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .add_run(run("— ", "宋体", SIZE_SMALL))
            .add_page_num(PageNum::new())
            .add_run(run(" —", "宋体", SIZE_SMALL))
            .align(AlignmentType::Center),
    );
    d = d.footer(footer).created_at("1970-01-01T00:00:00Z");

    let mut xml = d.build();
    xml.font_table = FONT_TABLE.as_bytes().to_vec();
    xml.document = String::from_utf8(xml.document)
        .with_context(|| tr!(InternalNotUtf8, what = tr!(WordDocumentXml)))?
        .replace(HEADER_ROW, HEADER_ROW_REPEATED)
        .into_bytes();
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out)
        .with_context(|| tr!(CannotRender, what = tr!(WordDocument)))?;
    Ok(out.into_inner())
}

/// 1 → 一, 12 → 十二 (up to 99).
fn chinese_number(n: usize) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0 => "〇".to_string(),
        1..=9 => D[n].to_string(),
        10..=19 => format!("十{}", D[n % 10]),
        _ => format!("{}十{}", D[(n / 10) % 10], D[n % 10]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(chinese_number(3), "三");
        assert_eq!(chinese_number(10), "十");
        assert_eq!(chinese_number(12), "十二");
        assert_eq!(chinese_number(25), "二十五");
    }
}
