//! The score formula, shared by `score` and `rank`: weighted coverage of a
//! post's requirements per component, component shares, and the cap.

use serde::Serialize;

use super::Weights;
use super::requirements::Kind;
use crate::sections::Tier;

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

#[derive(Default, Clone, Copy)]
struct Tally {
    met: f64,
    all: f64,
    matched: usize,
    total: usize,
}

/// One requirement as scored: kind, tier, importance, met.
pub type Scored = (Kind, Tier, f64, bool);

/// The match score (0..=100, one decimal) and its breakdown.
pub fn coverage(requirements: impl IntoIterator<Item = Scored>, weights: &Weights) -> (f64, Breakdown) {
    let (tallies, capped) = tally(requirements);
    let scales = scale(&tallies, weights);
    let mut total = 0.0;
    let mut component = |i: usize| {
        let (t, (all, share)) = (tallies[i], scales[i]);
        let score = if t.total > 0 { 100.0 * t.met / all } else { 0.0 };
        total += score * share;
        Component { score: round1(score), share: round3(share), matched: t.matched, total: t.total }
    };
    let (hard_skills, soft_skills, keywords) = (component(0), component(1), component(2));
    let score = if capped { total.min(weights.missing_required_cap) } else { total };
    let uncapped_score = (total > score).then(|| round1(total));
    (round1(score), Breakdown { hard_skills, soft_skills, keywords, uncapped_score })
}

/// Score points each requirement earns when met, or would add when missing
/// (before the cap): 100 × its component's share × importance ÷ the
/// component's denominator; two decimals.
pub fn credits(requirements: &[Scored], weights: &Weights) -> Vec<f64> {
    let (tallies, _) = tally(requirements.iter().copied());
    let scales = scale(&tallies, weights);
    requirements
        .iter()
        .map(|&(kind, _, importance, _)| {
            let (all, share) = scales[slot(kind)];
            if all > 0.0 { (100.0 * share * importance / all * 100.0).round() / 100.0 } else { 0.0 }
        })
        .collect()
}

/// Tallies per component, and whether a required hard skill is missing.
fn tally(requirements: impl IntoIterator<Item = Scored>) -> ([Tally; 3], bool) {
    let mut tallies = [Tally::default(); 3];
    let mut capped = false;
    for (kind, tier, importance, ok) in requirements {
        let t = &mut tallies[slot(kind)];
        t.all += importance;
        t.total += 1;
        if ok {
            t.met += importance;
            t.matched += 1;
        }
        capped |= !ok && kind == Kind::Hard && tier == Tier::Required;
    }
    (tallies, capped)
}

/// Per component: its denominator (the hard-skill one at least
/// [`Weights::min_hard_importance`]) and its share after leaving out empty components.
fn scale(tallies: &[Tally; 3], weights: &Weights) -> [(f64, f64); 3] {
    let shares = [weights.hard, weights.soft, weights.keywords];
    let present: f64 = (0..3).filter(|&i| tallies[i].total > 0).map(|i| shares[i]).sum();
    std::array::from_fn(|i| {
        let t = tallies[i];
        let all = if i == 0 { t.all.max(weights.min_hard_importance) } else { t.all };
        let share = if t.total > 0 && present > 0.0 { shares[i] / present } else { 0.0 };
        (all, share)
    })
}

fn slot(kind: Kind) -> usize {
    match kind {
        Kind::Hard => 0,
        Kind::Soft => 1,
        Kind::Keyword => 2,
    }
}

pub(super) fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
