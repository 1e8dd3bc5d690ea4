//! ATS-style search over an index with tantivy's query language: boolean
//! operators, phrases, and fields (`skill:rust`, `kind:resume`,
//! `title:engineer`); each hit with a snippet from its file.

use serde::Serialize;
use tantivy::TantivyDocument;
use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::snippet::SnippetGenerator;

use crate::document::Document;
use crate::index::{IndexError, Pool};

/// Longest snippet, in characters.
const SNIPPET_CHARS: usize = 160;

/// Errors of a search.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The query does not parse.
    #[error("query {query:?}: {message} (fields: title, body, skill, kind, path, id)")]
    Query {
        /// The query as given.
        query: String,
        /// The parser's message.
        message: String,
    },
    /// The index failed.
    #[error(transparent)]
    Index(#[from] IndexError),
}

/// One search hit.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Hit {
    /// 1-based rank.
    pub rank: usize,
    /// BM25 relevance.
    pub score: f32,
    /// `resume` or `job`.
    pub kind: String,
    /// Path as indexed.
    pub path: String,
    /// First line.
    pub title: String,
    /// Matching passage of the file with hits in `[brackets]`; empty when the file is gone.
    pub snippet: String,
}

/// The `limit` best hits of `query`, by BM25 over title and body (default fields).
///
/// Errors: [`SearchError::Query`] for a malformed query; [`SearchError::Index`].
pub fn search(pool: &Pool, query: &str, limit: usize) -> Result<Vec<Hit>, SearchError> {
    let f = &pool.fields;
    let mut parser = QueryParser::for_index(&pool.index, vec![f.title, f.body]);
    parser.set_conjunction_by_default();
    let q = parser
        .parse_query(query)
        .map_err(|e| SearchError::Query { query: query.to_string(), message: e.to_string() })?;
    let searcher = pool.reader.searcher();
    let tantivy_err = |source| IndexError::Tantivy { dir: pool.dir.clone(), source };
    let top = searcher.search(&q, &TopDocs::with_limit(limit).order_by_score()).map_err(tantivy_err)?;
    let mut snippets = SnippetGenerator::create(&searcher, &*q, f.body).map_err(tantivy_err)?;
    snippets.set_max_num_chars(SNIPPET_CHARS);
    let mut hits = Vec::with_capacity(top.len());
    for (i, (score, addr)) in top.into_iter().enumerate() {
        let d: TantivyDocument = searcher.doc(addr).map_err(tantivy_err)?;
        let entry = pool.entry(&d);
        let snippet =
            Document::load(entry.path.as_ref()).map(|doc| render(&snippets.snippet(&doc.text))).unwrap_or_default();
        hits.push(Hit { rank: i + 1, score, kind: entry.kind, path: entry.path, title: entry.title, snippet });
    }
    Ok(hits)
}

/// A snippet on one line, highlighted terms in brackets.
fn render(snippet: &tantivy::snippet::Snippet) -> String {
    let text = snippet.fragment();
    let mut out = String::with_capacity(text.len() + 8);
    let mut at = 0;
    for range in snippet.highlighted() {
        out.push_str(&text[at..range.start]);
        out.push('[');
        out.push_str(&text[range.clone()]);
        out.push(']');
        at = range.end;
    }
    out.push_str(&text[at..]);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}
