//! Span-level evaluation of skill extraction against BIO-tagged benchmarks
//! (SkillSpan, Green): strict and loose precision/recall/F1, per category,
//! with the most frequent false positives and misses.

pub mod decorte;
pub mod learn;
mod spans;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::extract::Extractor;
use crate::lexicon::{Category, SkillKind};
pub use spans::{Span, bio_spans, token_span};

/// Which gold tags to evaluate against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tags {
    /// SkillSpan `tags_knowledge` (≈ hard skills).
    Knowledge,
    /// `tags_skill` (SkillSpan competences; Green's only tag set).
    Skill,
    /// The union of both tag sets (a span of either counts as gold).
    Both,
}

impl Tags {
    /// Whether predictions of `category` are judged against these tags:
    /// Knowledge spans are hard skills, so soft skills are left out of a
    /// Knowledge evaluation (SkillSpan tags them as Skill); every category counts otherwise.
    pub fn judges(self, category: Category) -> bool {
        self != Tags::Knowledge || category.kind() == SkillKind::Hard
    }

    /// The name used on the command line and in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Tags::Knowledge => "knowledge",
            Tags::Skill => "skill",
            Tags::Both => "both",
        }
    }
}

/// Errors reading a benchmark file.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The file could not be read.
    #[error("{path}: cannot read: {source}")]
    Read {
        /// The benchmark file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A line is not a benchmark record, or lacks the requested tags.
    #[error("{path}:{line}: {message}")]
    Parse {
        /// The benchmark file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// One JSON line of a SkillSpan or Green file.
#[derive(Debug, Deserialize)]
struct Record {
    idx: i64,
    tokens: Vec<String>,
    tags_skill: Option<Vec<String>>,
    tags_knowledge: Option<Vec<String>>,
    #[serde(default)]
    source: String,
}

/// A gold sentence: its tokens, gold spans, and the posting it belongs to.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// `(source, idx)`: consecutive sentences with the same key form one posting.
    pub posting: (String, i64),
    /// The tokens as in the file.
    pub tokens: Vec<String>,
    /// Gold spans, token indices, end exclusive.
    pub gold: Vec<Span>,
}

impl Sentence {
    /// The tokens of `span`, lowercased and joined by spaces.
    pub fn text(&self, span: Span) -> String {
        self.tokens[span.start..span.end].join(" ").to_lowercase()
    }
}

/// Reads a JSON-lines benchmark (one record a line: `idx`, `tokens`, `tags_skill`,
/// optional `tags_knowledge` and `source`, BIO tags).
///
/// Errors: [`EvalError::Read`]; [`EvalError::Parse`] for a malformed line, a
/// missing tag set, or tags and tokens of different lengths.
pub fn read_benchmark(path: &Path, tags: Tags) -> Result<Vec<Sentence>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Read { path: path.into(), source })?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let err = |message: String| EvalError::Parse { path: path.into(), line: i + 1, message };
        let record: Record =
            serde_json::from_str(line).map_err(|e| err(format!("not a SkillSpan/Green JSON record: {e}")))?;
        let gold = gold_spans(&record, tags).map_err(err)?;
        out.push(Sentence { posting: (record.source, record.idx), tokens: record.tokens, gold });
    }
    Ok(out)
}

/// The gold spans of `record` for `tags`.
fn gold_spans(record: &Record, tags: Tags) -> Result<Vec<Span>, String> {
    let field = |tags: &Option<Vec<String>>, name: &str| -> Result<Vec<Span>, String> {
        let tags = tags.as_ref().ok_or_else(|| format!("no `{name}` in this record"))?;
        if tags.len() != record.tokens.len() {
            return Err(format!("`{name}` has {} tags for {} tokens", tags.len(), record.tokens.len()));
        }
        Ok(bio_spans(tags))
    };
    Ok(match tags {
        Tags::Knowledge => field(&record.tags_knowledge, "tags_knowledge")?,
        Tags::Skill => field(&record.tags_skill, "tags_skill")?,
        Tags::Both => {
            let mut all = field(&record.tags_knowledge, "tags_knowledge")?;
            all.extend(field(&record.tags_skill, "tags_skill")?);
            all.sort_unstable();
            all.dedup();
            all
        }
    })
}

