//! Decorte et al.'s validation sets: how often a gold span, run through the
//! extractor, lands on the canonical skill of its gold ESCO label.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{Count, EvalError};
use crate::extract::Extractor;
use crate::lexicon::{Lexicon, SkillId};
use crate::tokenize::phrase_key;

/// Labels that mean "no ESCO skill fits"; such rows are not counted.
const NO_LABEL: [&str; 2] = ["LABEL NOT PRESENT", "UNDERSPECIFIED"];

#[derive(Debug, Deserialize)]
struct Row {
    span: String,
    label: String,
}

/// Mapping figures of one validation file.
#[derive(Debug, Clone, Serialize)]
pub struct MappingReport {
    /// The validation file.
    pub file: String,
    /// Rows with a gold ESCO label.
    pub labelled: usize,
    /// Of those, rows whose label names a lexicon skill.
    pub label_in_lexicon: usize,
    /// Rows whose span yields at least one skill.
    pub span_found: usize,
    /// Rows whose span yields the label's skill.
    pub mapped: usize,
    /// `mapped / labelled`, 0.0..=1.0.
    pub rate: f64,
    /// Most frequent labels not reached, as `label ← span`.
    pub unmapped: Vec<Count>,
}

/// Reads a Decorte CSV (`sentence,span,sub_span,label`) and maps each labelled span.
///
/// Errors: [`EvalError::Read`]; [`EvalError::Parse`] for a malformed row.
pub fn evaluate(extractor: &Extractor, path: &Path) -> Result<MappingReport, EvalError> {
    let mut reader = csv::Reader::from_path(path).map_err(|e| csv_error(path, e))?;
    let by_alias = alias_table(&extractor.lexicon);
    let mut report = MappingReport {
        file: path.display().to_string(),
        labelled: 0,
        label_in_lexicon: 0,
        span_found: 0,
        mapped: 0,
        rate: 0.0,
        unmapped: Vec::new(),
    };
    let mut unmapped = BTreeMap::new();
    for row in reader.deserialize::<Row>() {
        let row = row.map_err(|e| csv_error(path, e))?;
        if NO_LABEL.contains(&row.label.as_str()) {
            continue;
        }
        report.labelled += 1;
        let gold = label_skill(&by_alias, &row.label);
        report.label_in_lexicon += usize::from(gold.is_some());
        let found: Vec<SkillId> = extractor.find_in_text(&row.span).iter().map(|(_, h)| h.skill).collect();
        report.span_found += usize::from(!found.is_empty());
        if gold.is_some_and(|g| found.contains(&g)) {
            report.mapped += 1;
        } else {
            *unmapped.entry(format!("{} ← {}", row.label, row.span)).or_default() += 1;
        }
    }
    report.rate = if report.labelled == 0 { 0.0 } else { report.mapped as f64 / report.labelled as f64 };
    report.unmapped = super::top(unmapped);
    Ok(report)
}

/// Alias key → skill, for looking up ESCO labels: the lexicon's aliases,
/// then the names of skills whose name is not an alias.
fn alias_table(lexicon: &Lexicon) -> HashMap<String, SkillId> {
    let mut table = lexicon.alias_index();
    for (id, skill) in lexicon.skills.iter().enumerate() {
        table.entry(phrase_key(&skill.name)).or_insert(id as SkillId);
    }
    table
}

/// The skill an ESCO label names: the whole label, or the label without its
/// parenthesised qualifier (`Java (computer programming)` → `Java`).
fn label_skill(table: &HashMap<String, SkillId>, label: &str) -> Option<SkillId> {
    let bare = label.split(" (").next().unwrap_or(label);
    table.get(&phrase_key(label)).or_else(|| table.get(&phrase_key(bare))).copied()
}

fn csv_error(path: &Path, e: csv::Error) -> EvalError {
    let line = e.position().map_or(0, |p| p.line() as usize);
    EvalError::Parse { path: path.into(), line, message: e.to_string() }
}
