//! ATS-style search over an index with tantivy's query language: boolean
//! operators, phrases, and fields (`skill:rust`, `kind:resume`,
//! `title:engineer`); each hit with a snippet from its file: the passage
//! of its text that matches best, or, for a query on skills alone, the line
//! where the file shows the skill.

use serde::Serialize;
use tantivy::TantivyDocument;
use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::snippet::SnippetGenerator;

use crate::document::Document;
use crate::extract::Extractor;
use crate::index::{IndexError, Pool};
use crate::lexicon::SkillId;

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
    /// Matching passage of the file with hits in `[brackets]` (for a query on
    /// skills alone, the line where the file shows one, the skill in
    /// brackets); empty when the file is gone.
    pub snippet: String,
}

/// The `limit` best hits of `query`, by BM25 over title and body (default
/// fields). A query with `skill:` terms loads the embedded lexicon to find
/// the skills in the files for their snippets.
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
    let skills = queried_skills(pool, &*q);
    let mut hits = Vec::with_capacity(top.len());
    for (i, (score, addr)) in top.into_iter().enumerate() {
        let d: TantivyDocument = searcher.doc(addr).map_err(tantivy_err)?;
        let entry = pool.entry(&d);
        let snippet = Document::load(entry.path.as_ref()).map_or_else(
            |_| String::new(),
            |doc| match render(&snippets.snippet(&doc.text)) {
                text if text.is_empty() => skills.as_ref().map_or_else(String::new, |s| skill_line(s, &doc)),
                text => text,
            },
        );
        hits.push(Hit { rank: i + 1, score, kind: entry.kind, path: entry.path, title: entry.title, snippet });
    }
    Ok(hits)
}

/// The skills a query names in the `skill` field (by lowercase canonical
/// name), with the extractor that finds them; `None` when it names none.
fn queried_skills(pool: &Pool, query: &dyn tantivy::query::Query) -> Option<(Extractor, Vec<SkillId>)> {
    let mut names = Vec::new();
    query.query_terms(&mut |term, _| {
        if term.field() == pool.fields.skill
            && let Some(name) = term.value().as_str()
        {
            names.push(name.to_string());
        }
    });
    if names.is_empty() {
        return None;
    }
    let extractor = Extractor::embedded().ok()?;
    let ids = names.iter().flat_map(|name| extractor.lexicon.ids_named(name)).collect();
    Some((extractor, ids))
}

/// The first line of `doc` where one of `skills` occurs, the occurrence in
/// brackets, cut at whole words to about [`SNIPPET_CHARS`] characters around
/// it; empty when none occurs.
fn skill_line((extractor, skills): &(Extractor, Vec<SkillId>), doc: &Document) -> String {
    let found = extractor.find_in_text(&doc.text).into_iter().find(|(_, hit)| skills.contains(&hit.skill));
    let Some((n, hit)) = found else { return String::new() };
    let line = doc.line(n);
    let budget = SNIPPET_CHARS.saturating_sub(hit.end - hit.start) / 2;
    let (before, after) = (tail_within(&line[..hit.start], budget), head_within(&line[hit.end..], budget));
    let text = format!("{before}[{}]{after}", &line[hit.start..hit.end]);
    crate::normalize::squeeze_whitespace(&text)
}

/// The end of `text` in at most `chars` characters, from a word start.
fn tail_within(text: &str, chars: usize) -> &str {
    let Some((cut, _)) = text.char_indices().rev().nth(chars) else { return text };
    let rest = &text[cut..];
    rest.find(char::is_whitespace).map_or("", |space| &rest[space..])
}

/// The start of `text` in at most `chars` characters, up to a word end.
fn head_within(text: &str, chars: usize) -> &str {
    let Some((cut, _)) = text.char_indices().nth(chars) else { return text };
    let head = &text[..cut];
    head.rfind(char::is_whitespace).map_or("", |space| &head[..space])
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
    crate::normalize::squeeze_whitespace(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_keep_whole_words() {
        assert_eq!(tail_within("one two three", 100), "one two three");
        assert_eq!(tail_within("one two three", 7), " three");
        assert_eq!(head_within("one two three", 100), "one two three");
        assert_eq!(head_within("one two three", 9), "one two");
        assert_eq!(head_within("éééé", 2), "");
    }
}
