//! Word-level tokenizer shared by the lexicon and the matcher: words keep the
//! symbols of technical names (`C++`, `C#`, `.NET`, `Node.js`, `R&D`), other
//! punctuation becomes one-character tokens, hyphens split words.

use crate::fingerprint::{HIGH_BITS, ONES, bytes_in_range, load_le, zero_bytes};

/// One token of a line: `start..end` are UTF-8 byte offsets into the line,
/// end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte, inclusive.
    pub start: usize,
    /// Byte offset after the last byte, exclusive.
    pub end: usize,
    /// A word (letters, digits, `_` and the symbols of technical names), not punctuation.
    pub is_word: bool,
    /// Joined to the previous token by a hyphen (`x86-64`, `Python-based`).
    pub hyphen_before: bool,
    /// Joined to the next token by a hyphen.
    pub hyphen_after: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The character at byte `i` and its length in bytes; ASCII without decoding.
fn char_len_at(line: &str, i: usize) -> (char, usize) {
    match line.as_bytes()[i] {
        b if b.is_ascii() => (b as char, 1),
        _ => {
            let c = char_at(line, i);
            (c, c.len_utf8())
        }
    }
}

/// Length in bytes of the word character at byte `i`, or `None`.
fn word_char_len(line: &str, i: usize) -> Option<usize> {
    match line.as_bytes().get(i)? {
        b if b.is_ascii() => is_word_byte(*b).then_some(1),
        _ => Some(char_at(line, i)).filter(|&c| is_word_char(c)).map(char::len_utf8),
    }
}

/// Splits `line` into tokens, in order. Whitespace and hyphens between words
/// are not tokens; every other non-word character is a token of its own.
pub fn tokenize(line: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(line.len() / 5 + 1);
    tokenize_into(line, &mut tokens);
    tokens
}

/// Like [`tokenize`], reusing `out` (cleared first) to avoid allocation.
pub fn tokenize_into(line: &str, out: &mut Vec<Token>) {
    out.clear();
    if line.is_ascii() {
        tokenize_ascii(line.as_bytes(), out);
    } else {
        tokenize_unicode(line, out);
    }
}

/// ASCII letters, digits and `_`, as a table (the tokenizer's hottest test).
static WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    table
};

fn is_word_byte(b: u8) -> bool {
    WORD_BYTES[usize::from(b)]
}

/// [`tokenize_into`] for an ASCII line, byte by byte (the same tokens).
fn tokenize_ascii(b: &[u8], out: &mut Vec<Token>) {
    let word_at = |i: usize| i < b.len() && is_word_byte(b[i]);
    let mut i = 0;
    let mut hyphen_pending = false;
    while i < b.len() {
        let c = b[i];
        let dot_word =
            c == b'.' && (i == 0 || !is_word_byte(b[i - 1])) && b.get(i + 1).is_some_and(u8::is_ascii_alphabetic);
        if is_word_byte(c) || dot_word {
            let end = ascii_word_end(b, i + 1);
            push_word(out, i, end, hyphen_pending);
            hyphen_pending = false;
            i = end;
            continue;
        }
        match c {
            b' ' | b'\t'..=b'\r' => hyphen_pending = false,
            b'-' if follows_word(out, i) && word_at(i + 1) => hyphen_pending = true,
            _ => {
                hyphen_pending = false;
                push_mark(out, i, i + 1);
            }
        }
        i += 1;
    }
}

/// Pushes the word `start..end`, joined to the previous word when a hyphen
/// came between them (`hyphen_pending`).
fn push_word(out: &mut Vec<Token>, start: usize, end: usize, hyphen_pending: bool) {
    let joined = hyphen_pending && out.last().is_some_and(|t| t.is_word);
    if joined && let Some(prev) = out.last_mut() {
        prev.hyphen_after = true;
    }
    out.push(Token { start, end, is_word: true, hyphen_before: joined, hyphen_after: false });
}

/// Pushes the punctuation mark `start..end`.
fn push_mark(out: &mut Vec<Token>, start: usize, end: usize) {
    out.push(Token { start, end, is_word: false, hyphen_before: false, hyphen_after: false });
}

