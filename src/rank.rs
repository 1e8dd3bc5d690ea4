//! Ranking many documents at once with the `score` formula: job posts for
//! one résumé (with the gaps the posts share), or résumés for one job post.
//! From an index, ranking reads the stored skill ids and packed requirements;
//! nothing is re-read or re-extracted.

use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};

use serde::Serialize;
use tantivy::{DocAddress, TantivyDocument};

use crate::experience::{Experience, Month};
use crate::extract::{Analysis, Extractor};
use crate::index::pack::{Packed, add_to_profile, pack_facts, stem_hash, unpack};
use crate::index::{IndexError, Pool};
use crate::kind::DocKind;
use crate::score::{JobFacts, Kind, Met, Offer, ProfileKeys, Requirement, Scored, Target, Weights, coverage, fit};

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
    /// Sum of its importance over those posts.
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

#[derive(Default)]
struct GapTally(FxHashMap<u32, (Kind, usize, f64)>);

impl GapTally {
    fn add(&mut self, target: u32, kind: Kind, importance: f64) {
        let e = self.0.entry(target).or_insert((kind, 0, 0.0));
        e.1 += 1;
        e.2 += importance;
    }

    fn top(self, extractor: &Extractor) -> Vec<Gap> {
        let mut gaps: Vec<Gap> = self
            .0
            .into_iter()
            .map(|(id, (kind, posts, weight))| Gap {
                skill: extractor.lexicon.skill(id).name.clone(),
                kind,
                posts,
                weight: (weight * 100.0).round() / 100.0,
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
    scored: Scored,
}

/// Share of one packed requirement value the offer meets.
fn met_value(offer: &Offer, kind: Kind, target: u32, weights: &Weights) -> f64 {
    if kind == Kind::Keyword {
        return if offer.has_stem(target) { 1.0 } else { 0.0 };
    }
    match offer.meets_skill(std::iter::once(target)) {
        Some(Met::Skill(_)) => 1.0,
        Some(Met::Related(_)) => weights.related_credit,
        None => 0.0,
    }
}

/// Scores a post's packed values (see [`crate::index::pack`]) for an offer;
/// skills not fully met go into `gaps`. Returns the score and hard-skill coverage.
fn score_packed(
    values: impl Iterator<Item = u64>,
    offer: &Offer,
    weights: &Weights,
    gaps: &mut GapTally,
) -> (f64, f64) {
    let mut items: Vec<Scored> = Vec::new();
    let mut keys = ProfileKeys::default();
    let mut current: Option<Folding> = None;
    let mut flush = |f: Folding, items: &mut Vec<Scored>| {
        let (kind, _, importance, met) = f.scored;
        if met < 1.0 && kind != Kind::Keyword {
            gaps.add(f.first, kind, importance);
        }
        items.push(f.scored);
    };
    for v in values {
        let Packed::Requirement { kind, tier, importance, target, group } = unpack(v) else {
            add_to_profile(&mut keys, unpack(v));
            continue;
        };
        let met = met_value(offer, kind, target, weights);
        match &mut current {
            Some(c) if group != 0 && c.group == group => c.scored.3 = c.scored.3.max(met),
            _ => {
                if let Some(done) = current.take() {
                    flush(done, &mut items);
                }
                current = Some(Folding { group, first: target, scored: (kind, tier, importance, met) });
            }
        }
    }
    if let Some(done) = current {
        flush(done, &mut items);
    }
    let (score, breakdown) = coverage(items, &fit(&keys, &offer.profile), weights);
    (score, breakdown.hard_skills.score)
}

/// Whether the offer fully meets a requirement (the skill itself, an OR-group alternative, or the keyword).
fn fully_met(offer: &Offer, r: &Requirement) -> bool {
    match &r.target {
        Target::Skill(id) => {
            matches!(offer.meets_skill(std::iter::once(*id).chain(r.alternatives.iter().copied())), Some(Met::Skill(_)))
        }
        Target::Stem(stem) => offer.has_stem(stem_hash(stem)),
    }
}

/// Names of the most important met and missing requirements of `facts` for `offer`.
fn reasons(extractor: &Extractor, facts: &JobFacts, met: impl Fn(&Requirement) -> bool) -> (Vec<String>, Vec<String>) {
    let mut reqs: Vec<&Requirement> = facts.requirements.iter().collect();
    reqs.sort_by(|a, b| b.importance.total_cmp(&a.importance).then_with(|| a.keyword.cmp(&b.keyword)));
    let name = |r: &Requirement| match &r.target {
        Target::Skill(id) if r.alternatives.is_empty() => extractor.lexicon.skill(*id).name.clone(),
        _ => r.keyword.clone(),
    };
    let (yes, no): (Vec<&&Requirement>, Vec<&&Requirement>) = reqs.iter().partition(|r| met(r));
    (yes.iter().take(REASONS).map(|r| name(r)).collect(), no.iter().take(REASONS).map(|r| name(r)).collect())
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
    let mut gaps = GapTally::default();
    let scored: Vec<(f64, f64, &JobCandidate)> = jobs
        .iter()
        .map(|j| {
            let (score, hard) = score_packed(pack_facts(&j.facts).into_iter(), offer, weights, &mut gaps);
            (score, hard, j)
        })
        .collect();
    let ranking = best_first(
        scored,
        top,
        |j| &j.path,
        |j, score, hard| {
            let (matched, missing) = reasons(extractor, &j.facts, |r| fully_met(offer, r));
            Ranked { rank: 0, path: j.path.clone(), title: j.title.clone(), score, hard_skills: hard, matched, missing }
        },
    );
    RankReport::new("jobs", resume, jobs.len(), ranking, gaps.top(extractor))
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
    let mut gaps = GapTally::default();
    let searcher = pool.reader.searcher();
    let mut scored: Vec<(f64, f64, DocAddress)> = Vec::new();
    pool.for_each_of_kind(DocKind::Job, "req", |addr, column, doc| {
        let (score, hard) = score_packed(column.values_for_doc(doc), offer, weights, &mut gaps);
        scored.push((score, hard, addr));
        Ok(())
    })?;
    let total = scored.len();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.2.cmp(&b.2)));
    let mut ranking = Vec::with_capacity(top.min(total));
    for (score, hard, addr) in scored.into_iter().take(top) {
        let d: TantivyDocument =
            searcher.doc(addr).map_err(|source| IndexError::Tantivy { dir: pool.dir.clone(), source })?;
        let entry = pool.entry(&d);
        let facts: JobFacts = stored_json(pool, &d).unwrap_or_default();
        let (matched, missing) = reasons(extractor, &facts, |r| fully_met(offer, r));
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

/// The stored `facts` JSON of a document: [`JobFacts`] for a job post, [`ResumeProfile`] for a résumé.
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
    let packed = pack_facts(facts);
    let scored: Vec<(f64, f64, &ResumeCandidate)> = candidates
        .iter()
        .map(|c| {
            let (score, hard) = score_packed(packed.iter().copied(), &c.offer, weights, &mut GapTally::default());
            (score, hard, c)
        })
        .collect();
    let ranking = best_first(
        scored,
        top,
        |c| &c.path,
        |c, score, hard| {
            let (matched, missing) = reasons(extractor, facts, |r| fully_met(&c.offer, r));
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
