//! Résumé hygiene a recruiter notices: keyword stuffing (one skill repeated
//! far past need) and experience bullets without a measurable result.

use rustc_hash::FxHashMap;

use crate::extract::{Analysis, Extractor};
use crate::lexicon::SkillId;
use crate::sections::Section;

/// Mentions of one skill from which repetition counts as stuffing …
pub const STUFFING_MIN_MENTIONS: usize = 8;
/// … when they are also at least this share of the résumé's words.
pub const STUFFING_MIN_SHARE: f64 = 0.02;
/// Share of experience bullets without a number above which the advice is given.
pub const UNMEASURED_MAX_SHARE: f64 = 0.5;

/// Skills repeated like keyword stuffing: `(canonical name, mentions)`, most first.
pub fn stuffed(extractor: &Extractor, resume: &Analysis) -> Vec<(String, usize)> {
    let mut counts: FxHashMap<SkillId, usize> = FxHashMap::default();
    for m in &resume.matches {
        *counts.entry(m.skill).or_default() += 1;
    }
    let words = resume.doc.text.split_whitespace().count().max(1) as f64;
    let mut out: Vec<(String, usize)> = counts
        .into_iter()
        .filter(|&(_, n)| n >= STUFFING_MIN_MENTIONS && n as f64 / words >= STUFFING_MIN_SHARE)
        .map(|(id, n)| (extractor.lexicon.skill(id).name.clone(), n))
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// Experience and project bullets (`-`, `*`, `•` lines) with no digit:
/// `(their 1-based lines, all such bullets)` when they are more than
/// [`UNMEASURED_MAX_SHARE`] of the bullets, else `None`.
pub fn unmeasured(resume: &Analysis) -> Option<(Vec<usize>, usize)> {
    let bullets: Vec<(usize, &str)> = resume
        .doc
        .lines()
        .filter(|&(n, l)| {
            matches!(resume.section(n), Section::Experience | Section::Projects)
                && l.trim_start().starts_with(['-', '*', '•'])
        })
        .collect();
    let bare: Vec<usize> =
        bullets.iter().filter(|(_, l)| !l.chars().any(|c| c.is_ascii_digit())).map(|&(n, _)| n).collect();
    (!bullets.is_empty() && bare.len() as f64 > UNMEASURED_MAX_SHARE * bullets.len() as f64)
        .then_some((bare, bullets.len()))
}
