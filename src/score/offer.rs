//! What a résumé offers a job post: its skills, the skills they partly show
//! (lexicon relations), its keyword stems and its profile; it decides how
//! much of a requirement the résumé meets, for `score` and `rank` alike.

use rustc_hash::{FxHashMap, FxHashSet};

use super::profile::ResumeProfile;
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
    skills: FxHashSet<SkillId>,
    /// Skill partly shown → the smallest résumé skill that shows it.
    related: FxHashMap<SkillId, SkillId>,
    stems: FxHashSet<u32>,
    /// Title lines, highest degree, years.
    pub profile: ResumeProfile,
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
        let skills: FxHashSet<SkillId> = skills.into_iter().collect();
        let mut sorted: Vec<SkillId> = skills.iter().copied().collect();
        sorted.sort_unstable();
        let mut related = FxHashMap::default();
        for &s in &sorted {
            for to in lexicon.related(s) {
                related.entry(to).or_insert(s);
            }
        }
        Offer { skills, related, stems, profile }
    }

    /// How the résumé meets a requirement accepting any of `skills`: the
    /// first it shows, else the first it shows a related skill for.
    pub fn meets_skill(&self, skills: impl Iterator<Item = SkillId> + Clone) -> Option<Met> {
        skills
            .clone()
            .find(|s| self.skills.contains(s))
            .map(Met::Skill)
            .or_else(|| skills.filter_map(|s| self.related.get(&s)).next().map(|&r| Met::Related(r)))
    }

    /// Whether the résumé has a word with this [`stem_hash`].
    pub fn has_stem(&self, hash: u32) -> bool {
        self.stems.contains(&hash)
    }
}
