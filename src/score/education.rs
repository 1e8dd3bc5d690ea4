//! Degree requirements of a job post (`Bachelor's degree in Computer
//! Science`, `PhD or equivalent`), checked against the résumé's degrees.

use serde::{Deserialize, Serialize};

use std::sync::OnceLock;

use regex::Regex;
use rustc_hash::FxHashSet;

use crate::analyzer::{StemmedWord, stem_fingerprint, with_stems};
use crate::degree::{DEGREE_WORDS, Level, degrees};
use crate::extract::Analysis;
use crate::sections::{Section, Tier};

/// The degree a post asks for and whether the résumé shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DegreeRequirement {
    /// 1-based post line.
    pub job_line: usize,
    /// That line's text.
    pub job_text: String,
    /// Lowest level the line accepts (`Bachelor's or Master's` → bachelor).
    pub level: Level,
    /// The field asked for, as written, if the line names one.
    pub field: Option<String>,
    /// Tier of the line.
    pub tier: Tier,
    /// Highest degree level in the résumé, if any.
    pub resume_level: Option<Level>,
    /// 1-based résumé line of that degree.
    pub resume_line: Option<usize>,
    /// Years of experience the post accepts instead of the degree, if any.
    pub or_years: Option<u32>,
    /// Whether `resume_level >= level`, or the résumé's years reach `or_years`.
    pub met: bool,
}

/// Words after a degree that make it a person or a programme, not a
/// qualification asked for (`PhD students`, `Master thesis`).
const NOT_ASKED: [&str; 12] = [
    "student",
    "students",
    "fellow",
    "fellows",
    "fellowship",
    "stipend",
    "scholarship",
    "programme",
    "program",
    "thesis",
    "project",
    "supervision",
];

/// Whether a line with a degree asks for it: a required or preferred line,
/// or one that says `degree`, `diploma` or `qualification`.
fn asks(t: Tier, line: &str) -> bool {
    let lower = line.to_lowercase();
    matches!(t, Tier::Required | Tier::Preferred)
        || ["degree", "diploma", "qualification"].iter().any(|w| lower.contains(w))
}

/// The degree a post asks for, as the index stores it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DegreeAsk {
    /// 1-based post line.
    pub job_line: usize,
    /// Lowest level the line accepts.
    pub level: Level,
    /// The field asked for, as written, if the line names one.
    pub field: Option<String>,
    /// Tier of the line.
    pub tier: Tier,
    /// Years of experience the line accepts instead (`or equivalent
    /// experience`: the years it names, else [`equivalent_years`] of the
    /// level); 0 when it accepts none.
    #[serde(default)]
    pub or_years: u32,
}

/// Years of experience taken as equivalent to a degree when a post accepts
/// `equivalent experience` without saying how many: the degree's usual
/// length of study (2 associate, 4 bachelor) plus 2 for each level above.
pub fn equivalent_years(level: Level) -> u32 {
    match level {
        Level::Associate => 2,
        Level::Bachelor => 4,
        Level::Master => 6,
        Level::Doctorate => 8,
    }
}

/// Years of experience a degree line accepts instead of the degree
/// (`Bachelor's degree or equivalent practical experience`, `BS or 4 years
/// of equivalent experience`, `or an equivalent combination of education and
/// experience`); 0 when it accepts none.
fn or_years(line: &str, level: Level) -> u32 {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"(?i)\bor\s+(?:an?\s+)?(?:(\d{1,2})\+?\s+years?\s+(?:of\s+)?)?(?:equivalent|comparable|relevant|related)\s+(?:[a-z]+\s+){0,4}?experience\b",
        )
        .expect("valid regex")
    });
    re.captures(line).map_or(0, |c| c.get(1).and_then(|n| n.as_str().parse().ok()).unwrap_or(equivalent_years(level)))
}

