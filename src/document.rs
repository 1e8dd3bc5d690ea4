//! A résumé or job post as text: the original text, its normalized form, and its lines.

use std::path::{Path, PathBuf};

use crate::load::{LoadError, Source};
use crate::normalize::normalize;

/// A loaded document: the original text and its normalized form (see
/// [`crate::normalize`]), which have the same lines.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as the user gave it.
    pub path: PathBuf,
    /// The text as read, decoded.
    pub original: String,
    /// The normalized text that matching runs on.
    pub text: String,
    /// Normalized byte offset → original byte offset (length `text.len() + 1`).
    map: Vec<u32>,
    /// Byte offset where each line starts in `text`; line `n` (1-based) starts at `line_starts[n - 1]`.
    line_starts: Vec<usize>,
    /// The main heading the file marks as such (an HTML page's first `<h1>`
    /// or `<title>`), normalized; `None` for formats without one.
    heading: Option<String>,
}

impl Document {
    /// Loads a file; the extension gives the format (see [`crate::load`]).
    ///
    /// Errors: every [`LoadError`] variant, as named there.
    pub fn load(path: &Path) -> Result<Document, LoadError> {
        crate::load::load(&Source::Path(path.to_path_buf()))
    }

    /// A document from text already in memory; `None` if it is blank.
    pub fn from_text(path: &Path, raw: &str) -> Option<Document> {
        let normalized = normalize(raw);
        if normalized.text.trim().is_empty() {
            return None;
        }
        let text = normalized.text;
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        let original = raw.to_string();
        Some(Document { path: path.to_path_buf(), original, text, map: normalized.map, line_starts, heading: None })
    }

    /// The document with the main heading its file marks (see [`Document::title`]).
    pub fn with_heading(mut self, heading: Option<String>) -> Document {
        self.heading = heading.map(|h| normalize(&h).text).filter(|h| !h.trim().is_empty());
        self
    }

    /// A résumé's name, a job post's title, at most 200 characters: the main
    /// heading the file marks (an HTML page's first `<h1>`, else its
    /// `<title>`; a DOCX body's first line), else the first non-empty line
    /// without Markdown marks; a section heading (`Curriculum Vitae`, `About
    /// the job`) is passed over while a line that is none follows.
    pub fn title(&self) -> &str {
        let lines = || self.lines().map(|(_, l)| l.trim_matches(['#', '*', ' ', '_'])).filter(|l| !l.is_empty());
        let not_heading = |l: &&str| crate::sections::heading(l).is_none();
        let line = self
            .heading
            .as_deref()
            .filter(not_heading)
            .or_else(|| lines().find(not_heading))
            .or(self.heading.as_deref())
            .or_else(|| lines().next())
            .unwrap_or("");
        line.char_indices().nth(200).map_or(line, |(i, _)| &line[..i])
    }

    /// Original text of 1-based line `n` (without its line end), or `""` past the end.
    pub fn original_line(&self, n: usize) -> &str {
        let Some(&start) = self.line_starts.get(n.wrapping_sub(1)) else { return "" };
        let end = self.line_starts.get(n).map_or(self.text.len(), |&e| e - 1);
        let (start, end) = (self.map[start] as usize, self.map[end] as usize);
        self.original[start..end].trim_end_matches('\r')
    }

    /// The byte offset in original line `n` of byte `offset` of normalized line `n`.
    pub fn original_offset(&self, n: usize, offset: usize) -> usize {
        let Some(&start) = self.line_starts.get(n.wrapping_sub(1)) else { return offset };
        (self.map[start + offset] - self.map[start]) as usize
    }

    /// Lines as `(1-based line number, text without the line end)`.
    pub fn lines(&self) -> impl Iterator<Item = (usize, &str)> {
        (1..=self.line_starts.len()).map(|n| (n, self.line(n)))
    }

    /// The byte offset in the normalized text where 1-based line `n`
    /// starts; the text's length past the end.
    pub fn line_start(&self, n: usize) -> usize {
        self.line_starts.get(n.wrapping_sub(1)).copied().unwrap_or(self.text.len())
    }

    /// The 1-based line holding byte `offset` of the normalized text.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }

    /// Text of 1-based line `n`, or `""` past the end.
    pub fn line(&self, n: usize) -> &str {
        let Some(&start) = self.line_starts.get(n.wrapping_sub(1)) else { return "" };
        let end = self.line_starts.get(n).map_or(self.text.len(), |&e| e - 1);
        &self.text[start..end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(text: &str) -> String {
        Document::from_text(Path::new("t.txt"), text).unwrap().title().to_string()
    }

    #[test]
    fn title_passes_over_document_labels_and_headings() {
        assert_eq!(title("Curriculum Vitae\n\nJane Doe\nEngineer"), "Jane Doe");
        assert_eq!(title("# Résumé\n**Jane Doe**"), "Jane Doe");
        assert_eq!(title("About the job\nSenior Rust Engineer\nWe build"), "Senior Rust Engineer");
        assert_eq!(title("## Senior Rust Engineer\nRequirements"), "Senior Rust Engineer");
        assert_eq!(title("Experience\nSkills"), "Experience", "all headings: the first line");
    }
}
