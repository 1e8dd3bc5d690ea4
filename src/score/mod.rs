//! The match score: job-post requirements (skills with tiers, other
//! keywords), their coverage by the résumé, and the report model that every
//! output format renders.

mod ats;
mod coverage;
mod education;
mod groups;
mod hygiene;
mod offer;
mod profile;
mod requirements;
mod title;
pub mod weights;
mod years;

pub use ats::{AtsFacts, Heading};
pub use coverage::{Breakdown, Component, Scored, coverage, coverage_score, credits};
pub use education::{DegreeAsk, DegreeRequirement};
pub use offer::{Met, Offer};
pub use profile::{Fit, Fits, JobProfile, ProfileKeys, ResumeKeys, ResumeProfile, fit};
pub use requirements::{JobFacts, Kind, Requirement, Target};
pub use title::TitleMatch;
pub use weights::{ConfigError, TierWeights, Weights};
pub use years::{YearsAsk, YearsRequirement};

use serde::Serialize;

use crate::analyzer::{StemmedText, StemmedWord};
use crate::excerpt::excerpt;
use crate::experience::{Experience, Month};
use crate::extract::{Analysis, Extractor, SkillMatch};
use crate::fingerprint::key_fingerprint;
use crate::keywords::{Background, KeywordError, ResumeIndex, line_with_stem};
use crate::lexicon::SkillId;
use crate::sections::{Section, Tier};
use crate::tokenize::phrase_key;

/// Version of the JSON report schema; bumped on incompatible changes.
pub const SCHEMA_VERSION: u32 = 1;

/// One requirement of the post, met or missing.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Finding {
    /// The requirement as the post writes it.
    pub keyword: String,
    /// Canonical skill name (for an OR-group, the one the résumé shows, else
    /// the first); `null` for other keywords.
    pub skill: Option<String>,
    /// The other skills of its OR-group (`Python or Go`), any of which meets it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<String>,
    /// Skill category, or `keyword`.
    pub category: &'static str,
    /// `hard`, `soft` or `keyword`.
    pub kind: Kind,
    /// `required`, `responsibility`, `preferred` or `mentioned`.
    pub tier: Tier,
    /// Weight of the requirement within its component (higher = more important).
    pub importance: f64,
    /// Score points it earns, before the cap (a share for a related skill).
    pub credit: f64,
    /// Score points it would still add if the résumé showed it, before the cap.
    pub gain: f64,
    /// Times the post mentions it outside boilerplate.
    pub job_count: usize,
    /// 1-based post line that asks for it.
    pub job_line: usize,
    /// That line's text.
    pub job_text: String,
    /// The résumé skill that earns it partial credit: an ESCO narrower
    /// concept of it, or a skill that implies it (`React` for `JavaScript`).
    pub related: Option<String>,
    /// 1-based résumé line that shows it (or the related skill).
    pub resume_line: Option<usize>,
    /// That line's text.
    pub resume_text: Option<String>,
    /// The section of that résumé line.
    pub resume_section: Option<&'static str>,
    /// How the résumé writes it on that line (skills only).
    pub resume_keyword: Option<String>,
    /// How the post writes the skill the résumé shows, when the requirement
    /// is an OR-group (`Azure` in `AWS, GCP or Azure`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_keyword: Option<String>,
    /// Whether the résumé writes it as the post does (what a literal ATS search needs); skills only.
    pub literal: Option<bool>,
}

/// The full result of scoring a résumé against a job post.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ScoreReport {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The résumé path as given.
    pub resume: String,
    /// The job-post path as given.
    pub job: String,
    /// Match score, 0..=100, one decimal.
    pub score: f64,
    /// How the score is made up.
    pub breakdown: Breakdown,
    /// Requirements the résumé meets, most important first.
    pub matched: Vec<Finding>,
    /// Requirements the résumé lacks (some with partial credit from a related skill), largest score gain first.
    pub missing: Vec<Finding>,
    /// Years of experience from the résumé's dated roles, overlaps merged, one decimal.
    pub total_years: f64,
    /// The dated roles and the years per skill behind `total_years`.
    pub experience: Experience,
    /// The post's years-of-experience requirements, checked against the résumé.
    pub years_required: Vec<YearsRequirement>,
    /// The post's degree requirement, checked against the résumé; `null` when it names no degree.
    pub degree_required: Option<DegreeRequirement>,
    /// The post's title against the résumé's titles.
    pub title: TitleMatch,
    /// Contact details and section headings, as an ATS parser reads them.
    pub ats: AtsFacts,
    /// What to change, most useful first: ATS literal-match warnings, then placement hints.
    pub advice: Vec<Advice>,
}

