//! Requirements packed into `u64` fast-field values, so ranking reads a
//! post's requirements without touching its stored document.
//!
//! Layout, high to low bits: kind (2), tier (2), unused (12), importance × 100
//! (16), target (32: a skill id, or the FNV-1a hash of a keyword stem).

use crate::score::{Kind, Requirement, Target};
use crate::sections::Tier;

const KINDS: [Kind; 3] = [Kind::Hard, Kind::Soft, Kind::Keyword];
const TIERS: [Tier; 4] = [Tier::Required, Tier::Responsibility, Tier::Preferred, Tier::Mentioned];

/// A requirement as packed: enough to score, not to explain.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Packed {
    /// Hard, soft or keyword.
    pub kind: Kind,
    /// Strongest tier.
    pub tier: Tier,
    /// Importance, two decimals.
    pub importance: f64,
    /// Skill id, or [`stem_hash`] of the keyword stem.
    pub target: u32,
}

/// 32-bit FNV-1a hash of a stem.
pub fn stem_hash(stem: &str) -> u32 {
    stem.bytes().fold(0x811c_9dc5, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// Packs one requirement.
pub fn pack(r: &Requirement) -> u64 {
    let kind = KINDS.iter().position(|k| *k == r.kind).unwrap_or(0) as u64;
    let tier = TIERS.iter().position(|t| *t == r.tier).unwrap_or(3) as u64;
    let importance = (r.importance * 100.0).round().clamp(0.0, f64::from(u16::MAX)) as u64;
    let target = match &r.target {
        Target::Skill(id) => u64::from(*id),
        Target::Stem(stem) => u64::from(stem_hash(stem)),
    };
    (kind << 62) | (tier << 60) | (importance << 32) | target
}

/// Unpacks a value written by [`pack`].
pub fn unpack(v: u64) -> Packed {
    Packed {
        kind: KINDS[((v >> 62) as usize).min(2)],
        tier: TIERS[((v >> 60) & 3) as usize],
        importance: ((v >> 32) & 0xFFFF) as f64 / 100.0,
        target: v as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let r = Requirement {
            keyword: "Rust".into(),
            target: Target::Skill(4242),
            kind: Kind::Soft,
            tier: Tier::Preferred,
            importance: 5.08,
            count: 3,
            line: 9,
        };
        assert_eq!(
            unpack(pack(&r)),
            Packed { kind: Kind::Soft, tier: Tier::Preferred, importance: 5.08, target: 4242 }
        );
        let k = Requirement { target: Target::Stem("cach".into()), kind: Kind::Keyword, ..r };
        assert_eq!(unpack(pack(&k)).target, stem_hash("cach"));
    }
}
