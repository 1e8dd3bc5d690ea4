//! Text normalization applied to every loaded document: Unicode NFKC per
//! character (ligatures such as `ﬁ`, full-width forms, no-break spaces),
//! typographic quotes to ASCII, invisible characters removed, Markdown
//! backslash escapes (`io\_uring`) undone, tabs to spaces, `\n` line ends,
//! and letter-spaced lines, as design templates set headings and PDFs give
//! them back (`E X P E R I E N C E`), joined into words.
//! A byte map leads every normalized offset back to the original text.

use unicode_normalization::UnicodeNormalization;

/// Normalized text and its map back to the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The normalized text; it has the same lines as the original.
    pub text: String,
    /// `map[i]` is the byte offset in the original text of normalized byte
    /// `i`; `map[text.len()]` is the original length. Length `text.len() + 1`.
    pub map: Vec<u32>,
}

/// Normalizes `text` as described in the module docs. Offsets are `u32`, so
/// text must be under 4 GiB (documents are limited far below that).
pub fn normalize(text: &str) -> Normalized {
    let mut out = Normalized { text: String::with_capacity(text.len()), map: Vec::with_capacity(text.len() + 1) };
    let mut at = 0;
    while at < text.len() {
        let plain = plain_run(&text.as_bytes()[at..]);
        out.push_run(&text[at..at + plain], at);
        at += plain;
        let Some(c) = text[at..].chars().next() else { break };
        let next = text[at + c.len_utf8()..].chars().next();
        out.push_char(c, next, at);
        at += c.len_utf8();
    }
    out.map.push(text.len() as u32);
    if out.text.split('\n').any(letter_spaced) {
        out = out.join_letter_spacing();
    }
    out
}

/// `text` with every run of whitespace made one space, trimmed.
pub fn squeeze_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Fewest letters of a letter-spaced line.
const MIN_SPACED_LETTERS: usize = 4;

/// Whether `line` is letter-spaced: single letters (or `&`) apart by one
/// space, words apart by more, at least [`MIN_SPACED_LETTERS`] letters.
fn letter_spaced(line: &str) -> bool {
    let text = line.trim_start_matches(' ');
    let second = match text.as_bytes().first() {
        Some(b) if b.is_ascii_alphabetic() || *b == b'&' => 1,
        Some(b) if !b.is_ascii() => text.chars().next().map_or(0, char::len_utf8),
        _ => return false,
    };
    if text.as_bytes().get(second) != Some(&b' ') {
        return false;
    }
    let text = text.trim();
    let mut letters = 0;
    for token in text.split(' ').filter(|t| !t.is_empty()) {
        let mut chars = token.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_alphabetic() || c == '&' => letters += 1,
            _ => return false,
        }
    }
    letters >= MIN_SPACED_LETTERS
}

/// The length of the leading run of ASCII bytes that normalization keeps as
/// they are: all but non-ASCII bytes, `\\`, `\r` and `\t`; eight bytes a step.
fn plain_run(bytes: &[u8]) -> usize {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // High bit of each byte equal to `b`, exact up to the first such byte.
    let equal = |x: u64, b: u8| {
        let v = x ^ (LOW * u64::from(b));
        v.wrapping_sub(LOW) & !v & HIGH
    };
    let mut chunks = bytes.chunks_exact(8);
    for (i, chunk) in chunks.by_ref().enumerate() {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let stop = (x & HIGH) | equal(x, b'\\') | equal(x, b'\r') | equal(x, b'\t');
        if stop != 0 {
            return i * 8 + stop.trailing_zeros() as usize / 8;
        }
    }
    let done = bytes.len() - chunks.remainder().len();
    let tail = chunks.remainder().iter().position(|&b| !b.is_ascii() || matches!(b, b'\\' | b'\r' | b'\t'));
    tail.map_or(bytes.len(), |p| done + p)
}

