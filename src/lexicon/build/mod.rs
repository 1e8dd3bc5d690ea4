//! `jobfit lexicon build`: reads the source taxonomies, merges the same skill
//! from several sources into one canonical entry, applies the hand-kept
//! overrides and the ordinary-word rules, and returns the sorted lexicon.

mod devicon;
mod english;
mod esco;
mod learned;
mod linguist;
mod merge;
mod onet;
mod overrides;

use std::path::{Path, PathBuf};

use super::{Category, Lexicon, Relation, RelationKind, SkillId};

pub use overrides::Overrides;

/// A skill as one source gives it, before merging.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Display name.
    pub name: String,
    /// Category the source implies.
    pub category: Category,
    /// Other forms; a leading `=` marks a case-sensitive alias (overrides and acronyms).
    pub aliases: Vec<String>,
    /// Forms that name the same skill as an existing entry of that name
    /// (`Oracle Java` is `Java`); the candidate merges into it. Also aliases.
    pub same_as: Vec<String>,
    /// Source tag: `overrides`, `linguist`, `devicon`, `esco`, `onet`.
    pub source: &'static str,
}

/// Paths of the source taxonomies (see `../shared/data/README.md`).
#[derive(Debug, Clone)]
pub struct BuildInputs {
    /// ESCO v1.1.1 CSV folder (`skills_en.csv` and the collections).
    pub esco: PathBuf,
    /// O*NET 29.3 folder (`Technology Skills.txt`, `Occupation Data.txt`).
    pub onet: PathBuf,
    /// GitHub Linguist folder (`languages.yml`, `popular.yml`).
    pub linguist: PathBuf,
    /// devicon `devicon.json`.
    pub devicon: PathBuf,
    /// simple-icons `simple-icons.json` (canonical spellings of brand names).
    pub simple_icons: PathBuf,
    /// The hand-kept overrides file, `lexicon/overrides.tsv`.
    pub overrides: PathBuf,
    /// The learned directives, `lexicon/learned.tsv`; `None` builds without
    /// them (as `jobfit lexicon learn` does before learning).
    pub learned: Option<PathBuf>,
}

/// Errors of the lexicon build; each names the file.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// A source file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A source file is not in the expected format.
    #[error("{path}: {message}")]
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong, with a line or record number where known.
        message: String,
    },
}

pub(crate) fn read_text(path: &Path) -> Result<String, BuildError> {
    std::fs::read_to_string(path).map_err(|source| BuildError::Io { path: path.to_path_buf(), source })
}

pub(crate) fn format_err(path: &Path, message: impl std::fmt::Display) -> BuildError {
    BuildError::Format { path: path.to_path_buf(), message: message.to_string() }
}

/// Builds the lexicon from all sources. Priority when sources disagree on a
/// name, category or alias: overrides, Linguist, devicon, ESCO, O*NET, learned.
///
/// Errors: [`BuildError`] naming the first file that cannot be read or parsed.
pub fn build(inputs: &BuildInputs) -> Result<Lexicon, BuildError> {
    let mut overrides = Overrides::read(&inputs.overrides)?;
    let learned = match &inputs.learned {
        Some(path) => learned::read(path, &mut overrides)?,
        None => Vec::new(),
    };
    let english = english::ordinary_words(&inputs.esco, &inputs.onet.join("Occupation Data.txt"))?;
    let mut candidates = overrides.skills.clone();
    candidates.extend(linguist::read(&inputs.linguist)?);
    candidates.extend(devicon::read(&inputs.devicon, &inputs.simple_icons)?);
    candidates.extend(esco::read(&inputs.esco)?);
    candidates.extend(onet::read(&inputs.onet, &english.prose)?);
    candidates.extend(learned);
    let mut lexicon = merge::merge(candidates, &overrides, &english);
    lexicon.relations = relations(&lexicon, &esco::broader(&inputs.esco, &lexicon)?, &overrides)
        .map_err(|m| format_err(&inputs.overrides, m))?;
    lexicon.relations.sort();
    Ok(lexicon)
}

/// ESCO broader pairs and the overrides' `implies` pairs as relations.
///
/// Errors: an `implies` line naming a skill the lexicon lacks.
fn relations(
    lexicon: &Lexicon,
    broader: &[(SkillId, SkillId)],
    overrides: &Overrides,
) -> Result<Vec<Relation>, String> {
    let mut out: Vec<Relation> = broader
        .iter()
        .map(|&(from, to)| Relation { from, to, kind: RelationKind::Broader, source: "esco".into() })
        .collect();
    for (from, to) in &overrides.implies {
        let id = |name: &str| lexicon.id_of(name).ok_or_else(|| format!("implies: unknown skill {name:?}"));
        out.push(Relation { from: id(from)?, to: id(to)?, kind: RelationKind::Implies, source: "overrides".into() });
    }
    Ok(out)
}

/// `mechanical engineering` → `Mechanical engineering`: ESCO's preferred
/// labels and the phrases learned from SkillSpan are lowercase; canonical
/// names are capitalized as the other sources and the overrides write them.
/// A label whose first word is written with a capital inside stays as it
/// is (`iOS`, `bMobile Technology Sales`).
fn sentence_case(label: String) -> String {
    let first = label.split(' ').next().unwrap_or_default();
    if !label.starts_with(|c: char| c.is_ascii_lowercase()) || first.chars().any(char::is_uppercase) {
        return label;
    }
    let mut out = label;
    out[..1].make_ascii_uppercase();
    out
}
