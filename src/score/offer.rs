//! What a résumé offers a job post: its skills, the skills they partly show
//! (lexicon relations), its keyword stems and its profile; it decides how
//! much of a requirement the résumé meets, for `score` and `rank` alike.

use rustc_hash::{FxHashMap, FxHashSet};

use super::profile::{ResumeKeys, ResumeProfile};
use crate::experience::Experience;
use crate::extract::{Analysis, Extractor};
use crate::index::pack::stem_hash;
use crate::keywords::analyzer;
use crate::lexicon::{Lexicon, SkillId};

/// How a résumé meets a skill requirement.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Met {
    /// It shows this skill of the requirement (the target or an OR-group alternative).
    Skill(SkillId),
    /// It shows this skill, which is related to one the requirement accepts.
    Related(SkillId),
}

/// A résumé's skills, related skills, keyword stems and profile.
#[derive(Debug, Clone)]
pub struct Offer {
    /// Every skill it shows or partly shows, and how.
    shown: FxHashMap<SkillId, Met>,
    /// The same by skill id, for the ranking hot path: 0 not shown, 1 shown, 2 related.
    dense: Vec<u8>,
    stems: FxHashSet<u32>,
    /// Title lines, highest degree and years, as the sub-scores compare them.
    pub keys: ResumeKeys,
}

impl Offer {
    /// The offer of an analyzed résumé with its experience.
    pub fn of(extractor: &Extractor, resume: &Analysis, experience: &Experience) -> Offer {
        let mut stems = FxHashSet::default();
        let mut analyzer = analyzer();
        let mut stream = analyzer.token_stream(&resume.doc.text);
        while let Some(t) = stream.next() {
            stems.insert(stem_hash(&t.text));
        }
        let profile = ResumeProfile::of(extractor, resume, experience);
        Offer::from_parts(&extractor.lexicon, resume.matches.iter().map(|m| m.skill), stems, profile)
    }

    /// An offer from stored parts: skill ids, keyword stem hashes, profile.
    pub fn from_parts(
        lexicon: &Lexicon,
        skills: impl IntoIterator<Item = SkillId>,
        stems: FxHashSet<u32>,
        profile: ResumeProfile,
    ) -> Offer {
        let mut sorted: Vec<SkillId> = skills.into_iter().collect();
        sorted.sort_unstable();
        sorted.dedup();
        let mut shown: FxHashMap<SkillId, Met> = sorted.iter().map(|&s| (s, Met::Skill(s))).collect();
        for &s in &sorted {
            for to in lexicon.related(s) {
                shown.entry(to).or_insert(Met::Related(s));
            }
        }
        let keys = ResumeKeys::of(profile);
        let mut dense = vec![0u8; lexicon.skills.len()];
        for (&id, met) in &shown {
            if let Some(d) = dense.get_mut(id as usize) {
                *d = if matches!(met, Met::Skill(_)) { 1 } else { 2 };
            }
        }
        Offer { shown, dense, stems, keys }
    }

    /// How the résumé meets a requirement accepting any of `skills`: the
    /// first it shows, else the first it shows a related skill for.
    pub fn meets_skill(&self, skills: impl Iterator<Item = SkillId> + Clone) -> Option<Met> {
        let mut related = None;
        for s in skills {
            match self.shown.get(&s) {
                Some(m @ Met::Skill(_)) => return Some(*m),
                Some(m) => related = related.or(Some(*m)),
                None => {}
            }
        }
        related
    }

    /// Share of one skill the résumé meets: 1 shown, `related_credit` for a related skill, else 0.
    pub fn share_of(&self, skill: SkillId, related_credit: f64) -> f64 {
        match self.dense.get(skill as usize) {
            Some(1) => 1.0,
            Some(2) => related_credit,
            _ => 0.0,
        }
    }

    /// Whether the résumé has a word with this [`stem_hash`].
    pub fn has_stem(&self, hash: u32) -> bool {
        self.stems.contains(&hash)
    }
}