/// Precision, recall and F1, each in 0.0..=1.0.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    /// Correct predictions / predictions.
    pub precision: f64,
    /// Found gold spans / gold spans.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

impl Prf {
    fn new(correct_predicted: usize, predicted: usize, found_gold: usize, gold: usize) -> Prf {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let (precision, recall) = (ratio(correct_predicted, predicted), ratio(found_gold, gold));
        let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
        Prf { precision, recall, f1 }
    }
}

/// Predictions of one skill category.
#[derive(Debug, Clone, Serialize)]
pub struct CategoryRow {
    /// Category name (kebab-case).
    pub category: &'static str,
    /// Predicted spans of this category.
    pub predicted: usize,
    /// Of those, how many equal a gold span exactly.
    pub correct: usize,
    /// `correct / predicted`, 0.0..=1.0.
    pub precision: f64,
}

/// A span text and how often it occurred.
#[derive(Debug, Clone, Serialize)]
pub struct Count {
    /// Lower-cased tokens joined by spaces.
    pub text: String,
    /// Occurrences.
    pub count: usize,
}

/// The result of one evaluation run.
#[derive(Debug, Clone, Serialize)]
pub struct EvalReport {
    /// The benchmark file.
    pub file: String,
    /// The gold tag set.
    pub tags: &'static str,
    /// Sentences read.
    pub sentences: usize,
    /// Postings they form.
    pub postings: usize,
    /// Gold spans.
    pub gold: usize,
    /// Predicted spans (distinct token spans).
    pub predicted: usize,
    /// Exact span match.
    pub strict: Prf,
    /// Any token overlap.
    pub loose: Prf,
    /// Strict precision per predicted category, most predictions first.
    pub categories: Vec<CategoryRow>,
    /// Most frequent predictions that match no gold span exactly.
    pub false_positives: Vec<Count>,
    /// Most frequent gold spans not predicted exactly.
    pub misses: Vec<Count>,
}

/// How many false positives and misses a report lists.
pub const TOP: usize = 25;

/// A predicted span with its category.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Predicted {
    pub(crate) span: Span,
    category: &'static str,
}

/// Runs `extractor` over the postings of `sentences` (each posting's sentences
/// one a line, tokens joined by spaces) and scores its spans against the gold;
/// only the categories that `tags` judges (see [`Tags::judges`]) are
/// predictions, and matches inside role names (`Java Developer`) are left out,
/// as SkillSpan does not tag skills in job titles.
pub fn evaluate(extractor: &Extractor, file: &str, tags: Tags, sentences: &[Sentence]) -> EvalReport {
    let predicted = predict_all(extractor, tags, sentences);
    let mut tally = Tally::default();
    for (sentence, predicted) in sentences.iter().zip(&predicted) {
        tally.add(sentence, predicted);
    }
    tally.report(file, tags, sentences)
}

/// The predicted spans of every sentence, in order.
pub(crate) fn predict_all(extractor: &Extractor, tags: Tags, sentences: &[Sentence]) -> Vec<Vec<Predicted>> {
    let mut out = Vec::with_capacity(sentences.len());
    for posting in sentences.chunk_by(|a, b| a.posting == b.posting) {
        let lines: Vec<String> = posting.iter().map(|s| s.tokens.join(" ")).collect();
        let mut per_line: Vec<Vec<Predicted>> = vec![Vec::new(); posting.len()];
        if let Some(doc) = Document::from_text(Path::new("benchmark"), &lines.join("\n")) {
            let analysis = extractor.analyze(doc);
            for m in analysis.matches.iter().filter(|m| !m.role) {
                let tokens = &posting[m.line - 1].tokens;
                let Some(span) = token_span(tokens, m.start, m.end) else { continue };
                let category = extractor.lexicon.skill(m.skill).category;
                if !tags.judges(category) {
                    continue;
                }
                let line = &mut per_line[m.line - 1];
                if !line.iter().any(|p| p.span == span) {
                    line.push(Predicted { span, category: category.as_str() });
                }
            }
        }
        out.extend(per_line);
    }
    out
}

