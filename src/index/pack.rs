//! A job post's requirements and profile packed into `u64` fast-field
//! values, so ranking reads them without touching the stored document.
//!
//! Layout, high to low bits: code (2), tier (2), group (12), value (16),
//! target (32). Codes 0–2 are hard, soft and keyword requirements: value is
//! importance × 100, target a skill id or the [`stem_hash`] of a keyword stem,
//! group the 1-based OR-group (0 for none; the members of a group are
//! consecutive values). Code 3 is a profile item: the top 2 group bits say
//! which (title word, degree, years), the other 10 number a years requirement.

use crate::degree::Level;
use crate::lexicon::SkillId;
use crate::score::{JobFacts, Kind, ProfileKeys, Requirement, Target};
use crate::sections::Tier;

const KINDS: [Kind; 3] = [Kind::Hard, Kind::Soft, Kind::Keyword];
const TIERS: [Tier; 4] = [Tier::Required, Tier::Responsibility, Tier::Preferred, Tier::Mentioned];
const LEVELS: [Level; 4] = [Level::Associate, Level::Bachelor, Level::Master, Level::Doctorate];
const PROFILE: u64 = 3;
const TITLE: u64 = 0;
const DEGREE: u64 = 1;
const YEARS: u64 = 2;
/// Target of a years requirement about experience in general.
const TOTAL: u32 = u32::MAX;

/// One packed value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Packed {
    /// A skill or keyword requirement (one member of an OR-group).
    Requirement {
        /// Hard, soft or keyword.
        kind: Kind,
        /// Strongest tier.
        tier: Tier,
        /// Importance, two decimals.
        importance: f64,
        /// Skill id, or [`stem_hash`] of the keyword stem.
        target: u32,
        /// 1-based OR-group, 0 for none.
        group: u16,
    },
    /// A main word of the title, as its [`stem_hash`].
    TitleWord(u32),
    /// The degree asked for, and the years of experience accepted instead (0: none).
    Degree(Level, Tier, u32),
    /// A years requirement (one value per skill it names).
    Years {
        /// Which requirement, 0-based.
        ask: u16,
        /// Years asked.
        years: u16,
        /// A skill it is about; `None` for experience in general.
        skill: Option<SkillId>,
    },
}