/// What a piece of advice is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AdviceKind {
    /// The résumé has the skill only under another form than the post's.
    LiteralMatch,
    /// The skill appears only in a skills list, not in a dated role or project.
    Placement,
    /// The résumé shows only a related skill (partial credit).
    Related,
    /// The dated roles show fewer years than the post asks for.
    YearsShort,
    /// The post asks for a degree the résumé does not show.
    MissingDegree,
    /// No résumé title shares the main words of the post's title.
    TitleMismatch,
    /// One skill repeated far past need: a recruiter reads it as keyword stuffing.
    KeywordStuffing,
    /// Most experience bullets state no measurable result.
    NoMeasurableResults,
    /// No e-mail address or phone number an ATS can read.
    MissingContact,
    /// No heading an ATS recognizes for experience, education or skills.
    MissingSection,
}

/// One piece of advice.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Advice {
    /// What it is about.
    pub kind: AdviceKind,
    /// Canonical skill; empty for advice about no single skill.
    pub skill: String,
    /// 1-based résumé line concerned, if one is.
    pub resume_line: Option<usize>,
    /// The advice, one sentence.
    pub message: String,
}

/// Scores `resume` against `job`; `as_of` is the month `Present` means in the résumé's dates.
///
/// Errors: `KeywordError` if the in-RAM keyword index fails.
pub fn score(
    extractor: &Extractor,
    background: &Background,
    resume: &Analysis,
    job: &Analysis,
    weights: &Weights,
    as_of: Month,
) -> Result<ScoreReport, KeywordError> {
    let facts = JobFacts::of(extractor, background, job, weights);
    let experience = Experience::of(extractor, resume, as_of);
    let offer = Offer::of(extractor, resume, &experience);
    let fits = fit(&facts.profile.keys(), &offer.keys);
    let index = ResumeIndex::new(&resume.doc)?;
    let mut findings = Vec::with_capacity(facts.requirements.len());
    let mut scored: Vec<Scored> = Vec::with_capacity(facts.requirements.len());
    for r in &facts.requirements {
        let (finding, met) = finding(extractor, resume, job, r, &offer, &index, weights)?;
        scored.push((r.kind, r.tier, r.importance, met));
        findings.push(finding);
    }
    let (score, breakdown) = coverage(scored.iter().copied(), &fits, weights);
    for (f, (credit, gain)) in findings.iter_mut().zip(credits(&scored, &fits, weights)) {
        (f.credit, f.gain) = (credit, gain);
    }
    let (mut matched, mut missing): (Vec<Finding>, Vec<Finding>) =
        findings.into_iter().partition(|f| f.resume_line.is_some() && f.related.is_none());
    matched.sort_by(|a, b| b.importance.total_cmp(&a.importance).then_with(|| a.keyword.cmp(&b.keyword)));
    missing.sort_by(|a, b| {
        b.gain
            .total_cmp(&a.gain)
            .then_with(|| b.importance.total_cmp(&a.importance))
            .then_with(|| a.keyword.cmp(&b.keyword))
    });
    let years_required = years::years_required(extractor, &facts.profile.years, offer.keys.profile());
    let degree_required =
        facts.profile.degree.as_ref().map(|a| education::degree_required(job, a, resume, experience.total_years));
    let title = title::title_match(job, resume, &experience.roles);
    let mut advice = advice(&matched);
    advice.extend(missing.iter().filter_map(related_advice));
    advice.extend(years_required.iter().filter(|y| !y.met).map(years_short));
    advice.extend(degree_required.iter().filter(|d| !d.met).map(missing_degree));
    advice.extend(title_mismatch(&title));
    advice.extend(hygiene_advice(extractor, resume));
    let ats = ats::ats_facts(resume);
    advice.extend(ats_advice(&ats));
    Ok(ScoreReport {
        schema_version: SCHEMA_VERSION,
        resume: resume.doc.path.display().to_string(),
        job: job.doc.path.display().to_string(),
        score,
        breakdown,
        advice,
        matched,
        missing,
        total_years: experience.total_years,
        experience,
        years_required,
        degree_required,
        title,
        ats,
    })
}