/// [`word_end`] for ASCII, from the byte after the word's first.
fn ascii_word_end(b: &[u8], mut i: usize) -> usize {
    let word_at = |i: usize| i < b.len() && is_word_byte(b[i]);
    loop {
        i = word_run_end(b, i);
        if i < b.len() && (b[i] == b'.' || b[i] == b'&') && word_at(i + 1) {
            i += 1;
            continue;
        }
        break;
    }
    let j = symbol_run_end(b, i);
    if j > i && !word_at(j) { j } else { i }
}

/// The end of the run of word bytes (ASCII letters, digits, `_`) of ASCII
/// `b` from byte `i`: eight bytes at a time, so that a word's end costs one
/// branch rather than one a byte.
fn word_run_end(b: &[u8], mut i: usize) -> usize {
    loop {
        let chunk = match b.get(i..i + 8) {
            Some(eight) => u64::from_le_bytes(eight.try_into().expect("eight bytes")),
            None => load_le(b.get(i..).unwrap_or_default()),
        };
        let others = !word_bytes(chunk) & HIGH_BITS;
        if others != 0 {
            return i + (others.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
}

/// The high bit of each byte of ASCII `x` that is a letter, a digit or `_`.
fn word_bytes(x: u64) -> u64 {
    let letters = bytes_in_range(x | (ONES * 0x20), b'a', b'z');
    letters | bytes_in_range(x, b'0', b'9') | zero_bytes(x ^ (ONES * u64::from(b'_')))
}

/// [`tokenize_into`] for any line, character by character.
fn tokenize_unicode(line: &str, out: &mut Vec<Token>) {
    let mut i = 0;
    let mut hyphen_pending = false;
    while i < line.len() {
        let (c, len) = char_len_at(line, i);
        if c.is_whitespace() {
            hyphen_pending = false;
            i += len;
        } else if word_char_len(line, i).is_some() || starts_dot_word(line, i) {
            let end = word_end(line, i, len);
            push_word(out, i, end, hyphen_pending);
            hyphen_pending = false;
            i = end;
        } else if is_hyphen(c) && follows_word(out, i) && next_is_word(line, i + len) {
            hyphen_pending = true;
            i += len;
        } else {
            hyphen_pending = false;
            push_mark(out, i, i + len);
            i += len;
        }
    }
}

fn char_at(s: &str, i: usize) -> char {
    s[i..].chars().next().unwrap_or(' ')
}

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '\u{2010}' || c == '\u{2011}'
}

fn follows_word(out: &[Token], i: usize) -> bool {
    out.last().is_some_and(|t| t.is_word && t.end == i)
}

fn next_is_word(line: &str, i: usize) -> bool {
    word_char_len(line, i).is_some()
}

/// `.NET`, `.js`: a dot that starts a word when it is not preceded by a word character.
fn starts_dot_word(line: &str, i: usize) -> bool {
    let bytes = line.as_bytes();
    bytes[i] == b'.'
        && (i == 0 || !is_word_char(line[..i].chars().next_back().unwrap_or(' ')))
        && i + 1 < bytes.len()
        && char_at(line, i + 1).is_alphabetic()
}

/// End of the word whose first character (`first_len` bytes) starts at
/// `start`: word characters, inner `.` and `&` between word characters, and
/// a trailing run of `+` or a trailing `#`.
fn word_end(line: &str, start: usize, first_len: usize) -> usize {
    let bytes = line.as_bytes();
    let mut i = start + first_len;
    loop {
        while let Some(len) = word_char_len(line, i) {
            i += len;
        }
        let joiner = i < bytes.len() && (bytes[i] == b'.' || bytes[i] == b'&');
        if joiner && next_is_word(line, i + 1) {
            i += 1;
            continue;
        }
        break;
    }
    symbol_suffix_end(line, i)
}

/// `C++`, `Notepad++`, `C#`, `F#`: symbols that end a name when no word character follows.
fn symbol_suffix_end(line: &str, i: usize) -> usize {
    let j = symbol_run_end(line.as_bytes(), i);
    if j > i && !next_is_word(line, j) { j } else { i }
}

/// End of the run of name symbols at byte `i`: one `#`, or any number of `+`.
fn symbol_run_end(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i) {
        Some(b'#') => i + 1,
        _ => i + bytes[i.min(bytes.len())..].iter().take_while(|&&b| b == b'+').count(),
    }
}

/// The matching key of a word: lowercase, with inner dots removed so that
/// `Node.js`, `NodeJS` and `nodejs` agree. Writes into `out` (cleared first).
pub fn word_key(word: &str, out: &mut String) {
    out.clear();
    push_word_key(word, out);
}

/// Appends the [`word_key`] of `word` to `out`.
fn push_word_key(word: &str, out: &mut String) {
    if crate::fingerprint::plain_ascii(word) {
        let from = out.len();
        out.push_str(word);
        out[from..].make_ascii_lowercase();
        return;
    }
    let mut chars = word.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '.' && i > 0 && chars.peek().is_some() {
            continue;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// The matching key of a phrase: the keys of its tokens joined by single spaces.
/// Used to compare aliases: `real-time` and `Real Time` give `real time`.
pub fn phrase_key(phrase: &str) -> String {
    let mut key = String::with_capacity(phrase.len() + 1);
    for token in tokenize(phrase) {
        if !key.is_empty() {
            key.push(' ');
        }
        push_word_key(&phrase[token.start..token.end], &mut key);
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<&str> {
        tokenize(line).into_iter().map(|t| &line[t.start..t.end]).collect()
    }

    #[test]
    fn keeps_symbols_of_technical_names() {
        assert_eq!(words("C++, C# and .NET"), ["C++", ",", "C#", "and", ".NET"]);
        assert_eq!(words("Node.js/ASP.NET"), ["Node.js", "/", "ASP.NET"]);
        assert_eq!(words("CI/CD R&D"), ["CI", "/", "CD", "R&D"]);
    }

    #[test]
    fn sentence_dots_are_punctuation() {
        assert_eq!(words("I use Python."), ["I", "use", "Python", "."]);
        assert_eq!(words("e.g. Rust"), ["e.g", ".", "Rust"]);
    }

    #[test]
    fn hyphens_split_and_mark_words() {
        let line = "x86-64 and Go-to-market - done";
        let toks = tokenize(line);
        assert_eq!(words(line), ["x86", "64", "and", "Go", "to", "market", "-", "done"]);
        assert!(toks[0].hyphen_after && toks[1].hyphen_before);
        assert!(!toks[2].hyphen_before && !toks[2].hyphen_after);
        assert!(toks[3].hyphen_after && !toks[7].hyphen_before);
    }

    #[test]
    fn plus_and_hash_only_end_a_name() {
        assert_eq!(words("C+D C++17"), ["C", "+", "D", "C", "+", "+", "17"]);
        assert_eq!(words("#rust C#"), ["#", "rust", "C#"]);
    }

    #[test]
    fn ascii_path_gives_the_same_tokens() {
        let lines = [
            "C++, C# and .NET; Node.js/ASP.NET (R&D) x86-64 Go-to-market - done -x y-",
            ".net .5 a.b. ...js C+D C++17 #rust C# F#x e.g. U.S._ok a&&b a.&b",
            "\ttabs\x0bvertical\x0cform\rreturn  end-  -start --double",
        ];
        for line in lines {
            let mut unicode = Vec::new();
            tokenize_unicode(line, &mut unicode);
            assert_eq!(tokenize(line), unicode, "{line:?}");
        }
    }

    #[test]
    fn word_runs_end_where_byte_by_byte_scans_end() {
        let all: Vec<u8> = (0u8..128).collect();
        let texts = [&all[..], b"abc_XYZ09-def ghijklmnopqrstu@v[w`x{y/z:0", b"", b"a", b"longwordofmorethan8"];
        for b in texts {
            for i in 0..=b.len() {
                let slow = i + b[i..].iter().take_while(|&&c| is_word_byte(c)).count();
                assert_eq!(word_run_end(b, i), slow, "{:?} from {i}", String::from_utf8_lossy(b));
            }
        }
    }

    #[test]
    fn offsets_are_utf8_bytes() {
        let line = "Résumé: Rust";
        let toks = tokenize(line);
        assert_eq!((toks[0].start, toks[0].end), (0, 8));
        assert_eq!(&line[toks[2].start..toks[2].end], "Rust");
    }

    #[test]
    fn keys_fold_case_and_inner_dots() {
        assert_eq!(phrase_key("Node.js"), "nodejs");
        assert_eq!(phrase_key("NodeJS"), "nodejs");
        assert_eq!(phrase_key(".NET"), ".net");
        assert_eq!(phrase_key("Real-Time  systems"), "real time systems");
    }
}
