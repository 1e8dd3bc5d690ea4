//! Ranking many documents at once with the `score` formula: job posts for
//! one résumé (with the gaps the posts share), or résumés for one job post.
//! From an index, ranking reads the stored skill ids and packed requirements;
//! nothing is re-read or re-extracted.

use std::collections::HashMap;

use rustc_hash::FxHashSet;

use serde::{Deserialize, Serialize};
use tantivy::{DocAddress, TantivyDocument};

use crate::experience::{Experience, Month};
use crate::extract::{Analysis, Extractor};
use crate::index::pack::{self, Packed, add_to_profile, pack_facts, stem_hash, unpack};
use crate::index::{IndexError, Pool};
use crate::kind::DocKind;
use crate::lexicon::{SkillId, SkillKind};
use crate::score::{JobFacts, Kind, Met, Offer, ProfileKeys, Scored, Target, Weights, coverage_score, fit};

/// Version of the rank JSON schema.
pub const RANK_SCHEMA_VERSION: u32 = 1;
/// Matched and missing requirements shown per ranked document.
const REASONS: usize = 5;
/// Gaps across roles shown.
const GAPS: usize = 15;

/// One ranked document.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Ranked {
    /// 1-based rank.
    pub rank: usize,
    /// Path as given or as indexed.
    pub path: String,
    /// First line: job title, or the candidate's name.
    pub title: String,
    /// Match score, 0..=100.
    pub score: f64,
    /// Hard-skill coverage, 0..=100.
    pub hard_skills: f64,
    /// Most important requirements met (canonical skill names or keywords).
    pub matched: Vec<String>,
    /// Most important requirements missing.
    pub missing: Vec<String>,
}

/// A skill the résumé lacks, counted across the ranked posts.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Gap {
    /// Canonical skill name.
    pub skill: String,
    /// `hard` or `soft`.
    pub kind: Kind,
    /// Posts that ask for it.
    pub posts: usize,
    /// Weighted posts: the sum over those posts of its importance divided by
    /// the importance of the post's most important requirement, in
    /// `0..=posts` (a skill every post asks among its most important has
    /// `posts`; one a post only mentions adds a fraction).
    pub weight: f64,
}

/// The result of `jobfit rank`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RankReport {
    /// [`RANK_SCHEMA_VERSION`].
    pub schema_version: u32,
    /// `jobs` (posts for a résumé) or `resumes` (résumés for a post).
    pub ranking_of: &'static str,
    /// The résumé or job post ranked against.
    pub query: String,
    /// Documents scored.
    pub total: usize,
    /// Best first, at most `--top`.
    pub ranking: Vec<Ranked>,
    /// Job-seeker view only: the skills most posts want that the résumé lacks, heaviest first.
    pub gaps: Vec<Gap>,
}

impl RankReport {
    fn new(
        ranking_of: &'static str,
        query: &Analysis,
        total: usize,
        ranking: Vec<Ranked>,
        gaps: Vec<Gap>,
    ) -> RankReport {
        let query = query.doc.path.display().to_string();
        RankReport { schema_version: RANK_SCHEMA_VERSION, ranking_of, query, total, ranking, gaps }
    }
}

/// A job post to rank, from files: path, title and packed requirements.
pub struct JobCandidate {
    /// Path as given.
    pub path: String,
    /// First line.
    pub title: String,
    /// Requirements.
    pub facts: JobFacts,
}

/// Per skill id: posts that ask for it, and the sum of its weight in those
/// posts in hundredths (exact, so the sum does not depend on the order posts
/// are scored in).
#[derive(Default)]
struct GapTally(Vec<(u32, u32)>);

impl GapTally {
    fn add(&mut self, target: u32, hundredths: u16) {
        let i = target as usize;
        if i >= self.0.len() {
            self.0.resize(i + 1, (0, 0));
        }
        let e = &mut self.0[i];
        *e = (e.0 + 1, e.1.saturating_add(u32::from(hundredths)));
    }

    fn merge(&mut self, other: GapTally) {
        if other.0.len() > self.0.len() {
            self.0.resize(other.0.len(), (0, 0));
        }
        for (e, (posts, weight)) in self.0.iter_mut().zip(other.0) {
            *e = (e.0 + posts, e.1.saturating_add(weight));
        }
    }

    fn top(self, extractor: &Extractor) -> Vec<Gap> {
        let mut gaps: Vec<Gap> = self
            .0
            .into_iter()
            .enumerate()
            .filter(|(_, e)| e.0 > 0)
            .map(|(id, (posts, weight))| {
                let skill = extractor.lexicon.skill(id as u32);
                let kind = if skill.category.kind() == SkillKind::Soft { Kind::Soft } else { Kind::Hard };
                Gap { skill: skill.name.clone(), kind, posts: posts as usize, weight: f64::from(weight) / 100.0 }
            })
            .collect();
        gaps.sort_by(|a, b| b.weight.total_cmp(&a.weight).then_with(|| a.skill.cmp(&b.skill)));
        gaps.truncate(GAPS);
        gaps
    }
}