/// Advice for a degree requirement the résumé does not meet.
fn missing_degree(d: &DegreeRequirement) -> Advice {
    let field = d.field.as_ref().map_or(String::new(), |f| format!(" in {f}"));
    let shows = d.resume_level.map_or("no degree".to_string(), |l| format!("a {} degree", l.as_str()));
    let or = d.or_years.map_or(String::new(), |y| format!(" or {y} years of equivalent experience"));
    Advice {
        kind: AdviceKind::MissingDegree,
        skill: String::new(),
        resume_line: d.resume_line,
        message: format!(
            "the post asks for a {} degree{field}{or} ({}, line {}); the résumé shows {shows}: name an equivalent qualification if you have one",
            d.level.as_str(),
            d.tier.as_str(),
            d.job_line
        ),
    }
}

/// Title-mismatch advice when no résumé title shares half the post title's main words.
fn title_mismatch(t: &TitleMatch) -> Option<Advice> {
    (t.overlap < 0.5 && !t.job_title.is_empty()).then(|| Advice {
        kind: AdviceKind::TitleMismatch,
        skill: String::new(),
        resume_line: t.resume_line,
        message: format!(
            "the post's title is {:?}; no résumé title shares most of its words{}: if you have done this role, use its name in your headline",
            t.job_title,
            t.resume_title.as_ref().map_or(String::new(), |r| format!(" (closest: {r:?})"))
        ),
    })
}

/// Missing contact details and unrecognized section headings.
fn ats_advice(ats: &AtsFacts) -> Vec<Advice> {
    let advice = |kind, message: String| Advice { kind, skill: String::new(), resume_line: None, message };
    let mut out = Vec::new();
    let missing: Vec<&str> = [("e-mail address", ats.contact.email), ("phone number", ats.contact.phone)]
        .iter()
        .filter(|(_, found)| !found)
        .map(|(what, _)| *what)
        .collect();
    if !missing.is_empty() {
        let message = format!("no {} found: write it in plain text at the top, not in an image", missing.join(" or "));
        out.push(advice(AdviceKind::MissingContact, message));
    }
    for s in &ats.missing_sections {
        out.push(advice(
            AdviceKind::MissingSection,
            format!("no heading an ATS recognizes as {s}: use a plain heading such as {:?}", standard_heading(s)),
        ));
    }
    out
}

/// The plain heading an ATS expects for a section.
fn standard_heading(section: &str) -> &'static str {
    match section {
        "experience" => "Experience",
        "education" => "Education",
        _ => "Skills",
    }
}

/// Keyword-stuffing and measurable-result advice.
fn hygiene_advice(extractor: &Extractor, resume: &Analysis) -> Vec<Advice> {
    let mut out: Vec<Advice> = hygiene::stuffed(extractor, resume)
        .into_iter()
        .map(|(skill, n)| Advice {
            kind: AdviceKind::KeywordStuffing,
            message: format!("{skill:?} appears {n} times: repetition earns nothing past the first mentions and reads as keyword stuffing"),
            skill,
            resume_line: None,
        })
        .collect();
    if let Some((lines, all)) = hygiene::unmeasured(resume) {
        let first: Vec<String> = lines.iter().take(3).map(|n| format!("line {n}")).collect();
        out.push(Advice {
            kind: AdviceKind::NoMeasurableResults,
            skill: String::new(),
            resume_line: lines.first().copied(),
            message: format!(
                "{} of {all} experience bullets state no number (e.g. {}): add a measurable result (%, time, money, scale)",
                lines.len(),
                first.join(", ")
            ),
        });
    }
    out
}

