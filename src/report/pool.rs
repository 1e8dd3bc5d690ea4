//! Renderers of the batch commands: rankings, search hits, index listings.

use serde::Serialize;

use super::{Block, Format, RankFormat, excerpt, json, tabular, versioned};
use crate::index::Entry;
use crate::rank::RankReport;
use crate::search::Hit;

/// Renders `jobfit rank` output.
pub fn rank(r: &RankReport, format: RankFormat) -> String {
    match format {
        RankFormat::Json => json(r),
        RankFormat::Ndjson => {
            r.ranking.iter().map(|x| serde_json::to_string(x).expect("ranking serializes") + "\n").collect()
        }
        RankFormat::Csv => csv(r),
        RankFormat::Table => tabular(Format::Table, &heading(r), &blocks(r)),
        RankFormat::Markdown => tabular(Format::Markdown, &heading(r), &blocks(r)),
        RankFormat::Html => tabular(Format::Html, &heading(r), &blocks(r)),
    }
}

fn heading(r: &RankReport) -> String {
    let (what, against) = if r.ranking_of == "jobs" { ("job posts", "résumé") } else { ("résumés", "job post") };
    format!("Top {} of {} {what} for the {against} {}", r.ranking.len(), r.total, r.query)
}

fn blocks(r: &RankReport) -> Vec<Block> {
    let ranking = Block {
        title: "Ranking (score 0-100; hard = hard-skill coverage)".to_string(),
        header: vec!["#", "score", "hard", "title", "path", "top matched", "top missing"],
        rows: r
            .ranking
            .iter()
            .map(|x| {
                vec![
                    x.rank.to_string(),
                    format!("{:.1}", x.score),
                    format!("{:.0}", x.hard_skills),
                    excerpt(&x.title),
                    x.path.clone(),
                    x.matched.join(", "),
                    x.missing.join(", "),
                ]
            })
            .collect(),
    };
    let mut out = vec![ranking];
    if r.ranking_of == "jobs" {
        out.push(Block {
            title: "Gaps across roles: skills the résumé lacks, by how much the posts want them".to_string(),
            header: vec!["skill", "kind", "posts", "weight"],
            rows: r
                .gaps
                .iter()
                .map(|g| {
                    vec![g.skill.clone(), g.kind.as_str().to_string(), g.posts.to_string(), format!("{:.2}", g.weight)]
                })
                .collect(),
        });
    }
    out
}

fn csv(r: &RankReport) -> String {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let header = ["rank", "score", "hard_skills", "title", "path", "matched", "missing"];
    let _ = w.write_record(header);
    for x in &r.ranking {
        let row = [
            x.rank.to_string(),
            format!("{:.1}", x.score),
            format!("{:.1}", x.hard_skills),
            x.title.clone(),
            x.path.clone(),
            x.matched.join("; "),
            x.missing.join("; "),
        ];
        let _ = w.write_record(&row);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// Renders `jobfit search` output.
pub fn search(query: &str, hits: &[Hit], format: Format) -> String {
    #[derive(Serialize)]
    struct Search<'a> {
        query: &'a str,
        hits: &'a [Hit],
    }
    if format == Format::Json {
        return versioned(Search { query, hits });
    }
    let block = Block {
        title: format!("{} hits", hits.len()),
        header: vec!["#", "score", "kind", "title", "path", "snippet"],
        rows: hits
            .iter()
            .map(|h| {
                vec![
                    h.rank.to_string(),
                    format!("{:.2}", h.score),
                    h.kind.clone(),
                    excerpt(&h.title),
                    h.path.clone(),
                    h.snippet.clone(),
                ]
            })
            .collect(),
    };
    tabular(format, &format!("Search: {query}"), &[block])
}

/// Renders `jobfit index list` output.
pub fn index_list(dir: &str, entries: &[Entry], format: Format) -> String {
    #[derive(Serialize)]
    struct List<'a> {
        index: &'a str,
        documents: &'a [Entry],
    }
    if format == Format::Json {
        return versioned(List { index: dir, documents: entries });
    }
    let block = Block {
        title: format!("{} documents", entries.len()),
        header: vec!["id", "kind", "path", "title"],
        rows: entries.iter().map(|e| vec![e.id.clone(), e.kind.clone(), e.path.clone(), excerpt(&e.title)]).collect(),
    };
    tabular(format, &format!("Index {dir}"), &[block])
}
