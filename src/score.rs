//! The match score: job-post requirements (skills with tiers, other
//! keywords), their coverage by the résumé, and the report model that every
//! output format renders.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::extract::{Analysis, Extractor, SkillMatch};
use crate::keywords::{Background, KeywordError, ResumeIndex, job_keywords, line_with_stem};
use crate::lexicon::SkillKind;
use crate::sections::{Section, Tier, tier};
use crate::tokenize::phrase_key;

/// Version of the JSON report schema; bumped on incompatible changes.
pub const SCHEMA_VERSION: u32 = 1;

/// Scoring weights; see the README's "How the score is computed".
#[derive(Debug, Clone, Copy)]
pub struct Weights {
    /// Share of the score from hard skills.
    pub hard: f64,
    /// Share of the score from soft skills.
    pub soft: f64,
    /// Share of the score from other keywords.
    pub keywords: f64,
    /// Importance of a skill by tier: required, responsibility, mentioned, preferred.
    pub tiers: [f64; 4],
    /// Highest score when a required hard skill is missing.
    pub missing_required_cap: f64,
    /// How many other keywords of the post are scored.
    pub keyword_limit: usize,
}

impl Default for Weights {
    fn default() -> Weights {
        Weights {
            hard: 0.70,
            soft: 0.10,
            keywords: 0.20,
            tiers: [3.0, 2.0, 1.5, 1.0],
            missing_required_cap: 80.0,
            keyword_limit: 15,
        }
    }
}

impl Weights {
    fn tier(&self, t: Tier) -> f64 {
        match t {
            Tier::Required => self.tiers[0],
            Tier::Responsibility => self.tiers[1],
            Tier::Mentioned => self.tiers[2],
            Tier::Preferred => self.tiers[3],
        }
    }
}

/// One sub-score of the breakdown.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Component {
    /// Weighted coverage, 0..=100 (0 when the post asks for nothing of this kind).
    pub score: f64,
    /// Share of the total score, 0..=1, after leaving out empty components.
    pub share: f64,
    /// Requirements of this kind that the résumé meets.
    pub matched: usize,
    /// Requirements of this kind in the post.
    pub total: usize,
}

/// The sub-scores and the cap.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Breakdown {
    /// Hard skills (every category but soft skills).
    pub hard_skills: Component,
    /// Soft skills.
    pub soft_skills: Component,
    /// Other keywords: post terms outside the lexicon, BM25-weighted.
    pub keywords: Component,
    /// The score before the cap, when a missing required hard skill capped it.
    pub uncapped_score: Option<f64>,
}

/// One requirement of the post, met or missing.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Finding {
    /// The requirement as the post writes it.
    pub keyword: String,
    /// Canonical skill name; `null` for other keywords.
    pub skill: Option<String>,
    /// Skill category, or `keyword`.
    pub category: &'static str,
    /// `hard`, `soft` or `keyword`.
    pub kind: &'static str,
    /// `required`, `responsibility`, `preferred` or `mentioned`.
    pub tier: &'static str,
    /// Weight of the requirement within its component (higher = more important).
    pub importance: f64,
    /// Times the post mentions it outside boilerplate.
    pub job_count: usize,
    /// 1-based post line that asks for it.
    pub job_line: usize,
    /// That line's text.
    pub job_text: String,
    /// 1-based résumé line that shows it (matched only).
    pub resume_line: Option<usize>,
    /// That line's text.
    pub resume_text: Option<String>,
    /// The section of that résumé line.
    pub resume_section: Option<&'static str>,
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
    /// Requirements the résumé lacks, most important first.
    pub missing: Vec<Finding>,
}

#[derive(Default)]
struct Tally {
    met: f64,
    all: f64,
    matched: usize,
    total: usize,
}

/// Scores `resume` against `job`.
///
/// Errors: `KeywordError` if the in-RAM keyword index fails.
pub fn score(
    extractor: &Extractor,
    background: &Background,
    resume: &Analysis,
    job: &Analysis,
    weights: &Weights,
) -> Result<ScoreReport, KeywordError> {
    let mut findings = skill_findings(extractor, resume, job, weights);
    findings.extend(keyword_findings(background, resume, job, weights)?);
    let (mut matched, mut missing): (Vec<Finding>, Vec<Finding>) =
        findings.into_iter().partition(|f| f.resume_line.is_some());
    for list in [&mut matched, &mut missing] {
        list.sort_by(|a, b| b.importance.total_cmp(&a.importance).then_with(|| a.keyword.cmp(&b.keyword)));
    }
    let (breakdown, total) = breakdown(&matched, &missing, weights);
    let capped = missing.iter().any(|f| f.kind == "hard" && f.tier == "required");
    let score = if capped { total.min(weights.missing_required_cap) } else { total };
    Ok(ScoreReport {
        schema_version: SCHEMA_VERSION,
        resume: resume.doc.path.display().to_string(),
        job: job.doc.path.display().to_string(),
        score: round1(score),
        breakdown: Breakdown { uncapped_score: (capped && total > score).then(|| round1(total)), ..breakdown },
        matched,
        missing,
    })
}

