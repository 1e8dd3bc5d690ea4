//! Parse quality: signs that text extraction went wrong (replacement
//! characters and glyph soup, one word per line, interleaved columns, very
//! little text), the failures that break real ATS parsers too.

use std::fmt;

use crate::document::Document;

/// Share of unusual characters above which text looks garbled.
const GARBLED_SHARE: f64 = 0.02;
/// Share of one-word lines above which text looks broken into words.
const ONE_WORD_SHARE: f64 = 0.5;
/// Share of lines with wide inner gaps above which columns look interleaved.
const COLUMN_GAP_SHARE: f64 = 0.25;
/// Fewer words than this is suspiciously little for a résumé or job post.
const MIN_WORDS: usize = 40;
/// Line statistics need at least this many non-empty lines.
const MIN_LINES: usize = 12;
/// Spaces inside a line that suggest two columns side by side.
const COLUMN_GAP: &str = "    ";

/// Measurements of one document's text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quality {
    /// Characters, excluding white space.
    pub chars: usize,
    /// Words (white-space separated, with a letter or digit).
    pub words: usize,
    /// Non-empty lines.
    pub lines: usize,
    /// Share of characters that are replacement, private-use or control
    /// characters, or part of `(cid:N)` glyph codes, 0..=1.
    pub unusual_share: f64,
    /// Share of non-empty lines holding exactly one word, 0..=1.
    pub one_word_share: f64,
    /// Share of non-empty lines with a gap of four or more spaces between words, 0..=1.
    pub column_gap_share: f64,
}

/// A reason to doubt the extracted text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Warning {
    /// Many unusual characters: a font without a text mapping, or a wrong encoding.
    Garbled {
        /// [`Quality::unusual_share`].
        share: f64,
    },
    /// Most lines hold one word: often a multi-column or table layout read cell by cell.
    OneWordPerLine {
        /// [`Quality::one_word_share`].
        share: f64,
    },
    /// Many lines have wide gaps: two columns read side by side, interleaved.
    Columns {
        /// [`Quality::column_gap_share`].
        share: f64,
    },
    /// Very little text.
    LittleText {
        /// [`Quality::words`].
        words: usize,
    },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pct = |s: f64| (s * 100.0).round();
        match *self {
            Warning::Garbled { share } => write!(
                f,
                "{}% of the characters are unreadable glyphs; the text may be garbled (check the font embedding or export again)",
                pct(share)
            ),
            Warning::OneWordPerLine { share } => write!(
                f,
                "{}% of the lines hold a single word; a multi-column or table layout may have been read cell by cell",
                pct(share)
            ),
            Warning::Columns { share } => write!(
                f,
                "{}% of the lines have wide gaps; two columns may have been read side by side and interleaved",
                pct(share)
            ),
            Warning::LittleText { words: 1 } => write!(f, "only 1 word of text was extracted"),
            Warning::LittleText { words } => write!(f, "only {words} words of text were extracted"),
        }
    }
}

impl Quality {
    /// Measures the normalized text of `doc`.
    pub fn assess(doc: &Document) -> Quality {
        let text = &doc.text;
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        let unusual = text.chars().filter(|&c| is_unusual(c)).count() + text.matches("(cid:").count() * 8;
        let words = text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
        let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        let share = |n: usize, of: usize| if of == 0 { 0.0 } else { n as f64 / of as f64 };
        Quality {
            chars,
            words,
            lines: lines.len(),
            unusual_share: share(unusual, chars).min(1.0),
            one_word_share: share(lines.iter().filter(|l| l.split_whitespace().count() == 1).count(), lines.len()),
            column_gap_share: share(lines.iter().filter(|l| l.contains(COLUMN_GAP)).count(), lines.len()),
        }
    }

    /// The warnings these measurements call for, most serious first.
    pub fn warnings(&self) -> Vec<Warning> {
        let mut out = Vec::new();
        if self.unusual_share > GARBLED_SHARE {
            out.push(Warning::Garbled { share: self.unusual_share });
        }
        if self.lines >= MIN_LINES && self.one_word_share > ONE_WORD_SHARE {
            out.push(Warning::OneWordPerLine { share: self.one_word_share });
        }
        if self.lines >= MIN_LINES && self.column_gap_share > COLUMN_GAP_SHARE {
            out.push(Warning::Columns { share: self.column_gap_share });
        }
        if self.words < MIN_WORDS {
            out.push(Warning::LittleText { words: self.words });
        }
        out
    }
}

fn is_unusual(c: char) -> bool {
    c == '\u{FFFD}' || ('\u{E000}'..='\u{F8FF}').contains(&c) || (c.is_control() && c != '\n' && c != '\t')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warnings(text: &str) -> Vec<Warning> {
        Quality::assess(&Document::from_text("t.txt".as_ref(), text).unwrap()).warnings()
    }

    #[test]
    fn clean_text_has_no_warning() {
        let text = "Senior engineer building distributed systems in Rust and Go for ten years.\n".repeat(15);
        assert_eq!(warnings(&text), []);
    }

    #[test]
    fn flags_garbled_split_and_columns() {
        assert!(matches!(warnings(&"\u{FFFD}\u{FFFD} ab cd ef\n".repeat(20))[0], Warning::Garbled { .. }));
        assert!(matches!(warnings(&"word\n".repeat(60))[0], Warning::OneWordPerLine { .. }));
        let columns = "Experience at Acme Corp        Skills: Rust, Go and C\n".repeat(20);
        assert!(matches!(warnings(&columns)[0], Warning::Columns { .. }));
        assert_eq!(warnings("Rust and Go"), [Warning::LittleText { words: 3 }]);
        assert_eq!(Warning::LittleText { words: 1 }.to_string(), "only 1 word of text was extracted");
    }
}
