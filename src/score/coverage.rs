//! The score formula, shared by `score` and `rank`: weighted coverage of a
//! post's requirements per component, the title, education and experience
//! sub-scores, component shares, and the cap.

use serde::Serialize;

use super::Weights;
use super::profile::{Fit, Fits};
use super::requirements::Kind;
use crate::sections::Tier;

/// One sub-score of the breakdown.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Component {
    /// Weighted coverage, 0..=100 (0 when the post asks for nothing of this kind).
    pub score: f64,
    /// Share of the total score, 0..=1, after leaving out empty components.
    pub share: f64,
    /// Score points it earns: `score × share`, before the cap; two decimals.
    pub points: f64,
    /// Score points it can earn: `100 × share`; two decimals.
    pub max_points: f64,
    /// Requirements (or parts, for title, education and experience) of this kind that the résumé meets.
    pub matched: usize,
    /// Requirements (or parts) of this kind in the post.
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
    /// The post title's main words in the best résumé title line.
    pub title: Component,
    /// The degree asked for against the résumé's highest degree.
    pub education: Component,
    /// Years of experience asked for against the résumé's dated roles.
    pub experience: Component,
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

/// Components: hard skills, soft skills, keywords, title, education, experience.
const COMPONENTS: usize = 6;

/// One requirement as scored: kind, tier, importance, and the share of it
/// met (1 for the skill itself, [`Weights::related_credit`] for a related one, 0 missing).
pub type Scored = (Kind, Tier, f64, f64);

/// The match score (0..=100, one decimal) and its breakdown.
pub fn coverage(requirements: impl IntoIterator<Item = Scored>, fits: &Fits, weights: &Weights) -> (f64, Breakdown) {
    let (tallies, capped) = tally(requirements, fits);
    let scales = scale(&tallies, weights);
    let scores = sub_scores(&tallies, &scales);
    let component = |i: usize| {
        let (t, (_, share), score) = (tallies[i], scales[i], scores[i]);
        let (points, max_points) = (round2(score * share), round2(100.0 * share));
        Component { score: round1(score), share: round3(share), points, max_points, matched: t.matched, total: t.total }
    };
    let [hard_skills, soft_skills, keywords, title, education, experience] = std::array::from_fn(component);
    let (score, total) = total(&scores, &scales, capped, weights);
    let uncapped_score = (total > score).then(|| round1(total));
    let breakdown = Breakdown { hard_skills, soft_skills, keywords, title, education, experience, uncapped_score };
    (round1(score), breakdown)
}

/// The match score and the hard-skill sub-score (both 0..=100, one
/// decimal) of [`coverage`], without the rest of the breakdown: what a
/// ranking keeps of each post.
pub fn coverage_score(requirements: impl IntoIterator<Item = Scored>, fits: &Fits, weights: &Weights) -> (f64, f64) {
    let (tallies, capped) = tally(requirements, fits);
    let scales = scale(&tallies, weights);
    let scores = sub_scores(&tallies, &scales);
    (round1(total(&scores, &scales, capped, weights).0), round1(scores[0]))
}

/// Each component's weighted coverage, 0..=100 (0 when the post asks for nothing of its kind).
fn sub_scores(tallies: &[Tally; COMPONENTS], scales: &[(f64, f64); COMPONENTS]) -> [f64; COMPONENTS] {
    std::array::from_fn(|i| if tallies[i].total > 0 { 100.0 * tallies[i].met / scales[i].0 } else { 0.0 })
}

/// The score after the cap (when a required hard skill is missing) and before it.
fn total(scores: &[f64; COMPONENTS], scales: &[(f64, f64); COMPONENTS], capped: bool, weights: &Weights) -> (f64, f64) {
    let total = scores.iter().zip(scales).fold(0.0, |sum, (score, (_, share))| sum + score * share);
    (if capped { total.min(weights.missing_required_cap) } else { total }, total)
}

/// Score points each requirement earns (`.0`) and would still add (`.1`),
/// before the cap: 100 × its component's share × importance ÷ the
/// component's denominator, split by the share met; two decimals.
pub fn credits(requirements: &[Scored], fits: &Fits, weights: &Weights) -> Vec<(f64, f64)> {
    let (tallies, _) = tally(requirements.iter().copied(), fits);
    let scales = scale(&tallies, weights);
    requirements
        .iter()
        .map(|&(kind, _, importance, met)| {
            let (all, share) = scales[slot(kind)];
            let full = if all > 0.0 { 100.0 * share * importance / all } else { 0.0 };
            (round2(full * met), round2(full * (1.0 - met)))
        })
        .collect()
}

/// Tallies per component, and whether a required hard skill is missing outright.
fn tally(requirements: impl IntoIterator<Item = Scored>, fits: &Fits) -> ([Tally; COMPONENTS], bool) {
    let mut tallies = [Tally::default(); COMPONENTS];
    let mut capped = false;
    for (kind, tier, importance, met) in requirements {
        let t = &mut tallies[slot(kind)];
        t.all += importance;
        t.total += 1;
        t.met += importance * met;
        t.matched += usize::from(met > 0.0);
        capped |= met == 0.0 && kind == Kind::Hard && tier == Tier::Required;
    }
    for (i, fit) in [fits.title, fits.education, fits.experience].into_iter().enumerate() {
        if let Some(Fit { score, matched, total }) = fit {
            tallies[3 + i] = Tally { met: score, all: 100.0, matched, total: total.max(1) };
        }
    }
    (tallies, capped)
}

/// Per component: its denominator (the hard-skill one at least
/// [`Weights::min_hard_importance`]) and its share after leaving out empty components.
fn scale(tallies: &[Tally; COMPONENTS], weights: &Weights) -> [(f64, f64); COMPONENTS] {
    let shares = [weights.hard, weights.soft, weights.keywords, weights.title, weights.education, weights.experience];
    let present: f64 = (0..COMPONENTS).filter(|&i| tallies[i].total > 0).map(|i| shares[i]).sum();
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

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

pub(super) fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
