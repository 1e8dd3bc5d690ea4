//! O*NET 29.3 Technology Skills: software products named as people write
//! them (`Oracle Java` → also `Java`; `Amazon Web Services AWS software` →
//! `Amazon Web Services`, `AWS`), categorized by their commodity title.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use super::{BuildError, Candidate, format_err};
use crate::lexicon::Category;

/// A first word that starts this many distinct products is a vendor name.
const VENDOR_MIN_PRODUCTS: usize = 3;

/// Reads `Technology Skills.txt`; `english` holds ordinary words, used to
/// skip generic descriptions such as `Email software`.
pub fn read(dir: &Path, english: &HashSet<String>) -> Result<Vec<Candidate>, BuildError> {
    let path = dir.join("Technology Skills.txt");
    let mut reader =
        csv::ReaderBuilder::new().delimiter(b'\t').quoting(false).from_path(&path).map_err(|e| format_err(&path, e))?;
    let mut products = BTreeMap::<String, String>::new();
    for record in reader.records() {
        let record = record.map_err(|e| format_err(&path, e))?;
        let (Some(example), Some(commodity)) = (record.get(2), record.get(4)) else {
            return Err(format_err(&path, "expected the Example and Commodity Title columns"));
        };
        products.entry(example.trim().to_string()).or_insert_with(|| commodity.to_string());
    }
    let vendors = vendors(products.keys(), english);
    Ok(products.iter().filter_map(|(example, commodity)| candidate(example, commodity, &vendors, english)).collect())
}

fn vendors<'a>(names: impl Iterator<Item = &'a String>, english: &HashSet<String>) -> HashSet<String> {
    let mut counts = HashMap::<&str, usize>::new();
    for name in names {
        if let Some((first, _)) = name.split_once(' ') {
            *counts.entry(first).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(w, n)| *n >= VENDOR_MIN_PRODUCTS && w.chars().next().is_some_and(char::is_uppercase))
        .filter(|(w, _)| !english.contains(&w.to_lowercase()))
        .map(|(w, _)| w.to_string())
        .collect()
}

fn candidate(
    example: &str,
    commodity: &str,
    vendors: &HashSet<String>,
    english: &HashSet<String>,
) -> Option<Candidate> {
    let base = example.strip_suffix(" software").unwrap_or(example).trim();
    let (name, acronym) = split_acronym(base);
    if acronym.is_none() && is_generic(&name, english) {
        return None;
    }
    let mut aliases: Vec<String> = acronym.into_iter().map(|a| format!("={a}")).collect();
    if base != example {
        aliases.push(example.to_string());
    }
    let same_as = product_name(&name, vendors, english).into_iter().collect();
    Some(Candidate { name, category: category(commodity), aliases, same_as, source: "onet" })
}

/// The product without its vendor (`Microsoft Excel` → `Excel`), when that is
/// one word or has a word that is not ordinary English (not `Web Services`).
fn product_name(name: &str, vendors: &HashSet<String>, english: &HashSet<String>) -> Option<String> {
    let (first, rest) = name.split_once(' ')?;
    let distinctive = !rest.contains(' ') || rest.split(' ').any(|w| !english.contains(&w.to_lowercase()));
    (vendors.contains(first) && distinctive).then(|| rest.to_string())
}

/// `Customer relationship management CRM` → (`Customer relationship management`, `CRM`).
fn split_acronym(name: &str) -> (String, Option<String>) {
    let words: Vec<&str> = name.split(' ').collect();
    let Some((last, before)) = words.split_last() else { return (name.to_string(), None) };
    let n = last.len();
    // The acronym must spell the whole name, or all of it but a vendor word.
    let is_acronym = (2..=6).contains(&n)
        && last.chars().all(|c| c.is_ascii_uppercase())
        && (before.len() == n || before.len() == n + 1);
    let initials: String = before[before.len().saturating_sub(n)..]
        .iter()
        .filter_map(|w| w.chars().next())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if is_acronym && initials == *last { (before.join(" "), Some(last.to_string())) } else { (name.to_string(), None) }
}

/// A description rather than a product: an ordinary first word and no other
/// capitalized word (`Email`, `Fund accounting`).
fn is_generic(name: &str, english: &HashSet<String>) -> bool {
    let mut words = name.split(' ');
    let first = words.next().unwrap_or("");
    english.contains(&first.to_lowercase()) && words.all(|w| !w.chars().next().is_some_and(char::is_uppercase))
}

fn category(commodity: &str) -> Category {
    let c = commodity.to_lowercase();
    if c.contains("data base") || c.contains("database") {
        Category::Database
    } else if c.contains("web platform development") {
        Category::Framework
    } else if c.contains("operating system") || c.contains("cloud") {
        Category::Platform
    } else {
        Category::Tool
    }
}
