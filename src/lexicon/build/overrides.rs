//! The hand-kept overrides file (`lexicon/overrides.tsv`): skills and aliases
//! the sources lack, aliases that must never match, skills to drop.
//!
//! One directive a line, tab-separated, `#` comments:
//! - `skill<TAB>Name<TAB>category<TAB>alias|alias|=CaseSensitiveAlias`
//! - `stop<TAB>alias`: never match this alias from a source (overrides may still list it);
//! - `drop<TAB>Name`: leave a source skill out;
//! - `implies<TAB>Name<TAB>Other`: showing skill `Name` partly shows `Other` (`React` → `JavaScript`).

use std::collections::HashSet;
use std::path::Path;

use super::{BuildError, Candidate, format_err, read_text};
use crate::lexicon::Category;
use crate::tokenize::phrase_key;

/// The parsed overrides.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// Skills defined or extended here, highest priority in the merge.
    pub skills: Vec<Candidate>,
    /// Phrase keys of aliases that sources may not contribute.
    pub stop: HashSet<String>,
    /// Phrase keys of skill names to leave out.
    pub drop: HashSet<String>,
    /// `(from, to)` canonical names: showing `from` partly shows `to`.
    pub implies: Vec<(String, String)>,
}

impl Overrides {
    /// Reads and validates the file.
    ///
    /// Errors: `BuildError::Format` with the line number for an unknown
    /// directive, a wrong column count, an unknown category or a skill
    /// given a second `skill` row (its aliases belong on one row).
    pub fn read(path: &Path) -> Result<Overrides, BuildError> {
        let mut out = Overrides::default();
        for (i, line) in read_text(path)?.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            out.apply(line).map_err(|m| format_err(path, format!("line {}: {m}", i + 1)))?;
        }
        Ok(out)
    }

    fn apply(&mut self, line: &str) -> Result<(), String> {
        let cols: Vec<&str> = line.split('\t').collect();
        match cols[..] {
            ["skill", name, category, aliases] => {
                let category = Category::parse(category).ok_or_else(|| format!("unknown category {category:?}"))?;
                if self.skills.iter().any(|c| c.name == name) {
                    return Err(format!("skill {name:?} has a `skill` row already"));
                }
                let aliases = aliases.split('|').filter(|a| !a.is_empty()).map(str::to_string).collect();
                self.skills.push(Candidate {
                    name: name.to_string(),
                    category,
                    aliases,
                    same_as: Vec::new(),
                    source: "overrides",
                });
            }
            ["stop", alias] => {
                self.stop.insert(phrase_key(alias));
            }
            ["drop", name] => {
                self.drop.insert(phrase_key(name));
            }
            ["implies", from, to] => self.implies.push((from.to_string(), to.to_string())),
            _ => {
                return Err(format!("expected `skill`, `stop`, `drop` or `implies` with its columns, found {line:?}"));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_skill_has_one_row() {
        let mut o = Overrides::default();
        assert!(o.apply("skill\tCPR\tcertification\t=CPR").is_ok());
        let err = o.apply("skill\tCPR\tcertification\tCPR certified").unwrap_err();
        assert!(err.contains("CPR"), "{err}");
        assert!(o.apply("skill\tBLS\tcertification\tbasic life support").is_ok());
    }
}
