//! "Did you mean" (您是否要找): the one or two known names closest to what a
//! clerk typed, compared by key, Chinese name and any other name a thing
//! goes by, with spaces and letter case ignored. A name that contains what
//! was typed (环评 → 环评批复) or is contained in it (施工许可证办理 →
//! 施工许可证) counts as close; otherwise the edit distance decides.

/// A thing that can be suggested: how it is shown (`eia (环评批复)`) and
/// the names it is known by (`eia`, `环评批复`).
pub struct Candidate<'a> {
    pub shown: String,
    pub names: Vec<&'a str>,
}

/// Suggestions closer than this similarity (0 to 1) are not made.
const THRESHOLD: f64 = 0.6;

/// How alike `typed` and `name` are, from 0 (nothing alike) to 1 (same).
pub fn similarity(typed: &str, name: &str) -> f64 {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (a, b) = (norm(typed), norm(name));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    if a == b {
        return 1.0;
    }
    let (la, lb) = (a.chars().count() as f64, b.chars().count() as f64);
    let containment = if b.contains(&a) || a.contains(&b) {
        // 环评 in 环评批复: close, the more of it typed the closer.
        0.7 + 0.3 * la.min(lb) / la.max(lb)
    } else {
        0.0
    };
    // Latin keys share their beginnings (chemistry → chemical): Jaro-Winkler,
    // a little discounted, counts that; it is too generous for two Chinese
    // characters (商业 is not 工业), so only for ASCII.
    let prefix = if a.is_ascii() && b.is_ascii() && la >= 4.0 {
        strsim::jaro_winkler(&a, &b) - 0.1
    } else {
        0.0
    };
    containment
        .max(prefix)
        .max(strsim::normalized_damerau_levenshtein(&a, &b))
}

/// The one or two candidates closest to `typed` (two only when the second
/// is nearly as close as the first), best first.
pub fn closest(typed: &str, candidates: &[Candidate<'_>]) -> Vec<String> {
    let mut scored: Vec<(f64, &Candidate)> = candidates
        .iter()
        .map(|c| {
            let best = c
                .names
                .iter()
                .map(|n| similarity(typed, n))
                .fold(0.0, f64::max);
            (best, c)
        })
        .filter(|(s, _)| *s >= THRESHOLD)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut out: Vec<String> = Vec::new();
    for (i, (s, c)) in scored.iter().enumerate() {
        if i == 2 || (i == 1 && *s < scored[0].0 - 0.15) {
            break;
        }
        if !out.contains(&c.shown) {
            out.push(c.shown.clone());
        }
    }
    out
}

/// `base`, then "; did you mean …?" when something is close, else `hint`
/// (a short list, or where to find the full one).
pub fn message(base: String, typed: &str, candidates: &[Candidate<'_>], hint: &str) -> String {
    let found = closest(typed, candidates);
    if found.is_empty() {
        format!("{base}{hint}")
    } else {
        let quoted: Vec<String> = found.iter().map(|s| s.to_string()).collect();
        format!(
            "{base}{}",
            tr!(DidYouMean, suggestions = crate::msg::one_of(&quoted))
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cands() -> Vec<Candidate<'static>> {
        [
            ("eia", "环评批复"),
            ("construction-permit", "施工许可证"),
            ("land-planning", "建设用地规划许可证"),
            ("works-planning", "建设工程规划许可证"),
            ("water-permit", "取水许可"),
        ]
        .into_iter()
        .map(|(k, n)| Candidate {
            shown: format!("{k} ({n})"),
            names: vec![k, n],
        })
        .collect()
    }

    #[test]
    fn finds_the_close_ones() {
        let c = cands();
        assert_eq!(closest("环评", &c), vec!["eia (环评批复)"]);
        assert_eq!(closest(" 环评批复", &c), vec!["eia (环评批复)"]);
        assert_eq!(closest("EIA", &c), vec!["eia (环评批复)"]);
        assert_eq!(
            closest("施工许可", &c),
            vec!["construction-permit (施工许可证)"]
        );
        assert_eq!(
            closest("constrution-permit", &c)[0],
            "construction-permit (施工许可证)"
        );
        assert!(closest("规划许可证", &c).len() == 2);
        assert!(closest("化工园区", &c).is_empty());
    }
}