/// 32-bit FNV-1a hash of a stem.
pub fn stem_hash(stem: &str) -> u32 {
    stem.bytes().fold(0x811c_9dc5, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

fn word(code: u64, tier: u64, group: u64, value: u64, target: u32) -> u64 {
    (code << 62) | (tier << 60) | ((group & 0xFFF) << 48) | ((value & 0xFFFF) << 32) | u64::from(target)
}

fn tier_code(t: Tier) -> u64 {
    TIERS.iter().position(|x| *x == t).unwrap_or(3) as u64
}

/// Packs one requirement with its OR-group number (0 for none): one value per skill it accepts.
fn pack(r: &Requirement, group: u16) -> impl Iterator<Item = u64> + '_ {
    let kind = KINDS.iter().position(|k| *k == r.kind).unwrap_or(0) as u64;
    let importance = (r.importance * 100.0).round().clamp(0.0, f64::from(u16::MAX)) as u64;
    let first = match &r.target {
        Target::Skill(id) => *id,
        Target::Stem(stem) => stem_hash(stem),
    };
    let group = if r.alternatives.is_empty() { 0 } else { u64::from(group) };
    std::iter::once(first)
        .chain(r.alternatives.iter().copied())
        .map(move |target| word(kind, tier_code(r.tier), group, importance, target))
}

/// Packs every requirement and the profile of a job post.
pub fn pack_facts(facts: &JobFacts) -> Vec<u64> {
    let mut out: Vec<u64> =
        facts.requirements.iter().enumerate().flat_map(|(i, r)| pack(r, (i % 0xFFF + 1) as u16)).collect();
    let keys = facts.profile.keys();
    out.extend(keys.title.iter().map(|&w| word(PROFILE, 0, TITLE << 10, 0, w)));
    if let Some((level, tier, or_years)) = keys.degree {
        let level = LEVELS.iter().position(|l| *l == level).unwrap_or(1) as u64;
        out.push(word(PROFILE, tier_code(tier), DEGREE << 10, level, or_years));
    }
    for (ask, (years, skills)) in keys.years.iter().enumerate() {
        let group = (YEARS << 10) | (ask as u64 & 0x3FF);
        let years = u64::from(*years);
        if skills.is_empty() {
            out.push(word(PROFILE, 0, group, years, TOTAL));
        }
        out.extend(skills.iter().map(|&s| word(PROFILE, 0, group, years, s)));
    }
    out
}

/// Unpacks a value written by [`pack_facts`].
pub fn unpack(v: u64) -> Packed {
    let (code, tier) = ((v >> 62) as usize, TIERS[((v >> 60) & 3) as usize]);
    let (group, value, target) = (((v >> 48) & 0xFFF) as u16, ((v >> 32) & 0xFFFF) as u16, v as u32);
    if code < 3 {
        let importance = f64::from(value) / 100.0;
        return Packed::Requirement { kind: KINDS[code], tier, importance, target, group };
    }
    match u64::from(group >> 10) {
        TITLE => Packed::TitleWord(target),
        DEGREE => Packed::Degree(LEVELS[usize::from(value).min(3)], tier, target),
        _ => Packed::Years { ask: group & 0x3FF, years: value, skill: (target != TOTAL).then_some(target) },
    }
}

/// The importance of a requirement value in hundredths, as packed.
pub fn hundredths(v: u64) -> u16 {
    ((v >> 32) & 0xFFFF) as u16
}

/// Adds a profile item to `keys` (years items of one requirement are consecutive).
pub fn add_to_profile(keys: &mut ProfileKeys, p: Packed) {
    match p {
        Packed::TitleWord(w) => keys.title.push(w),
        Packed::Degree(level, tier, or_years) => keys.degree = Some((level, tier, or_years)),
        Packed::Years { ask, years, skill } => {
            if keys.years.len() <= usize::from(ask) {
                keys.years.push((u32::from(years), Vec::new()));
            }
            if let (Some(s), Some(last)) = (skill, keys.years.last_mut()) {
                last.1.push(s);
            }
        }
        Packed::Requirement { .. } => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::{DegreeAsk, JobProfile, YearsAsk};

    #[test]
    fn round_trip() {
        let r = Requirement {
            keyword: "Rust or Go".into(),
            target: Target::Skill(4242),
            alternatives: vec![4300],
            kind: Kind::Soft,
            tier: Tier::Preferred,
            importance: 5.08,
            count: 3,
            line: 9,
        };
        let k =
            Requirement { target: Target::Stem("cach".into()), kind: Kind::Keyword, alternatives: vec![], ..r.clone() };
        let profile = JobProfile {
            title: vec!["linux".into(), "developer".into()],
            degree: Some(DegreeAsk {
                job_line: 4,
                level: Level::Master,
                field: None,
                tier: Tier::Required,
                or_years: 6,
            }),
            years: vec![
                YearsAsk { job_line: 5, phrase: "5+ years".into(), years: 5, skills: vec![] },
                YearsAsk { job_line: 6, phrase: "3 years".into(), years: 3, skills: vec![7, 9] },
            ],
        };
        let facts = JobFacts { requirements: vec![r, k], profile: profile.clone() };
        let values: Vec<Packed> = pack_facts(&facts).into_iter().map(unpack).collect();
        let req =
            |target, group, kind| Packed::Requirement { kind, tier: Tier::Preferred, importance: 5.08, target, group };
        assert_eq!(
            values[..3],
            [req(4242, 1, Kind::Soft), req(4300, 1, Kind::Soft), req(stem_hash("cach"), 0, Kind::Keyword)]
        );
        let mut keys = ProfileKeys::default();
        values.into_iter().for_each(|p| add_to_profile(&mut keys, p));
        assert_eq!(keys, profile.keys());
    }
}