impl Normalized {
    /// Appends the normalization of `c`, at original byte `at`, followed by `next`.
    fn push_char(&mut self, c: char, next: Option<char>, at: usize) {
        let escaped_punct = c == '\\' && next.is_some_and(|n| n.is_ascii_punctuation());
        match c {
            _ if escaped_punct => {}
            '\r' | '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => self.push('\'', at),
            '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => self.push('"', at),
            '\t' => self.push(' ', at),
            _ if c.is_ascii() => self.push(c, at),
            _ => std::iter::once(c).nfkc().for_each(|n| self.push(n, at)),
        }
    }

    /// Appends `run`, kept as it is, which starts at original byte `at`.
    fn push_run(&mut self, run: &str, at: usize) {
        self.text.push_str(run);
        self.map.extend(at as u32..(at + run.len()) as u32);
    }

    /// The text with each [`letter_spaced`] line's letters joined: one
    /// space dropped, a longer run of spaces kept as one (a word gap), as is
    /// one around `&`.
    fn join_letter_spacing(self) -> Normalized {
        let mut out =
            Normalized { text: String::with_capacity(self.text.len()), map: Vec::with_capacity(self.map.len()) };
        let mut at = 0;
        for line in self.text.split_inclusive('\n') {
            if !letter_spaced(line) {
                out.text.push_str(line);
                out.map.extend_from_slice(&self.map[at..at + line.len()]);
                at += line.len();
                continue;
            }
            let mut spaces = 0;
            for (i, c) in line.char_indices() {
                if c == ' ' {
                    spaces += 1;
                    continue;
                }
                let apart = c == '&' || out.text.ends_with(['&', '\n']);
                if spaces > 1 || (spaces == 1 && apart) {
                    out.text.push(' ');
                    out.map.push(self.map[at + i - spaces]);
                }
                spaces = 0;
                out.text.push(c);
                out.map.extend_from_slice(&self.map[at + i..at + i + c.len_utf8()]);
            }
            at += line.len();
        }
        out.map.push(self.map[at]);
        out
    }

    fn push(&mut self, c: char, original_at: usize) {
        self.text.push(c);
        self.map.extend(std::iter::repeat_n(original_at as u32, c.len_utf8()));
    }
}

#[cfg(test)]
mod tests {
    use super::{normalize, plain_run};

    #[test]
    fn plain_runs_stop_at_the_first_byte_normalization_changes() {
        for stop in ["\\", "\r", "\t", "é", "\u{2019}"] {
            for len in 0..20 {
                let text = format!("{}{stop}a\tb", "x".repeat(len));
                assert_eq!(plain_run(text.as_bytes()), len, "{text:?}");
            }
        }
        assert_eq!(plain_run(b"plain ASCII text, all kept (30)"), 31);
        assert_eq!(plain_run(b""), 0);
    }

    #[test]
    fn folds_ligatures_quotes_and_escapes() {
        assert_eq!(normalize("e\u{FB03}cient").text, "efficient");
        assert_eq!(normalize("\u{201C}io\\_uring\u{201D} \\$25M").text, "\"io_uring\" $25M");
        assert_eq!(normalize("a\r\nb\\n").text, "a\nb\\n");
        assert_eq!(normalize("soft\u{00AD}ware").text, "software");
    }

    #[test]
    fn letter_spaced_lines_are_words() {
        let n =
            normalize("Jane\n  P R O F E S S I O N A L   E X P E R I E N C E\nS K I L L S &  T O O L S\nA B C\nC R Go");
        assert_eq!(n.text, "Jane\n PROFESSIONAL EXPERIENCE\nSKILLS & TOOLS\nA B C\nC R Go");
        let original = "Jane\n  P R O F E S S I O N A L   E X P E R I E N C E";
        let at = n.text.find("EXPERIENCE").unwrap();
        assert_eq!(&original[n.map[at] as usize..], "E X P E R I E N C E");
        assert_eq!(n.map.len(), n.text.len() + 1);
        assert_eq!(n.map[n.text.find("SKILLS").unwrap()] as usize, original.len() + 1);
    }

    #[test]
    fn map_leads_back_to_the_original() {
        let original = "io\\_uring\u{00A0}Rust";
        let n = normalize(original);
        assert_eq!(n.text, "io_uring Rust");
        let rust = n.text.find("Rust").unwrap();
        assert_eq!(&original[n.map[rust] as usize..n.map[n.text.len()] as usize], "Rust");
        assert_eq!(n.map[2], 3, "the `_` maps to itself, after the dropped escape");
        assert_eq!(&original[n.map[0] as usize..n.map[8] as usize], "io\\_uring");
    }
}
