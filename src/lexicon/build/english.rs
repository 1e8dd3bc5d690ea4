//! Ordinary English words, learned from the prose of the sources: a word
//! written in lowercase in ESCO skill descriptions or O*NET occupation
//! descriptions is a common word (`make`, `help`, `basic`, `rust`), so a
//! tool named after it needs its exact capitalization to match.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::{BuildError, format_err, read_text};

/// How often a lowercase word must occur in the descriptions to count as ordinary.
const MIN_COUNT: u32 = 2;

/// Ordinary words, lowercase, as two sets: `prose`, of skill and occupation
/// descriptions, for every source; and `products`, which adds ESCO's
/// occupation descriptions and titles, where the everyday words that name
/// tools and languages show up (`presenter`, `composer`, `helm`, `notion`),
/// for the product sources (Linguist, devicon, O*NET).
#[derive(Debug, Default)]
pub struct Ordinary {
    /// Lowercase in ESCO skill descriptions or O*NET occupation descriptions.
    pub prose: HashSet<String>,
    /// `prose` and the lowercase words of ESCO occupations.
    pub products: HashSet<String>,
}

/// The ordinary words of the sources (see [`Ordinary`]).
///
/// Errors: a file that cannot be read or lacks its columns.
pub fn ordinary_words(esco: &Path, onet_occupations: &Path) -> Result<Ordinary, BuildError> {
    let mut counts = HashMap::<String, u32>::new();
    count_columns(&esco.join("skills_en.csv"), &["description"], &mut counts)?;
    count_lowercase_words(&read_text(onet_occupations)?, &mut counts);
    let prose = frequent(&counts);
    count_columns(&esco.join("occupations_en.csv"), &["description", "preferredLabel", "altLabels"], &mut counts)?;
    Ok(Ordinary { prose, products: frequent(&counts) })
}

fn frequent(counts: &HashMap<String, u32>) -> HashSet<String> {
    counts.iter().filter(|(_, n)| **n >= MIN_COUNT).map(|(w, _)| w.clone()).collect()
}

/// Counts the lowercase words of `columns` of the CSV file at `path`.
fn count_columns(path: &Path, columns: &[&str], counts: &mut HashMap<String, u32>) -> Result<(), BuildError> {
    let mut reader = csv::Reader::from_path(path).map_err(|e| format_err(path, e))?;
    let headers = reader.headers().map_err(|e| format_err(path, e))?.clone();
    let cols = columns
        .iter()
        .map(|c| headers.iter().position(|h| h == *c).ok_or_else(|| format_err(path, format!("no `{c}` column"))))
        .collect::<Result<Vec<usize>, BuildError>>()?;
    for record in reader.records() {
        let record = record.map_err(|e| format_err(path, e))?;
        for &col in &cols {
            count_lowercase_words(record.get(col).unwrap_or(""), counts);
        }
    }
    Ok(())
}

fn count_lowercase_words(text: &str, counts: &mut HashMap<String, u32>) {
    for word in text.split(|c: char| !c.is_alphabetic()) {
        if !word.is_empty() && word.chars().all(|c| c.is_lowercase()) {
            *counts.entry(word.to_string()).or_default() += 1;
        }
    }
}
