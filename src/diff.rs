//! What a résumé revision gained and lost against a job post: both versions
//! scored with the same requirements, compared requirement by requirement.

use serde::Serialize;

use crate::score::{Finding, SCHEMA_VERSION, ScoreReport};

/// One requirement whose status changed.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Change {
    /// The requirement as the post writes it.
    pub keyword: String,
    /// Canonical skill, or `null` for another keyword.
    pub skill: Option<String>,
    /// `hard`, `soft` or `keyword`.
    pub kind: &'static str,
    /// Its importance in the post.
    pub importance: f64,
    /// The résumé line that meets it (in the version that meets it).
    pub resume_line: Option<usize>,
}

/// The result of `jobfit diff`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DiffReport {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The job post.
    pub job: String,
    /// The old résumé.
    pub old: String,
    /// The new résumé.
    pub new: String,
    /// Old match score, 0..=100.
    pub old_score: f64,
    /// New match score, 0..=100.
    pub new_score: f64,
    /// `new_score - old_score`, one decimal.
    pub change: f64,
    /// Old and new `total_years`.
    pub years: (f64, f64),
    /// Requirements the new version meets and the old one did not, most important first.
    pub gained: Vec<Change>,
    /// Requirements the old version met and the new one does not, most important first.
    pub lost: Vec<Change>,
}

/// Compares two score reports of the same job post.
pub fn diff(old: &ScoreReport, new: &ScoreReport) -> DiffReport {
    DiffReport {
        schema_version: SCHEMA_VERSION,
        job: new.job.clone(),
        old: old.resume.clone(),
        new: new.resume.clone(),
        old_score: old.score,
        new_score: new.score,
        change: ((new.score - old.score) * 10.0).round() / 10.0,
        years: (old.total_years, new.total_years),
        gained: newly_met(&old.missing, &new.matched),
        lost: newly_met(&new.missing, &old.matched),
    }
}

/// Requirements in `now_met` that were in `was_missing`.
fn newly_met(was_missing: &[Finding], now_met: &[Finding]) -> Vec<Change> {
    let same = |a: &Finding, b: &Finding| a.kind == b.kind && a.skill == b.skill && a.keyword == b.keyword;
    now_met
        .iter()
        .filter(|f| was_missing.iter().any(|m| same(m, f)))
        .map(|f| Change {
            keyword: f.keyword.clone(),
            skill: f.skill.clone(),
            kind: f.kind.as_str(),
            importance: f.importance,
            resume_line: f.resume_line,
        })
        .collect()
}