/// Advice for a years requirement the résumé does not meet.
fn years_short(y: &YearsRequirement) -> Advice {
    let about =
        if y.skills.is_empty() || y.undated { "in total".to_string() } else { format!("of {}", y.skills.join(" / ")) };
    Advice {
        kind: AdviceKind::YearsShort,
        skill: y.skills.first().cloned().unwrap_or_default(),
        resume_line: None,
        message: format!(
            "the post asks for {:?} (line {}); the résumé's dated roles show {:.1} years {about}",
            y.phrase, y.job_line, y.resume_years
        ),
    }
}

/// ATS literal-match warnings and placement hints for the matched skills.
fn advice(matched: &[Finding]) -> Vec<Advice> {
    let mut out = Vec::new();
    for f in matched {
        let (Some(skill), Some(line), Some(written)) = (&f.skill, f.resume_line, &f.resume_keyword) else { continue };
        let asked = f.job_keyword.as_ref().unwrap_or(&f.keyword);
        if f.literal == Some(false) {
            out.push(Advice {
                kind: AdviceKind::LiteralMatch,
                skill: skill.clone(),
                resume_line: Some(line),
                message: format!(
                    "the post writes {asked:?} (line {}) but the résumé only has {written:?}: a literal ATS keyword search would miss it; add {asked:?}",
                    f.job_line
                ),
            });
        }
        if f.resume_section == Some(Section::Skills.as_str()) {
            out.push(Advice {
                kind: AdviceKind::Placement,
                skill: skill.clone(),
                resume_line: Some(line),
                message: format!(
                    "{written:?} appears only in the skills list; show it in a dated role or project bullet"
                ),
            });
        }
    }
    out.sort_by(|a, b| {
        a.kind.cmp(&b.kind).then_with(|| a.resume_line.cmp(&b.resume_line)).then_with(|| a.skill.cmp(&b.skill))
    });
    // Two requirements met by one résumé mention (`C`, and `C / C++` met by C) give one hint.
    out.dedup();
    out
}

/// A requirement with the résumé line that meets it, if any, and the share met (0..=1).
fn finding(
    extractor: &Extractor,
    resume: &Analysis,
    job: &Analysis,
    r: &Requirement,
    offer: &Offer,
    index: &ResumeIndex,
    weights: &Weights,
) -> Result<(Finding, f64), KeywordError> {
    let lexicon = &extractor.lexicon;
    let name = |id: SkillId| lexicon.skill(id).name.clone();
    let mut finding = Finding {
        keyword: r.keyword.clone(),
        skill: None,
        alternatives: Vec::new(),
        category: "keyword",
        kind: r.kind,
        tier: r.tier,
        importance: r.importance,
        credit: 0.0,
        gain: 0.0,
        job_count: r.count,
        job_line: r.line,
        job_text: excerpt(job.doc.original_line(r.line), &r.keyword),
        related: None,
        resume_line: None,
        resume_text: None,
        resume_section: None,
        resume_keyword: None,
        job_keyword: None,
        literal: None,
    };
    let (evidence, met) = match &r.target {
        Target::Skill(id) => {
            let accepted = std::iter::once(*id).chain(r.alternatives.iter().copied());
            let how = offer.meets_skill(accepted.clone());
            let shown = match how {
                Some(Met::Skill(s)) => s,
                _ => *id,
            };
            finding.skill = Some(name(shown));
            finding.alternatives = accepted.filter(|&s| s != shown).map(name).collect();
            finding.category = lexicon.skill(shown).category.as_str();
            let (evidence, met) = match how {
                Some(Met::Skill(s)) => (best_evidence(resume, s), 1.0),
                Some(Met::Related(s)) => {
                    finding.related = Some(name(s));
                    (best_evidence(resume, s), weights.related_credit)
                }
                None => (None, 0.0),
            };
            if let (Some(m), Some(Met::Skill(s))) = (evidence, how) {
                let form = match r.alternatives.is_empty() {
                    true => r.keyword.clone(),
                    false => job_form(job, r.line, s).unwrap_or_else(|| r.keyword.clone()),
                };
                finding.literal =
                    Some(resume.matches.iter().any(|x| x.skill == s && contains_words(resume.surface(x), &form)));
                finding.resume_keyword = Some(resume.surface(m).to_string());
                finding.job_keyword = (!r.alternatives.is_empty()).then_some(form);
            }
            (evidence.map(|m| (m.line, m.section)), met)
        }
        Target::Stem(stem) => {
            let line = if index.contains(stem)? { line_with_stem(&resume.doc, stem) } else { None };
            (line.map(|n| (n, resume.section(n))), if line.is_some() { 1.0 } else { 0.0 })
        }
    };
    if let Some((n, section)) = evidence {
        finding.resume_line = Some(n);
        let near = finding.resume_keyword.as_deref().unwrap_or(&r.keyword);
        finding.resume_text = Some(excerpt(resume.doc.original_line(n), near));
        finding.resume_section = Some(section.as_str());
    }
    Ok((finding, met))
}

