//! Renderers of `jobfit eval`: span precision/recall/F1 and ESCO mapping rates.

use super::{Block, Format, json, tabular};
use crate::eval::decorte::MappingReport;
use crate::eval::{Count, EvalReport, Prf};

/// Renders `jobfit eval skillspan` output.
pub fn eval_spans(r: &EvalReport, format: Format) -> String {
    if format == Format::Json {
        return json(r);
    }
    let heading = format!(
        "{} ({} tags): {} sentences in {} postings, {} gold spans, {} predicted",
        r.file, r.tags, r.sentences, r.postings, r.gold, r.predicted
    );
    let prf = |name: &str, p: &Prf| {
        vec![name.to_string(), format!("{:.3}", p.precision), format!("{:.3}", p.recall), format!("{:.3}", p.f1)]
    };
    let scores = Block {
        title: "Span scores (strict = same tokens; loose = any token overlap)".to_string(),
        header: vec!["match", "precision", "recall", "F1"],
        rows: vec![prf("strict", &r.strict), prf("loose", &r.loose)],
    };
    let categories = Block {
        title: "Predictions per category (strict)".to_string(),
        header: vec!["category", "predicted", "correct", "precision"],
        rows: r
            .categories
            .iter()
            .map(|c| {
                let cells = [c.predicted.to_string(), c.correct.to_string(), format!("{:.3}", c.precision)];
                std::iter::once(c.category.to_string()).chain(cells).collect()
            })
            .collect(),
    };
    let blocks = [
        scores,
        categories,
        counts("Most frequent false positives (strict)", &r.false_positives),
        counts("Most frequent misses (strict)", &r.misses),
    ];
    tabular(format, &heading, &blocks)
}

/// Renders `jobfit eval decorte` output, one row per file.
pub fn eval_decorte(reports: &[MappingReport], format: Format) -> String {
    if format == Format::Json {
        return json(&reports);
    }
    let mapping = Block {
        title:
            "Gold spans that map to their gold ESCO skill (rows labelled LABEL NOT PRESENT or UNDERSPECIFIED skipped)"
                .to_string(),
        header: vec!["file", "labelled", "label in lexicon", "span yields a skill", "mapped", "rate"],
        rows: reports
            .iter()
            .map(|r| {
                let n = [r.labelled, r.label_in_lexicon, r.span_found, r.mapped].map(|n| n.to_string());
                std::iter::once(r.file.clone()).chain(n).chain([format!("{:.3}", r.rate)]).collect()
            })
            .collect(),
    };
    let mut blocks = vec![mapping];
    blocks.extend(reports.iter().map(|r| counts(&format!("Not mapped in {}: label ← span", r.file), &r.unmapped)));
    tabular(format, "ESCO mapping on Decorte's validation sets", &blocks)
}

fn counts(title: &str, counts: &[Count]) -> Block {
    Block {
        title: title.to_string(),
        header: vec!["text", "count"],
        rows: counts.iter().map(|c| vec![c.text.clone(), c.count.to_string()]).collect(),
    }
}