/// The post's degree requirement: the asking line (see [`asks`]) in the
/// strongest tier, first such line, outside boilerplate; `None` when the post asks for no degree.
/// `words` are the words and stems of the post's normalized text
/// ([`crate::analyzer::StemmedText::of`] of `job.doc.text`): only lines with
/// a stem of [`DEGREE_WORDS`] are searched for degrees.
pub fn degree_asked(job: &Analysis, words: &[StemmedWord]) -> Option<DegreeAsk> {
    let mut best: Option<DegreeAsk> = None;
    for n in degree_word_lines(job, words) {
        let line = job.doc.line(n);
        if job.section(n).is_boilerplate() {
            continue;
        }
        let mut found = degrees(line);
        if found.is_empty() {
            continue;
        }
        let Some(t) = job.tier(n).filter(|&t| asks(t, line)) else { continue };
        found.retain(|d| {
            let next = line[d.end..].split_whitespace().next().unwrap_or("").to_lowercase();
            !NOT_ASKED.contains(&next.as_str())
        });
        let Some(lowest) = found.iter().min_by_key(|d| d.level) else { continue };
        if best.as_ref().is_none_or(|b| t < b.tier) {
            let field = found.iter().find_map(|d| d.field.clone());
            let or_years = or_years(line, lowest.level);
            best = Some(DegreeAsk { job_line: n, level: lowest.level, field, tier: t, or_years });
        }
    }
    best
}

/// The 1-based lines of `job`, in order, that hold a word whose stem is
/// that of one of [`DEGREE_WORDS`].
fn degree_word_lines(job: &Analysis, words: &[StemmedWord]) -> Vec<usize> {
    static STEMS: OnceLock<FxHashSet<u64>> = OnceLock::new();
    let stems = STEMS
        .get_or_init(|| with_stems(|s| DEGREE_WORDS.iter().filter_map(|w| s.stem(w).map(stem_fingerprint)).collect()));
    let mut lines: Vec<usize> =
        words.iter().filter(|w| stems.contains(&w.print)).map(|w| job.doc.line_of(w.start as usize)).collect();
    lines.dedup();
    lines
}

/// The post's degree requirement checked against the résumé's highest
/// degree and its `total_years` of experience.
pub fn degree_required(job: &Analysis, ask: &DegreeAsk, resume: &Analysis, total_years: f64) -> DegreeRequirement {
    let (resume_level, resume_line) = highest_degree(resume).unzip();
    let or_years = (ask.or_years > 0).then_some(ask.or_years);
    DegreeRequirement {
        job_line: ask.job_line,
        job_text: job.doc.original_line(ask.job_line).trim().to_string(),
        level: ask.level,
        field: ask.field.clone(),
        tier: ask.tier,
        resume_level,
        resume_line,
        or_years,
        met: resume_level.is_some_and(|l| l >= ask.level) || or_years.is_some_and(|y| total_years >= f64::from(y)),
    }
}

/// The résumé's highest degree and its line, education sections first.
pub fn highest_degree(resume: &Analysis) -> Option<(Level, usize)> {
    resume
        .doc
        .lines()
        .filter(|&(n, _)| !matches!(resume.section(n), Section::Interests | Section::Awards))
        .flat_map(|(n, line)| degrees(line).into_iter().map(move |d| (d.level, n)))
        .max_by_key(|&(level, n)| (level, std::cmp::Reverse(n)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyzer::StemmedText;
    use crate::document::Document;
    use crate::extract::Extractor;

    #[test]
    fn degree_or_equivalent_experience() {
        assert_eq!(or_years("Bachelor's degree or equivalent practical experience", Level::Bachelor), 4);
        assert_eq!(or_years("BS in CS or 6 years of equivalent work experience", Level::Bachelor), 6);
        assert_eq!(or_years("Master's or an equivalent combination of education and experience", Level::Master), 6);
        assert_eq!(or_years("PhD or equivalent", Level::Doctorate), 0, "an equivalent degree, not experience");
        assert_eq!(or_years("Bachelor's degree and 5 years of experience", Level::Bachelor), 0);
        let post = "Requirements\n- BS in Computer Science or equivalent experience\n";
        let job = Extractor::embedded().unwrap().analyze(Document::from_text("p.txt".as_ref(), post).unwrap());
        let ask = degree_asked(&job, &StemmedText::words_of(&job.doc.text)).unwrap();
        assert_eq!((ask.level, ask.or_years), (Level::Bachelor, 4));
    }
}