/// Whether `text` contains `words` as whole words, ignoring case and
/// punctuation (`Microsoft Azure` contains `Azure`), or, for words of
/// letters and digits, as the same English stems (`A/B testing` contains
/// `A/B tests`, `dashboard` contains `dashboards`, as an ATS search with
/// stemming finds them): what a literal ATS search needs.
fn contains_words(text: &str, words: &str) -> bool {
    let same_stems = || {
        let (text, words) = (stem_prints(text)?, stem_prints(words)?);
        Some(!words.is_empty() && text.windows(words.len()).any(|w| w == words))
    };
    format!(" {} ", phrase_key(text)).contains(&format!(" {} ", phrase_key(words))) || same_stems() == Some(true)
}

/// The stem fingerprints of the words of `text` ([`StemmedText::words_of`];
/// a stop word, which has no stem, by its own lowercase fingerprint);
/// `None` when `text` holds a mark other than a space, hyphen or slash
/// (`C++`, `.NET`, `C#` are compared as written).
fn stem_prints(text: &str) -> Option<Vec<u64>> {
    let plain = text.chars().all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '/'));
    let print = |w: StemmedWord| match w.print {
        0 => key_fingerprint(&text[w.start as usize..w.end as usize].to_lowercase()),
        print => print,
    };
    plain.then(|| StemmedText::words_of(text).into_iter().map(print).collect())
}

/// How the post writes `skill` on 1-based line `n`.
fn job_form(job: &Analysis, n: usize, skill: SkillId) -> Option<String> {
    job.matches.iter().find(|m| m.line == n && m.skill == skill).map(|m| job.surface(m).to_string())
}

/// Advice for a requirement met only by a related skill.
fn related_advice(f: &Finding) -> Option<Advice> {
    let related = f.related.as_ref()?;
    Some(Advice {
        kind: AdviceKind::Related,
        skill: f.skill.clone().unwrap_or_default(),
        resume_line: f.resume_line,
        message: format!(
            "the post asks for {:?} (line {}); the résumé shows the related {related:?}, which earns part of its credit: if you have used {:?}, name it",
            f.keyword, f.job_line, f.keyword
        ),
    })
}

/// The résumé occurrence that best shows a skill: in dated experience or
/// projects first, then summary, then anywhere else, earliest line first.
fn best_evidence(resume: &Analysis, skill: SkillId) -> Option<&SkillMatch> {
    let rank = |s: Section| match s {
        Section::Experience | Section::Projects => 0,
        Section::Summary | Section::Header => 1,
        Section::Skills => 2,
        _ => 3,
    };
    resume.matches.iter().filter(|m| m.skill == skill).min_by_key(|m| (rank(m.section), m.line))
}

#[cfg(test)]
mod tests {
    use super::contains_words;

    #[test]
    fn literal_forms_ignore_case_punctuation_and_word_endings() {
        assert!(contains_words("Microsoft Azure", "azure"));
        assert!(contains_words("A/B testing", "A/B tests"));
        assert!(contains_words("Looker dashboards", "dashboard"));
        assert!(!contains_words("K8s", "Kubernetes"));
        assert!(!contains_words("C", "C++"), "marks are compared as written");
        assert!(!contains_words("Go", "golang"));
    }
}
