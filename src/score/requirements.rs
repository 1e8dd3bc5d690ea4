//! What a job post asks for: its lexicon skills with their tiers and its
//! other keywords, each with an importance. This model is what the index
//! stores per job post, so ranking never re-reads or re-extracts a post.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Weights;
use crate::extract::{Analysis, Extractor, SkillMatch};
use crate::keywords::{Background, job_keywords};
use crate::lexicon::{SkillId, SkillKind};
use crate::sections::{Tier, tier};

/// Hard skill, soft skill, or other keyword.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A lexicon skill of any category but soft skills.
    Hard,
    /// A lexicon soft skill.
    Soft,
    /// A term of the post outside the lexicon.
    Keyword,
}

impl Kind {
    /// `hard`, `soft` or `keyword`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Hard => "hard",
            Kind::Soft => "soft",
            Kind::Keyword => "keyword",
        }
    }
}

/// What a requirement asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Target {
    /// A lexicon skill, by id (valid for the lexicon that extracted it).
    Skill(SkillId),
    /// An English stem (tantivy's analyzer), met by a stemmed keyword search.
    Stem(String),
}

/// One requirement of a job post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Requirement {
    /// The requirement as the post writes it (first occurrence in its strongest tier).
    pub keyword: String,
    /// The skill or stem that meets it.
    pub target: Target,
    /// Hard, soft or keyword.
    pub kind: Kind,
    /// Strongest tier it is asked with.
    pub tier: Tier,
    /// Weight within its component; see the README's formula.
    pub importance: f64,
    /// Times the post mentions it outside boilerplate.
    pub count: usize,
    /// 1-based post line that asks for it.
    pub line: usize,
}

/// Everything scoring needs from a job post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobFacts {
    /// Requirements, skills first (by skill id), then keywords (heaviest first).
    pub requirements: Vec<Requirement>,
}

impl JobFacts {
    /// The requirements of `job`: its lexicon skills outside boilerplate and its
    /// [`Weights::keyword_limit`] heaviest other keywords.
    pub fn of(extractor: &Extractor, background: &Background, job: &Analysis, weights: &Weights) -> JobFacts {
        let mut requirements = skill_requirements(extractor, job, weights);
        let keywords = job_keywords(job, background, weights.keyword_limit);
        let top = keywords.first().map_or(1.0, |k| k.weight);
        requirements.extend(keywords.into_iter().map(|k| Requirement {
            keyword: k.surface,
            target: Target::Stem(k.stem),
            kind: Kind::Keyword,
            tier: tier(job.section(k.line), job.doc.line(k.line)).unwrap_or(Tier::Mentioned),
            importance: round2(k.weight / top),
            count: k.count,
            line: k.line,
        }));
        JobFacts { requirements }
    }
}

fn skill_requirements(extractor: &Extractor, job: &Analysis, weights: &Weights) -> Vec<Requirement> {
    let mut asked: BTreeMap<SkillId, (Tier, usize, &SkillMatch)> = BTreeMap::new();
    let mut line_tier = (0, None);
    for m in &job.matches {
        if line_tier.0 != m.line {
            line_tier = (m.line, tier(m.section, job.doc.line(m.line)));
        }
        let Some(t) = line_tier.1 else { continue };
        let entry = asked.entry(m.skill).or_insert((t, 0, m));
        entry.1 += 1;
        if t < entry.0 {
            (entry.0, entry.2) = (t, m);
        }
    }
    asked
        .into_iter()
        .map(|(id, (t, count, at))| Requirement {
            keyword: job.surface(at).to_string(),
            target: Target::Skill(id),
            kind: match extractor.lexicon.skill(id).category.kind() {
                SkillKind::Hard => Kind::Hard,
                SkillKind::Soft => Kind::Soft,
            },
            tier: t,
            importance: round2(weights.tier(t) * (1.0 + (count as f64).ln().min(1.0))),
            count,
            line: at.line,
        })
        .collect()
}

pub(super) fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