/// A requirement being folded from its packed values: one per OR-group member.
struct Folding {
    group: u16,
    first: u32,
    hundredths: u16,
    scored: Scored,
}

/// Share of one packed requirement value the offer meets.
fn met_value(offer: &Offer, kind: Kind, target: u32, weights: &Weights) -> f64 {
    if kind == Kind::Keyword {
        return if offer.has_stem(target) { 1.0 } else { 0.0 };
    }
    offer.share_of(target, weights.related_credit)
}

/// Scores posts' packed values, reusing its buffers from post to post, and
/// tallies the skills they ask for that the offer does not fully meet.
#[derive(Default)]
struct Scorer {
    items: Vec<Scored>,
    keys: ProfileKeys,
    /// This post's unmet skills, `(skill id, importance in hundredths)`.
    post_gaps: Vec<(u32, u16)>,
    /// The importance of this post's most important requirement, in hundredths.
    most: u16,
    gaps: GapTally,
}

impl Scorer {
    /// Scores one post's packed values (see [`crate::index::pack`]) for an
    /// offer: the score and the hard-skill coverage.
    fn score(&mut self, values: impl Iterator<Item = u64>, offer: &Offer, weights: &Weights) -> (f64, f64) {
        self.begin_post();
        let mut current: Option<Folding> = None;
        for v in values {
            let Packed::Requirement { kind, tier, importance, target, group } = unpack(v) else {
                add_to_profile(&mut self.keys, unpack(v));
                continue;
            };
            let met = met_value(offer, kind, target, weights);
            match &mut current {
                Some(c) if group != 0 && c.group == group => c.scored.3 = c.scored.3.max(met),
                _ => {
                    let hundredths = pack::hundredths(v);
                    let next = Folding { group, first: target, hundredths, scored: (kind, tier, importance, met) };
                    if let Some(done) = current.replace(next) {
                        self.push(done);
                    }
                }
            }
        }
        if let Some(done) = current {
            self.push(done);
        }
        self.tally_gaps();
        coverage_score(self.items.iter().copied(), &fit(&self.keys, &offer.keys), weights)
    }

    /// Empties the buffers of the previous post (keeping their memory).
    fn begin_post(&mut self) {
        self.items.clear();
        self.post_gaps.clear();
        self.most = 0;
        self.keys.title.clear();
        self.keys.degree = None;
        self.keys.years.clear();
    }

    fn push(&mut self, f: Folding) {
        let (kind, _, _, met) = f.scored;
        if met < 1.0 && kind != Kind::Keyword {
            self.post_gaps.push((f.first, f.hundredths));
        }
        self.most = self.most.max(f.hundredths);
        self.items.push(f.scored);
    }

    /// Adds this post's unmet skills to the tally, each weighted by its
    /// importance over the post's most important requirement (so one post
    /// adds at most 1 a skill, whatever its scale of emphasis).
    fn tally_gaps(&mut self) {
        // One division a post, not one a gap (ranking 100,000 posts adds
        // millions of gaps): 100 / most in 16.16 fixed point.
        let scale = (100u64 << 16) / u64::from(self.most.max(1));
        for &(skill, hundredths) in &self.post_gaps {
            let share = ((u64::from(hundredths) * scale + (1 << 15)) >> 16).min(100);
            self.gaps.add(skill, share as u16);
        }
    }
}

/// A requirement as `rank` names it: name (canonical skill, or the post's
/// words for an OR-group or a keyword), importance, the skills that meet it,
/// and the [`stem_hash`] of a keyword. The index stores these per job post
/// (compact JSON arrays) to explain the top of a ranking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Named(String, f64, Vec<SkillId>, Option<u32>);

impl Named {
    /// The named requirements of a post.
    pub fn all(extractor: &Extractor, facts: &JobFacts) -> Vec<Named> {
        facts
            .requirements
            .iter()
            .map(|r| match &r.target {
                Target::Skill(id) => {
                    let name = if r.alternatives.is_empty() {
                        extractor.lexicon.skill(*id).name.clone()
                    } else {
                        r.keyword.clone()
                    };
                    let skills = std::iter::once(*id).chain(r.alternatives.iter().copied()).collect();
                    Named(name, r.importance, skills, None)
                }
                Target::Stem(stem) => Named(r.keyword.clone(), r.importance, Vec::new(), Some(stem_hash(stem))),
            })
            .collect()
    }

