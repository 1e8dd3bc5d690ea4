//! The learned directives file (`lexicon/learned.tsv`, written by `jobfit
//! lexicon learn` from SkillSpan train): gold phrases added as domain skills
//! (source `skillspan`), and aliases no source may contribute.

use std::path::Path;

use super::{BuildError, Candidate, Overrides, format_err, read_text, sentence_case};
use crate::lexicon::Category;
use crate::tokenize::phrase_key;

/// Reads the file: additions become candidates, stops join `overrides.stop`.
///
/// Errors: `BuildError::Io` if unreadable; `BuildError::Format` with the line
/// number for an unknown directive or a wrong column count.
pub fn read(path: &Path, overrides: &mut Overrides) -> Result<Vec<Candidate>, BuildError> {
    let mut out = Vec::new();
    for (i, line) in read_text(path)?.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        match line.split('\t').collect::<Vec<_>>()[..] {
            ["add", phrase, _, _] => out.push(Candidate {
                name: sentence_case(phrase.to_string()),
                category: Category::Domain,
                aliases: vec![phrase.to_string()],
                same_as: Vec::new(),
                source: "skillspan",
            }),
            ["stop", alias, _, _] => {
                overrides.stop.insert(phrase_key(alias));
            }
            _ => return Err(format_err(path, format!("line {}: expected add|stop and three columns", i + 1))),
        }
    }
    Ok(out)
}
