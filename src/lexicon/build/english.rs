//! Ordinary English words, learned from the prose of the sources: a word
//! written in lowercase in ESCO skill descriptions or O*NET occupation
//! descriptions is a common word (`make`, `help`, `basic`, `rust`), so a
//! tool named after it needs its exact capitalization to match.

use std::collections::HashSet;
use std::path::Path;

use super::{BuildError, format_err, read_text};

/// How often a lowercase word must occur in the descriptions to count as ordinary.
const MIN_COUNT: u32 = 2;

/// The set of ordinary words, lowercase.
pub fn common_words(esco_skills: &Path, onet_occupations: &Path) -> Result<HashSet<String>, BuildError> {
    let mut counts = std::collections::HashMap::<String, u32>::new();
    let mut reader = csv::Reader::from_path(esco_skills).map_err(|e| format_err(esco_skills, e))?;
    let headers = reader.headers().map_err(|e| format_err(esco_skills, e))?.clone();
    let col = headers
        .iter()
        .position(|h| h == "description")
        .ok_or_else(|| format_err(esco_skills, "no `description` column"))?;
    for record in reader.records() {
        let record = record.map_err(|e| format_err(esco_skills, e))?;
        count_lowercase_words(record.get(col).unwrap_or(""), &mut counts);
    }
    count_lowercase_words(&read_text(onet_occupations)?, &mut counts);
    Ok(counts.into_iter().filter(|(_, n)| *n >= MIN_COUNT).map(|(w, _)| w).collect())
}

fn count_lowercase_words(text: &str, counts: &mut std::collections::HashMap<String, u32>) {
    for word in text.split(|c: char| !c.is_alphabetic()) {
        if !word.is_empty() && word.chars().all(|c| c.is_lowercase()) {
            *counts.entry(word.to_string()).or_default() += 1;
        }
    }
}
