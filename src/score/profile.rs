//! The title, education and experience sub-scores: what a job post asks
//! (its title's main words, a degree, years of experience) against what a
//! résumé shows (its title lines, highest degree, years in total and per skill).
//! Both sides are small enough to store in the index, so `rank` computes the
//! same sub-scores as `score` without re-reading a file.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::education::{DegreeAsk, degree_asked, highest_degree};
use super::title::{main_words, title_lines};
use super::years::{YearsAsk, names_undated, resume_years, years_asked};
use crate::analyzer::StemmedWord;
use crate::degree::Level;
use crate::experience::Experience;
use crate::extract::{Analysis, Extractor};
use crate::index::pack::stem_hash;
use crate::lexicon::{SkillId, SkillKind};
use crate::sections::Tier;

/// Education score when the résumé shows a degree below the one asked for, 0..=100.
const LOWER_DEGREE: f64 = 50.0;
/// Lowest education score when the degree is only preferred, 0..=100.
const PREFERRED_DEGREE_FLOOR: f64 = 50.0;

/// What a job post asks beyond skills and keywords.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct JobProfile {
    /// Main words of the post's title: lowercase, singular, seniority and filler left out.
    pub title: Vec<String>,
    /// The degree it asks for, if any.
    pub degree: Option<DegreeAsk>,
    /// Its years-of-experience requirements, in post order.
    pub years: Vec<YearsAsk>,
}

impl JobProfile {
    /// The profile of an analyzed job post; `words` are the words and stems
    /// of its normalized text ([`crate::analyzer::StemmedText::of`]).
    pub fn of(job: &Analysis, words: &[StemmedWord]) -> JobProfile {
        JobProfile { title: main_words(job.doc.title()), degree: degree_asked(job, words), years: years_asked(job) }
    }

    /// What the sub-scores compare.
    pub fn keys(&self) -> ProfileKeys {
        ProfileKeys {
            title: self.title.iter().map(|w| stem_hash(w)).collect(),
            degree: self.degree.as_ref().map(|d| (d.level, d.tier, d.or_years)),
            years: self.years.iter().map(|y| (y.years, y.skills.clone())).collect(),
        }
    }
}

/// A [`JobProfile`] reduced to what the sub-scores compare; also what the
/// index packs (see [`crate::index::pack`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProfileKeys {
    /// [`stem_hash`] of each title main word.
    pub title: Vec<u32>,
    /// Degree level asked for, the tier it is asked with, and the years of
    /// experience accepted instead (0 for none).
    pub degree: Option<(Level, Tier, u32)>,
    /// Years asked for, and the skills they are about (empty: in total).
    pub years: Vec<(u32, Vec<SkillId>)>,
}

/// What a résumé shows beyond skills and keywords; stored in the index for résumés.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ResumeProfile {
    /// [`stem_hash`]es of the main words of each title line (headline and dated roles).
    pub titles: Vec<Vec<u32>>,
    /// Highest degree level.
    pub degree: Option<Level>,
    /// Years of the merged role periods.
    pub total_years: f64,
    /// Years per skill in dated roles, ascending by skill id.
    pub skill_years: Vec<(SkillId, f64)>,
    /// Hard skills the résumé shows in no dated role (a skills list), ascending.
    #[serde(default)]
    pub undated: Vec<SkillId>,
}

impl ResumeProfile {
    /// The profile of an analyzed résumé with its experience.
    pub fn of(extractor: &Extractor, resume: &Analysis, experience: &Experience) -> ResumeProfile {
        let titles = title_lines(resume, &experience.roles)
            .map(|(_, text)| main_words(text).iter().map(|w| stem_hash(w)).collect::<Vec<u32>>())
            .filter(|words| !words.is_empty())
            .collect();
        let mut skill_years: Vec<(SkillId, f64)> = experience
            .skill_years
            .iter()
            .filter_map(|(name, &years)| Some((extractor.lexicon.id_of(name)?, years)))
            .collect();
        skill_years.sort_by_key(|&(id, _)| id);
        let hard = |s: &SkillId| extractor.lexicon.skill(*s).category.kind() == SkillKind::Hard;
        let mut undated: Vec<SkillId> = resume.matches.iter().map(|m| m.skill).filter(hard).collect();
        undated.sort_unstable();
        undated.dedup();
        undated.retain(|&s| skill_years.binary_search_by_key(&s, |&(id, _)| id).is_err());
        ResumeProfile {
            titles,
            degree: highest_degree(resume).map(|(level, _)| level),
            total_years: experience.total_years,
            skill_years,
            undated,
        }
    }

    /// Years the dated roles show of `skill`; `None` when none shows it.
    pub(crate) fn years_of(&self, skill: SkillId) -> Option<f64> {
        self.skill_years.binary_search_by_key(&skill, |&(id, _)| id).ok().map(|i| self.skill_years[i].1)
    }

    /// Whether `skill` is a hard skill the résumé shows in no dated role.
    pub(crate) fn is_undated(&self, skill: SkillId) -> bool {
        self.undated.binary_search(&skill).is_ok()
    }
}

/// A [`ResumeProfile`] indexed for the sub-scores: which title lines hold each title word.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ResumeKeys {
    /// Title word hash → bit set of the title lines (the first 64) that hold it.
    title_words: FxHashMap<u32, u64>,
    profile: ResumeProfile,
}

impl ResumeKeys {
    /// The profile indexed.
    pub fn profile(&self) -> &ResumeProfile {
        &self.profile
    }