/// The lexicon skills the post asks for, each with its best tier.
fn skill_findings(extractor: &Extractor, resume: &Analysis, job: &Analysis, weights: &Weights) -> Vec<Finding> {
    let mut asked: BTreeMap<u32, (Tier, usize, &SkillMatch)> = BTreeMap::new();
    for m in &job.matches {
        let Some(t) = tier(m.section, job.doc.line(m.line)) else { continue };
        let entry = asked.entry(m.skill).or_insert((t, 0, m));
        entry.1 += 1;
        if t < entry.0 {
            (entry.0, entry.2) = (t, m);
        }
    }
    asked
        .into_iter()
        .map(|(id, (t, count, at))| {
            let skill = extractor.lexicon.skill(id);
            let surface = job.surface(at).to_string();
            let evidence = best_evidence(resume, id);
            let literal =
                resume.matches.iter().any(|m| m.skill == id && phrase_key(resume.surface(m)) == phrase_key(&surface));
            Finding {
                keyword: surface,
                skill: Some(skill.name.clone()),
                category: skill.category.as_str(),
                kind: skill.category.kind().as_str(),
                tier: t.as_str(),
                importance: round2(weights.tier(t) * (1.0 + (count as f64).ln().min(1.0))),
                job_count: count,
                job_line: at.line,
                job_text: job.doc.original_line(at.line).trim().to_string(),
                resume_line: evidence.map(|m| m.line),
                resume_text: evidence.map(|m| resume.doc.original_line(m.line).trim().to_string()),
                resume_section: evidence.map(|m| m.section.as_str()),
                literal: evidence.map(|_| literal),
            }
        })
        .collect()
}

/// The résumé occurrence that best shows a skill: in dated experience or
/// projects first, then summary, then anywhere else, earliest line first.
fn best_evidence(resume: &Analysis, skill: u32) -> Option<&SkillMatch> {
    let rank = |s: Section| match s {
        Section::Experience | Section::Projects => 0,
        Section::Summary | Section::Header => 1,
        Section::Skills => 2,
        _ => 3,
    };
    resume.matches.iter().filter(|m| m.skill == skill).min_by_key(|m| (rank(m.section), m.line))
}

fn keyword_findings(
    background: &Background,
    resume: &Analysis,
    job: &Analysis,
    weights: &Weights,
) -> Result<Vec<Finding>, KeywordError> {
    let keywords = job_keywords(job, background, weights.keyword_limit);
    let top = keywords.first().map_or(1.0, |k| k.weight);
    let index = ResumeIndex::new(&resume.doc)?;
    let mut out = Vec::with_capacity(keywords.len());
    for k in keywords {
        let line = if index.contains(&k.stem)? { line_with_stem(&resume.doc, &k.stem) } else { None };
        out.push(Finding {
            keyword: k.surface,
            skill: None,
            category: "keyword",
            kind: "keyword",
            tier: tier(job.section(k.line), job.doc.line(k.line)).unwrap_or(Tier::Mentioned).as_str(),
            importance: round2(k.weight / top),
            job_count: k.count,
            job_line: k.line,
            job_text: job.doc.original_line(k.line).trim().to_string(),
            resume_line: line,
            resume_text: line.map(|n| resume.doc.original_line(n).trim().to_string()),
            resume_section: line.map(|n| resume.section(n).as_str()),
            literal: None,
        });
    }
    Ok(out)
}

/// The sub-scores and the weighted total (unrounded).
fn breakdown(matched: &[Finding], missing: &[Finding], weights: &Weights) -> (Breakdown, f64) {
    let mut tallies: BTreeMap<&str, Tally> = BTreeMap::new();
    for (list, met) in [(matched, true), (missing, false)] {
        for f in list {
            let t = tallies.entry(f.kind).or_default();
            t.all += f.importance;
            t.total += 1;
            if met {
                t.met += f.importance;
                t.matched += 1;
            }
        }
    }
    let parts = [
        (SkillKind::Hard.as_str(), weights.hard),
        (SkillKind::Soft.as_str(), weights.soft),
        ("keyword", weights.keywords),
    ];
    let present: f64 = parts.iter().filter(|(k, _)| tallies.get(k).is_some_and(|t| t.total > 0)).map(|(_, w)| w).sum();
    let mut total = 0.0;
    let mut component = |kind: &str, w: f64| {
        let t = tallies.get(kind);
        let count = t.map_or(0, |t| t.total);
        let score = t.filter(|t| t.all > 0.0).map_or(0.0, |t| 100.0 * t.met / t.all);
        let share = if count > 0 && present > 0.0 { w / present } else { 0.0 };
        total += score * share;
        Component { score: round1(score), share: round3(share), matched: t.map_or(0, |t| t.matched), total: count }
    };
    let breakdown = Breakdown {
        hard_skills: component(parts[0].0, parts[0].1),
        soft_skills: component(parts[1].0, parts[1].1),
        keywords: component(parts[2].0, parts[2].1),
        uncapped_score: None,
    };
    (breakdown, total)
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
