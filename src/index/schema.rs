//! The index schema and the handles of its fields.

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

use crate::keywords::ANALYZER;

/// Tokenizer of exact-term fields (`skill`, `kind`): the whole value, lowercase.
pub const EXACT: &str = "jobfit_exact";

/// Field handles of the jobfit index schema.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// Content hash (hex), the document's id: adding the same text twice is a no-op.
    pub id: Field,
    /// `resume` or `job`, for `kind:` queries.
    pub kind: Field,
    /// 0 for a résumé, 1 for a job post (fast field).
    pub kind_code: Field,
    /// Path as given when added.
    pub path: Field,
    /// First line of the document: the candidate's name or the job title.
    pub title: Field,
    /// Full text, English stems with positions (for phrases), not stored.
    pub body: Field,
    /// Canonical skill names, lowercase, exact terms, for `skill:` queries.
    pub skill: Field,
    /// Canonical skill ids (fast field), for ranking résumés.
    pub skill_id: Field,
    /// Packed requirements and profile of a job post (fast field, see [`super::pack`]).
    pub req: Field,
    /// Stored JSON: a job post's named requirements (to explain a ranking),
    /// or a résumé's profile (title lines, degree, years) for ranking résumés.
    pub facts: Field,
}

fn exact() -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_tokenizer(EXACT).set_index_option(IndexRecordOption::Basic),
    )
}

impl Fields {
    /// The schema and its field handles.
    pub fn schema() -> (Schema, Fields) {
        let mut b = Schema::builder();
        let text = |analyzer: &str, positions: bool| {
            let option =
                if positions { IndexRecordOption::WithFreqsAndPositions } else { IndexRecordOption::WithFreqs };
            TextOptions::default()
                .set_indexing_options(TextFieldIndexing::default().set_tokenizer(analyzer).set_index_option(option))
        };
        let fields = Fields {
            id: b.add_text_field("id", STRING | STORED),
            kind: b.add_text_field("kind", exact().set_stored()),
            kind_code: b.add_u64_field("kind_code", FAST),
            path: b.add_text_field("path", STRING | STORED),
            title: b.add_text_field("title", text(ANALYZER, true).set_stored()),
            body: b.add_text_field("body", text(ANALYZER, true)),
            skill: b.add_text_field("skill", exact()),
            skill_id: b.add_u64_field("skill_id", FAST | INDEXED),
            req: b.add_u64_field("req", FAST),
            facts: b.add_text_field("facts", STORED),
        };
        (b.build(), fields)
    }
}
