//! Scoring weights, in one place: their defaults, and the `jobfit.toml`
//! file that changes them (kebab-case keys, unknown keys rejected, values
//! validated; an invalid file is an error, never a silent fallback).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::sections::Tier;

/// Scoring weights; see the README's "How the score is computed".
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Weights {
    /// Share of the score from hard skills (relative to the other shares).
    pub hard: f64,
    /// Share of the score from soft skills.
    pub soft: f64,
    /// Share of the score from other keywords.
    pub keywords: f64,
    /// Share of the score from the job title (when the post has one).
    pub title: f64,
    /// Share of the score from education (when the post asks for a degree).
    pub education: f64,
    /// Share of the score from years of experience (when the post asks for years).
    pub experience: f64,
    /// Share of a skill requirement met by a related skill (ESCO narrower
    /// concept, or one that implies it: `React` for `JavaScript`), 0..=1.
    pub related_credit: f64,
    /// Highest score when a required hard skill is missing, 0..=100.
    pub missing_required_cap: f64,
    /// Smallest hard-skill denominator (importance points): a post that asks
    /// for one or two skills cannot give full marks for them alone.
    pub min_hard_importance: f64,
    /// How many other keywords of a post are scored, 0..=100.
    pub keyword_limit: usize,
    /// Importance of a skill by the tier it is asked with.
    pub tiers: TierWeights,
}

/// Importance of a skill by tier.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct TierWeights {
    /// Requirements sections and `must`, `required`, `at least` lines.
    pub required: f64,
    /// Responsibilities sections.
    pub responsibility: f64,
    /// Anywhere else outside boilerplate.
    pub mentioned: f64,
    /// Nice-to-have sections and `a plus`, `bonus`, `preferred` lines.
    pub preferred: f64,
}

impl Default for TierWeights {
    fn default() -> TierWeights {
        TierWeights { required: 3.0, responsibility: 2.0, mentioned: 1.5, preferred: 1.0 }
    }
}

impl Default for Weights {
    fn default() -> Weights {
        Weights {
            hard: 0.60,
            soft: 0.10,
            keywords: 0.15,
            title: 0.05,
            education: 0.05,
            experience: 0.05,
            related_credit: 0.5,
            missing_required_cap: 80.0,
            min_hard_importance: 12.0,
            keyword_limit: 15,
            tiers: TierWeights::default(),
        }
    }
}

/// An invalid configuration file.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct ConfigError {
    /// The file.
    pub path: PathBuf,
    /// What is wrong (with line and column for a syntax error or unknown key).
    pub message: String,
}

/// The name of the configuration file discovered in the current directory.
pub const CONFIG_FILE: &str = "jobfit.toml";

impl Weights {
    /// Importance of a skill asked with tier `t`.
    pub fn tier(&self, t: Tier) -> f64 {
        match t {
            Tier::Required => self.tiers.required,
            Tier::Responsibility => self.tiers.responsibility,
            Tier::Mentioned => self.tiers.mentioned,
            Tier::Preferred => self.tiers.preferred,
        }
    }

    /// Reads and validates a configuration file; missing keys keep their defaults.
    ///
    /// Errors: [`ConfigError`] for an unreadable file, a syntax error, an
    /// unknown key, or an out-of-range value.
    pub fn from_file(path: &Path) -> Result<Weights, ConfigError> {
        let err = |message: String| ConfigError { path: path.to_path_buf(), message };
        let text = std::fs::read_to_string(path).map_err(|e| err(e.to_string()))?;
        let weights: Weights = toml::from_str(&text).map_err(|e| err(e.to_string().trim().replace('\n', " ")))?;
        weights.validate().map_err(err)?;
        Ok(weights)
    }

    /// The configuration as a `jobfit.toml` file.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("weights serialize")
    }

    fn validate(&self) -> Result<(), String> {
        let shares = [
            ("hard", self.hard),
            ("soft", self.soft),
            ("keywords", self.keywords),
            ("title", self.title),
            ("education", self.education),
            ("experience", self.experience),
        ];
        if let Some((name, v)) = shares.iter().find(|(_, v)| !v.is_finite() || *v < 0.0) {
            return Err(format!("{name} = {v}: a share must be a number of 0 or more"));
        }
        if shares.iter().map(|(_, v)| v).sum::<f64>() <= 0.0 {
            return Err("all shares are 0: nothing would count".into());
        }
        if !(0.0..=1.0).contains(&self.related_credit) {
            return Err(format!("related-credit = {}: must be in 0..=1", self.related_credit));
        }
        let t = self.tiers;
        let tiers = [
            ("required", t.required),
            ("responsibility", t.responsibility),
            ("mentioned", t.mentioned),
            ("preferred", t.preferred),
        ];
        if let Some((name, v)) = tiers.iter().find(|(_, v)| !v.is_finite() || *v <= 0.0 || *v > 100.0) {
            return Err(format!("tiers.{name} = {v}: a tier weight must be in (0, 100]"));
        }
        if !(0.0..=100.0).contains(&self.missing_required_cap) {
            return Err(format!("missing-required-cap = {}: must be in 0..=100", self.missing_required_cap));
        }
        if !(0.0..=1000.0).contains(&self.min_hard_importance) {
            return Err(format!("min-hard-importance = {}: must be in 0..=1000", self.min_hard_importance));
        }
        if self.keyword_limit > 100 {
            return Err(format!("keyword-limit = {}: must be at most 100", self.keyword_limit));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Weights, String> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(CONFIG_FILE);
        std::fs::write(&path, text).unwrap();
        Weights::from_file(&path).map_err(|e| e.message)
    }

    #[test]
    fn defaults_round_trip_and_partial_files_keep_defaults() {
        assert_eq!(parse(&Weights::default().to_toml()).unwrap(), Weights::default());
        let w = parse("hard = 0.8\n[tiers]\npreferred = 0.5\n").unwrap();
        assert_eq!((w.hard, w.soft, w.tiers.preferred, w.tiers.required), (0.8, 0.10, 0.5, 3.0));
        assert_eq!(w.related_credit, 0.5);
    }

    #[test]
    fn invalid_files_are_errors() {
        assert!(parse("hardd = 0.8").unwrap_err().contains("unknown field"));
        assert!(parse("hard = -1").unwrap_err().contains("hard = -1"));
        let zero = "hard = 0\nsoft = 0\nkeywords = 0\ntitle = 0\neducation = 0\nexperience = 0";
        assert!(parse(zero).unwrap_err().contains("nothing would count"));
        assert!(parse("related-credit = 1.5").unwrap_err().contains("related-credit"));
        assert!(parse("[tiers]\nrequired = 0").unwrap_err().contains("tiers.required"));
        assert!(parse("missing-required-cap = 120").unwrap_err().contains("missing-required-cap"));
        assert!(parse("hard = ").is_err());
    }
}