    /// Whether the offer fully meets it (a skill itself, an OR-group alternative, or the keyword).
    fn met_by(&self, offer: &Offer) -> bool {
        match self.3 {
            Some(hash) => offer.has_stem(hash),
            None => matches!(offer.meets_skill(self.2.iter().copied()), Some(Met::Skill(_))),
        }
    }
}

/// Names of the most important met and missing requirements for `offer`.
fn reasons(named: &[Named], offer: &Offer) -> (Vec<String>, Vec<String>) {
    let mut reqs: Vec<&Named> = named.iter().collect();
    reqs.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let (yes, no): (Vec<&Named>, Vec<&Named>) = reqs.into_iter().partition(|r| r.met_by(offer));
    let names = |list: Vec<&Named>| list.into_iter().take(REASONS).map(|r| r.0.clone()).collect();
    (names(yes), names(no))
}

/// The `top` best of `(score, hard coverage, document)`, ties by path, explained and numbered.
fn best_first<T>(
    mut scored: Vec<(f64, f64, &T)>,
    top: usize,
    path: impl Fn(&T) -> &str,
    explain: impl Fn(&T, f64, f64) -> Ranked,
) -> Vec<Ranked> {
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| path(a.2).cmp(path(b.2))));
    scored
        .into_iter()
        .take(top)
        .enumerate()
        .map(|(i, (score, hard, t))| Ranked { rank: i + 1, ..explain(t, score, hard) })
        .collect()
}

/// Ranks job posts given as files for a résumé and its offer.
pub fn jobs_from_files(
    extractor: &Extractor,
    resume: &Analysis,
    offer: &Offer,
    jobs: &[JobCandidate],
    top: usize,
    weights: &Weights,
) -> RankReport {
    let mut scorer = Scorer::default();
    let scored: Vec<(f64, f64, &JobCandidate)> = jobs
        .iter()
        .map(|j| {
            let (score, hard) = scorer.score(pack_facts(&j.facts).into_iter(), offer, weights);
            (score, hard, j)
        })
        .collect();
    let ranking = best_first(
        scored,
        top,
        |j| &j.path,
        |j, score, hard| {
            let (matched, missing) = reasons(&Named::all(extractor, &j.facts), offer);
            Ranked { rank: 0, path: j.path.clone(), title: j.title.clone(), score, hard_skills: hard, matched, missing }
        },
    );
    RankReport::new("jobs", resume, jobs.len(), ranking, scorer.gaps.top(extractor))
}

/// Ranks the job posts of an index for a résumé and its offer, from fast
/// fields only; stored documents are read for the top `top` alone.
pub fn jobs_from_index(
    extractor: &Extractor,
    resume: &Analysis,
    offer: &Offer,
    pool: &Pool,
    top: usize,
    weights: &Weights,
) -> Result<RankReport, IndexError> {
    let searcher = pool.reader.searcher();
    let segments = pool.map_runs(DocKind::Job, "req", |ord, column, docs| {
        let mut scorer = Scorer::default();
        let scored: Vec<(f64, f64, DocAddress)> = docs
            .iter()
            .map(|&doc| {
                let (score, hard) = scorer.score(column.values_for_doc(doc), offer, weights);
                (score, hard, DocAddress::new(ord, doc))
            })
            .collect();
        (scored, scorer.gaps)
    })?;
    let mut gaps = GapTally::default();
    let mut scored: Vec<(f64, f64, DocAddress)> = Vec::new();
    for (part, part_gaps) in segments {
        scored.extend(part);
        gaps.merge(part_gaps);
    }
    let total = scored.len();
    let order =
        |a: &(f64, f64, DocAddress), b: &(f64, f64, DocAddress)| b.0.total_cmp(&a.0).then_with(|| a.2.cmp(&b.2));
    if top < total {
        scored.select_nth_unstable_by(top, order);
        scored.truncate(top);
    }
    scored.sort_by(order);
    let mut ranking = Vec::with_capacity(top.min(total));
    for (score, hard, addr) in scored.into_iter().take(top) {
        let d: TantivyDocument =
            searcher.doc(addr).map_err(|source| IndexError::Tantivy { dir: pool.dir.clone(), source })?;
        let entry = pool.entry(&d);
        let named: Vec<Named> = stored_json(pool, &d).unwrap_or_default();
        let (matched, missing) = reasons(&named, offer);
        ranking.push(Ranked {
            rank: 0,
            path: entry.path,
            title: entry.title,
            score,
            hard_skills: hard,
            matched,
            missing,
        });
    }
    ranking.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.path.cmp(&b.path)));
    for (i, r) in ranking.iter_mut().enumerate() {
        r.rank = i + 1;
    }
    Ok(RankReport::new("jobs", resume, total, ranking, gaps.top(extractor)))
}