    /// Indexes a profile.
    pub fn of(profile: ResumeProfile) -> ResumeKeys {
        let mut title_words: FxHashMap<u32, u64> = FxHashMap::default();
        for (i, words) in profile.titles.iter().take(64).enumerate() {
            for &w in words {
                *title_words.entry(w).or_default() |= 1 << i;
            }
        }
        ResumeKeys { title_words, profile }
    }
}

/// One sub-score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    /// 0..=100.
    pub score: f64,
    /// Parts met: title words shared, degree met (0 or 1), years requirements met.
    pub matched: usize,
    /// Parts asked: title words, 1, years requirements.
    pub total: usize,
}

/// The three sub-scores; `None` when the post asks for nothing of that kind.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Fits {
    /// Share of the title's main words in the best résumé title line.
    pub title: Option<Fit>,
    /// 100 when the résumé's degree reaches the level asked (or its years
    /// reach those the post accepts instead), [`LOWER_DEGREE`] for a lower
    /// one, 0 for none; at least [`PREFERRED_DEGREE_FLOOR`] for a preferred degree.
    pub education: Option<Fit>,
    /// Mean over the years requirements of min(years shown ÷ years asked, 1).
    pub experience: Option<Fit>,
}

/// The sub-scores of a résumé for a post.
pub fn fit(job: &ProfileKeys, resume: &ResumeKeys) -> Fits {
    let profile = &resume.profile;
    Fits { title: title_fit(job, resume), education: education_fit(job, profile), experience: years_fit(job, profile) }
}

fn title_fit(job: &ProfileKeys, resume: &ResumeKeys) -> Option<Fit> {
    if job.title.is_empty() {
        return None;
    }
    let mut counts = [0u8; 64];
    for w in &job.title {
        let mut lines = resume.title_words.get(w).copied().unwrap_or(0);
        while lines != 0 {
            let c = &mut counts[lines.trailing_zeros() as usize];
            *c = c.saturating_add(1);
            lines &= lines - 1;
        }
    }
    let shared = usize::from(counts.iter().copied().max().unwrap_or(0));
    let total = job.title.len();
    Some(Fit { score: 100.0 * shared as f64 / total as f64, matched: shared, total })
}

fn education_fit(job: &ProfileKeys, resume: &ResumeProfile) -> Option<Fit> {
    let (level, tier, or_years) = job.degree?;
    let experienced = or_years > 0 && resume.total_years >= f64::from(or_years);
    let score = match resume.degree {
        Some(l) if l >= level => 100.0,
        _ if experienced => 100.0,
        Some(_) => LOWER_DEGREE,
        None => 0.0,
    };
    let score = if tier == Tier::Preferred { score.max(PREFERRED_DEGREE_FLOOR) } else { score };
    Some(Fit { score, matched: usize::from(score >= 100.0), total: 1 })
}

fn years_fit(job: &ProfileKeys, resume: &ResumeProfile) -> Option<Fit> {
    if job.years.is_empty() {
        return None;
    }
    let (mut sum, mut matched) = (0.0, 0);
    for (years, skills) in &job.years {
        let shown = resume_years(skills, resume.total_years, |s| resume.years_of(s), names_undated(skills, resume));
        sum += (shown / f64::from(*years)).min(1.0);
        matched += usize::from(shown >= f64::from(*years));
    }
    Some(Fit { score: 100.0 * sum / job.years.len() as f64, matched, total: job.years.len() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resume() -> ResumeProfile {
        ResumeProfile {
            titles: vec![vec![stem_hash("linux"), stem_hash("engineer")]],
            degree: Some(Level::Bachelor),
            total_years: 6.0,
            skill_years: vec![(7, 2.0)],
            undated: vec![9],
        }
    }

    #[test]
    fn sub_scores() {
        let job = ProfileKeys {
            title: vec![stem_hash("linux"), stem_hash("developer")],
            degree: Some((Level::Master, Tier::Required, 0)),
            years: vec![(4, vec![7]), (5, vec![])],
        };
        let f = fit(&job, &ResumeKeys::of(resume()));
        assert_eq!(f.title, Some(Fit { score: 50.0, matched: 1, total: 2 }));
        assert_eq!(f.education, Some(Fit { score: 50.0, matched: 0, total: 1 }));
        assert_eq!(f.experience, Some(Fit { score: 75.0, matched: 1, total: 2 }));
        let listed = ProfileKeys { years: vec![(5, vec![9]), (5, vec![8])], ..ProfileKeys::default() };
        let f = fit(&listed, &ResumeKeys::of(resume()));
        assert_eq!(f.experience, Some(Fit { score: 50.0, matched: 1, total: 2 }), "a listed skill takes the total");
        let preferred = ProfileKeys { degree: Some((Level::Master, Tier::Preferred, 0)), ..ProfileKeys::default() };
        let none = ResumeProfile { degree: None, ..resume() };
        assert_eq!(fit(&preferred, &ResumeKeys::of(none)).education.map(|f| f.score), Some(50.0));
        assert_eq!(fit(&ProfileKeys::default(), &ResumeKeys::of(resume())), Fits::default());
        let or_experience = |years| ProfileKeys { degree: Some((Level::Master, Tier::Required, years)), ..job.clone() };
        assert_eq!(fit(&or_experience(6), &ResumeKeys::of(resume())).education.map(|f| f.score), Some(100.0));
        assert_eq!(fit(&or_experience(8), &ResumeKeys::of(resume())).education.map(|f| f.score), Some(50.0));
    }
}
