//! What a job post asks for: its lexicon skills with their tiers and its
//! other keywords, each with an importance. This model is what the index
//! stores per job post, so ranking never re-reads or re-extracts a post.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Weights;
use super::groups::{Kin, or_groups};
use super::profile::JobProfile;
use crate::analyzer::{StemmedText, StemmedWord};
use crate::extract::{Analysis, Extractor, SkillMatch};
use crate::keywords::{Background, job_keywords};
use crate::lexicon::{SkillId, SkillKind};
use crate::sections::{Section, Tier};

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
    /// Other skills of its OR-group (`Python or Go`), any of which meets it too; ascending.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<SkillId>,
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
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct JobFacts {
    /// Requirements, skills first (by skill id), then keywords (heaviest first).
    pub requirements: Vec<Requirement>,
    /// Title, degree and years asked, for the sub-scores.
    pub profile: JobProfile,
}

impl JobFacts {
    /// The requirements of `job`: its lexicon skills outside boilerplate and its
    /// [`Weights::keyword_limit`] heaviest other keywords.
    pub fn of(extractor: &Extractor, background: &Background, job: &Analysis, weights: &Weights) -> JobFacts {
        JobFacts::with_stems(extractor, background, job, weights, &StemmedText::words_of(&job.doc.text))
    }

    /// [`JobFacts::of`], given the words and stems of `job`'s normalized text
    /// (when they are at hand already, as for the index).
    pub fn with_stems(
        extractor: &Extractor,
        background: &Background,
        job: &Analysis,
        weights: &Weights,
        words: &[StemmedWord],
    ) -> JobFacts {
        let mut requirements = skill_requirements(extractor, job, weights);
        let keywords = job_keywords(job, background, weights.keyword_limit, words);
        let top = keywords.first().map_or(1.0, |k| k.weight);
        requirements.extend(keywords.into_iter().map(|k| Requirement {
            keyword: k.surface,
            target: Target::Stem(k.stem),
            alternatives: Vec::new(),
            kind: Kind::Keyword,
            tier: job.tier(k.line).unwrap_or(Tier::Mentioned),
            importance: round2(k.weight / top),
            count: k.count,
            line: k.line,
        }));
        JobFacts { requirements, profile: JobProfile::of(job, words) }
    }
}

/// One skill as the post asks it: strongest tier, mentions, the mention in that tier.
struct Asked<'a> {
    tier: Tier,
    count: usize,
    at: &'a SkillMatch,
}

/// An OR-group: its strongest tier, mentions, first line in that tier, and its text there.
struct Group {
    tier: Tier,
    count: usize,
    line: usize,
    text: String,
}

/// The skill matches of `job` outside the employer's name ([`crate::employer`]).
fn not_employer(job: &Analysis) -> Cow<'_, [SkillMatch]> {
    let names = crate::employer::names(&job.doc);
    if names.is_empty() {
        return Cow::Borrowed(&job.matches);
    }
    let mut outside = Vec::with_capacity(job.matches.len());
    for line in job.matches.chunk_by(|a, b| a.line == b.line) {
        let spans = crate::employer::spans(&names, job.doc.original_line(line[0].line));
        outside.extend(line.iter().filter(|m| !crate::employer::within(&spans, m.start, m.end)).cloned());
    }
    Cow::Owned(outside)
}

/// The post's skill requirements. A skill mentioned on its own is one
/// requirement; an OR-group (see [`or_groups`]) is one requirement of its own
/// that any member meets, even when a member is also asked on its own.
fn skill_requirements(extractor: &Extractor, job: &Analysis, weights: &Weights) -> Vec<Requirement> {
    let mut asked: BTreeMap<SkillId, Asked> = BTreeMap::new();
    let mut groups: BTreeMap<Vec<SkillId>, Group> = BTreeMap::new();
    let matches = not_employer(job);
    for line in matches.chunk_by(|a, b| a.line == b.line) {
        let n = line[0].line;
        let Some(line_tier) = job.tier(n) else { continue };
        let text = job.doc.original_line(n);
        let cues = crate::cues::find(text);
        let tier_at = |at: usize| match job.section(n) {
            Section::Preferred => line_tier,
            section => cues
                .governing(text, at)
                .unwrap_or_else(|| crate::sections::tier_by(section, |t| cues.asks_line_at(text, t, at))),
        };
        let spans: Vec<(usize, usize)> = line.iter().map(|m| (m.start, m.end)).collect();
        let category = |i: usize| extractor.lexicon.skill(line[i].skill).category;
        let members = |g: &[usize]| {
            let mut members: Vec<SkillId> = g.iter().map(|&i| line[i].skill).collect();
            members.sort_unstable();
            members.dedup();
            members
        };
        // A group of one skill named twice (`CPA or CPA candidate`) is that skill asked on its own.
        let grouped: Vec<(Vec<usize>, Vec<SkillId>)> =
            or_groups(text, &spans, |i, j| match (line[i].skill == line[j].skill, category(i) == category(j)) {
                (true, _) => Kin::SameSkill,
                (false, true) => Kin::SameCategory,
                (false, false) => Kin::Other,
            })
            .into_iter()
            .map(|g| {
                let m = members(&g);
                (g, m)
            })
            .filter(|(_, members)| members.len() > 1)
            .collect();
        for (g, members) in &grouped {
            let (first, last) = (&line[g[0]], &line[g[g.len() - 1]]);
            let text = &text[first.start..last.end];
            let t = tier_at(first.start);
            let entry =
                groups.entry(members.clone()).or_insert(Group { tier: t, count: 0, line: n, text: text.to_string() });
            entry.count += 1;
            if t < entry.tier {
                (entry.tier, entry.line, entry.text) = (t, n, text.to_string());
            }
        }
        for (_, m) in line.iter().enumerate().filter(|(i, _)| !grouped.iter().flat_map(|(g, _)| g).any(|g| g == i)) {
            let t = tier_at(m.start);
            let entry = asked.entry(m.skill).or_insert(Asked { tier: t, count: 0, at: m });
            entry.count += 1;
            if t < entry.tier {
                (entry.tier, entry.at) = (t, m);
            }
        }
    }
    let importance = |t: Tier, count: usize| round2(weights.tier(t) * (1.0 + (count as f64).ln().min(1.0)));
    let kind = |id: SkillId| match extractor.lexicon.skill(id).category.kind() {
        SkillKind::Hard => Kind::Hard,
        SkillKind::Soft => Kind::Soft,
    };
    let mut out: Vec<Requirement> = groups
        .into_iter()
        .map(|(members, g)| Requirement {
            keyword: g.text,
            target: Target::Skill(members[0]),
            alternatives: members[1..].to_vec(),
            kind: kind(members[0]),
            tier: g.tier,
            importance: importance(g.tier, g.count),
            count: g.count,
            line: g.line,
        })
        .collect();
    out.extend(asked.into_iter().map(|(id, a)| Requirement {
        keyword: job.surface(a.at).to_string(),
        target: Target::Skill(id),
        alternatives: Vec::new(),
        kind: kind(id),
        tier: a.tier,
        importance: importance(a.tier, a.count),
        count: a.count,
        line: a.at.line,
    }));
    out.sort_by_key(|r| match r.target {
        Target::Skill(id) => (id, r.alternatives.len()),
        Target::Stem(_) => (SkillId::MAX, 0),
    });
    out
}

pub(super) fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
