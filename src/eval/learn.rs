//! Learning from a training split (SkillSpan or Green *train*, never dev):
//! gold phrases the lexicon lacks become skills, and lexicon aliases that
//! annotators almost never tag become stops; written as `lexicon/learned.tsv`.

use std::collections::{HashMap, HashSet};

use super::{Predicted, Sentence, Tags, predict_all};
use crate::extract::Extractor;

/// A gold phrase must be tagged at least this many times to be added.
pub const ADD_MIN_GOLD: usize = 2;
/// … and be tagged in at least this share of its occurrences in the text.
pub const ADD_MIN_PRECISION: f64 = 0.5;
/// Longest phrase added, in tokens.
pub const ADD_MAX_TOKENS: usize = 6;
/// An alias must be predicted at least this many times to be stopped …
pub const STOP_MIN_PREDICTED: usize = 4;
/// … and overlap a gold span in less than this share of its predictions.
pub const STOP_MAX_LOOSE_PRECISION: f64 = 0.2;

/// One learned directive with the counts that justify it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Learned {
    /// A phrase to add as a skill: `(phrase as most often written, gold count, occurrences)`.
    Add(String, usize, usize),
    /// An alias never to match: `(lowercase alias, predictions overlapping gold, predictions)`.
    Stop(String, usize, usize),
}

/// Learns additions and stops from `sentences` with the lexicon of `extractor`
/// (built without any learned file). Sorted, diff-friendly.
pub fn learn(extractor: &Extractor, tags: Tags, sentences: &[Sentence]) -> Vec<Learned> {
    let predicted = predict_all(extractor, tags, sentences);
    let mut out = additions(sentences, &predicted);
    out.extend(stops(sentences, &predicted));
    out.sort();
    out
}

/// Word-like: has a letter, no placeholder (`<ORGANIZATION>`) or bullet, and
/// names no degree (degrees are education requirements, see [`crate::degree`]).
fn word_like(tokens: &[String]) -> bool {
    tokens.iter().all(|t| t.chars().any(char::is_alphabetic) && !t.contains(['<', '>', '*', '•']))
        && crate::degree::degrees(&tokens.join(" ")).is_empty()
        && !tokens.iter().any(|t| t.eq_ignore_ascii_case("degree"))
}

fn additions(sentences: &[Sentence], predicted: &[Vec<Predicted>]) -> Vec<Learned> {
    let mut gold: HashMap<String, (usize, HashMap<String, usize>)> = HashMap::new();
    for s in sentences {
        for g in s.gold.iter().filter(|g| g.end - g.start <= ADD_MAX_TOKENS) {
            let tokens = &s.tokens[g.start..g.end];
            if word_like(tokens) {
                let entry = gold.entry(s.text(*g)).or_default();
                entry.0 += 1;
                *entry.1.entry(tokens.join(" ")).or_default() += 1;
            }
        }
    }
    gold.retain(|_, (count, _)| *count >= ADD_MIN_GOLD);
    let occurrences = count_occurrences(sentences, &gold.keys().cloned().collect());
    let predicted = predicted_phrases(sentences, predicted);
    let mut out = Vec::new();
    for (phrase, (count, forms)) in gold {
        let seen = occurrences.get(&phrase).copied().unwrap_or(count).max(count);
        let known = predicted.contains(&phrase);
        if !known && count as f64 / seen as f64 >= ADD_MIN_PRECISION {
            let form = forms.into_iter().max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0))).map(|f| f.0);
            out.push(Learned::Add(form.unwrap_or(phrase), count, seen));
        }
    }
    out
}

/// How often each phrase occurs as a token sequence (case-insensitive).
fn count_occurrences(sentences: &[Sentence], phrases: &HashSet<String>) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for s in sentences {
        let lowered: Vec<String> = s.tokens.iter().map(|t| t.to_lowercase()).collect();
        for i in 0..lowered.len() {
            for n in 1..=ADD_MAX_TOKENS.min(lowered.len() - i) {
                let phrase = lowered[i..i + n].join(" ");
                if phrases.contains(&phrase) {
                    *counts.entry(phrase).or_default() += 1;
                }
            }
        }
    }
    counts
}

/// Lowercase texts of the spans the lexicon predicts correctly at least once.
fn predicted_phrases(sentences: &[Sentence], predicted: &[Vec<Predicted>]) -> HashSet<String> {
    let mut out = HashSet::new();
    for (s, predicted) in sentences.iter().zip(predicted) {
        for p in predicted.iter().filter(|p| s.gold.contains(&p.span)) {
            out.insert(s.text(p.span));
        }
    }
    out
}

fn stops(sentences: &[Sentence], predicted: &[Vec<Predicted>]) -> Vec<Learned> {
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    for (s, predicted) in sentences.iter().zip(predicted) {
        for p in predicted {
            let entry = counts.entry(s.text(p.span)).or_default();
            entry.0 += usize::from(s.gold.iter().any(|g| g.overlaps(p.span)));
            entry.1 += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, (hit, n))| *n >= STOP_MIN_PREDICTED && (*hit as f64) < STOP_MAX_LOOSE_PRECISION * *n as f64)
        .map(|(alias, (hit, n))| Learned::Stop(alias, hit, n))
        .collect()
}

/// The learned directives as `lexicon/learned.tsv` text.
pub fn to_tsv(learned: &[Learned]) -> String {
    let mut out = String::from(
        "# jobfit learned lexicon directives, generated by `jobfit lexicon learn` from SkillSpan train; do not edit.\n\
         # add<TAB>phrase<TAB>gold spans<TAB>occurrences   (a gold phrase the sources lack)\n\
         # stop<TAB>alias<TAB>predictions overlapping gold<TAB>predictions   (an alias annotators do not tag)\n",
    );
    for l in learned {
        let (kind, text, a, b) = match l {
            Learned::Add(t, a, b) => ("add", t, a, b),
            Learned::Stop(t, a, b) => ("stop", t, a, b),
        };
        out.push_str(&format!("{kind}\t{text}\t{a}\t{b}\n"));
    }
    out
}