/// The stored `facts` JSON of a document: [`Named`] requirements for a job post, [`ResumeProfile`] for a résumé.
fn stored_json<T: serde::de::DeserializeOwned>(pool: &Pool, d: &TantivyDocument) -> Option<T> {
    use tantivy::schema::Value;
    d.get_first(pool.fields.facts).and_then(|v| v.as_str()).and_then(|json| serde_json::from_str(json).ok())
}

/// A résumé to rank: path, title and what it offers.
pub struct ResumeCandidate {
    /// Path as given or as indexed.
    pub path: String,
    /// First line (usually the candidate's name).
    pub title: String,
    /// Its skills, stems and profile.
    pub offer: Offer,
}

impl ResumeCandidate {
    /// A candidate from an analyzed résumé; `as_of` is the month `Present` means.
    pub fn of(extractor: &Extractor, resume: &Analysis, as_of: Month) -> ResumeCandidate {
        let experience = Experience::of(extractor, resume, as_of);
        ResumeCandidate {
            path: resume.doc.path.display().to_string(),
            title: resume.doc.title().to_string(),
            offer: Offer::of(extractor, resume, &experience),
        }
    }
}

/// Ranks résumés for a job post.
pub fn resumes(
    extractor: &Extractor,
    job: &Analysis,
    facts: &JobFacts,
    candidates: &[ResumeCandidate],
    top: usize,
    weights: &Weights,
) -> RankReport {
    let (packed, named) = (pack_facts(facts), Named::all(extractor, facts));
    let mut scorer = Scorer::default();
    let scored: Vec<(f64, f64, &ResumeCandidate)> = candidates
        .iter()
        .map(|c| {
            let (score, hard) = scorer.score(packed.iter().copied(), &c.offer, weights);
            (score, hard, c)
        })
        .collect();
    let ranking = best_first(
        scored,
        top,
        |c| &c.path,
        |c, score, hard| {
            let (matched, missing) = reasons(&named, &c.offer);
            Ranked { rank: 0, path: c.path.clone(), title: c.title.clone(), score, hard_skills: hard, matched, missing }
        },
    );
    RankReport::new("resumes", job, candidates.len(), ranking, Vec::new())
}

/// The résumés of an index as candidates: stored skill ids and profile, and
/// keyword stems from the index's postings for the stems `facts` asks for.
pub fn resume_candidates(
    extractor: &Extractor,
    pool: &Pool,
    facts: &JobFacts,
) -> Result<Vec<ResumeCandidate>, IndexError> {
    let searcher = pool.reader.searcher();
    let mut stems_of: HashMap<DocAddress, FxHashSet<u32>> = HashMap::new();
    for r in &facts.requirements {
        if let Target::Stem(stem) = &r.target {
            for addr in pool.docs_with_stem(stem)? {
                stems_of.entry(addr).or_default().insert(stem_hash(stem));
            }
        }
    }
    let mut out = Vec::new();
    pool.for_each_of_kind(DocKind::Resume, "skill_id", |addr, column, doc| {
        let d: TantivyDocument =
            searcher.doc(addr).map_err(|source| IndexError::Tantivy { dir: pool.dir.clone(), source })?;
        let entry = pool.entry(&d);
        let skills = column.values_for_doc(doc).map(|v| v as u32);
        let stems = stems_of.remove(&addr).unwrap_or_default();
        let offer = Offer::from_parts(&extractor.lexicon, skills, stems, stored_json(pool, &d).unwrap_or_default());
        out.push(ResumeCandidate { path: entry.path, title: entry.title, offer });
        Ok(())
    })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sections::Tier;

    /// Scores a post of `(skill, importance, met)` requirements for the tally.
    fn post(scorer: &mut Scorer, requirements: &[(u32, f64, bool)]) {
        scorer.begin_post();
        for &(skill, importance, met) in requirements {
            let met = if met { 1.0 } else { 0.0 };
            let hundredths = (importance * 100.0).round() as u16;
            let f =
                Folding { group: 0, first: skill, hundredths, scored: (Kind::Hard, Tier::Required, importance, met) };
            scorer.push(f);
        }
        scorer.tally_gaps();
    }

    #[test]
    fn each_post_adds_at_most_one_to_a_gap() {
        let mut scorer = Scorer::default();
        post(&mut scorer, &[(1, 6.0, true), (2, 3.0, false), (3, 6.0, false)]);
        post(&mut scorer, &[(2, 2.0, false), (4, 1.0, false)]);
        post(&mut scorer, &[(2, 1.5, false), (5, 1.5, true)]);
        let tally = &scorer.gaps.0;
        assert_eq!(tally[2], (3, 50 + 100 + 100), "half of the first post, all of the others");
        assert_eq!(tally[3], (1, 100));
        assert_eq!(tally[4], (1, 50));
        assert_eq!((tally[1], tally.len()), ((0, 0), 5), "met skills are no gaps");
    }
}