/// Running counts of an evaluation.
#[derive(Debug, Default)]
struct Tally {
    gold: usize,
    predicted: usize,
    strict_correct: usize,
    loose_predicted: usize,
    loose_gold: usize,
    categories: BTreeMap<&'static str, (usize, usize)>,
    false_positives: BTreeMap<String, usize>,
    misses: BTreeMap<String, usize>,
}

impl Tally {
    fn add(&mut self, sentence: &Sentence, predicted: &[Predicted]) {
        let text = |s: Span| sentence.text(s);
        self.gold += sentence.gold.len();
        self.predicted += predicted.len();
        for p in predicted {
            let exact = sentence.gold.contains(&p.span);
            let entry = self.categories.entry(p.category).or_default();
            entry.0 += 1;
            if exact {
                entry.1 += 1;
                self.strict_correct += 1;
            } else {
                *self.false_positives.entry(text(p.span)).or_default() += 1;
            }
            self.loose_predicted += usize::from(sentence.gold.iter().any(|g| g.overlaps(p.span)));
        }
        for &g in &sentence.gold {
            if !predicted.iter().any(|p| p.span == g) {
                *self.misses.entry(text(g)).or_default() += 1;
            }
            self.loose_gold += usize::from(predicted.iter().any(|p| p.span.overlaps(g)));
        }
    }

    fn report(self, file: &str, tags: Tags, sentences: &[Sentence]) -> EvalReport {
        let mut categories: Vec<CategoryRow> = self
            .categories
            .into_iter()
            .map(|(category, (predicted, correct))| CategoryRow {
                category,
                predicted,
                correct,
                precision: correct as f64 / predicted as f64,
            })
            .collect();
        categories.sort_by(|a, b| b.predicted.cmp(&a.predicted).then_with(|| a.category.cmp(b.category)));
        EvalReport {
            file: file.to_string(),
            tags: tags.as_str(),
            sentences: sentences.len(),
            postings: sentences.chunk_by(|a, b| a.posting == b.posting).count(),
            gold: self.gold,
            predicted: self.predicted,
            strict: Prf::new(self.strict_correct, self.predicted, self.strict_correct, self.gold),
            loose: Prf::new(self.loose_predicted, self.predicted, self.loose_gold, self.gold),
            categories,
            false_positives: top(self.false_positives),
            misses: top(self.misses),
        }
    }
}

/// The [`TOP`] most frequent entries, ties by text.
fn top(counts: BTreeMap<String, usize>) -> Vec<Count> {
    let mut all: Vec<Count> = counts.into_iter().map(|(text, count)| Count { text, count }).collect();
    all.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text)));
    all.truncate(TOP);
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(tokens: &str, tags: &str, idx: i64) -> Sentence {
        let tags: Vec<String> = tags.split(' ').map(String::from).collect();
        Sentence {
            posting: ("t".into(), idx),
            tokens: tokens.split(' ').map(String::from).collect(),
            gold: bio_spans(&tags),
        }
    }

    #[test]
    fn strict_and_loose_spans() {
        let ex = Extractor::embedded().unwrap();
        let sentences = [
            sentence("Experience with Python and Amazon Web Services", "O O B O B I I", 1),
            sentence("Knowledge of SQL Server", "O O B O", 1),
        ];
        let r = evaluate(&ex, "t", Tags::Knowledge, &sentences);
        assert_eq!((r.gold, r.predicted, r.postings), (3, 3, 1));
        assert_eq!(r.strict.precision, 2.0 / 3.0);
        assert_eq!(r.loose.precision, 1.0);
        assert_eq!(r.misses[0].text, "sql");
        assert_eq!(r.false_positives[0].text, "sql server");
    }
}
