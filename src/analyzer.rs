//! The English analyzer of keyword search and of the index's text fields:
//! words, lowercase, English stop words out, English stems, in one pass over
//! the text with a cache of each word's stem. It gives exactly the tokens of
//! tantivy's `SimpleTokenizer` → `RemoveLongFilter(40)` → `LowerCaser` →
//! `StopWordFilter(English)` → `Stemmer(English)` chain (a test compares
//! them) in one pass, without hashing a string per token: job posts and
//! résumés repeat their vocabulary, and stemming dominated indexing.
//! A text indexed in bulk is analyzed once ([`StemmedText`]): its words'
//! stems serve the keyword count, and the index replays them.

use std::cell::RefCell;

use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer, Token, TokenStream,
    Tokenizer,
};

use crate::fingerprint::{PrintTable, ascii_fingerprint, key_fingerprint, word_fingerprint};

/// Words of this many bytes or more are not indexed (tantivy's `RemoveLongFilter`).
pub const MAX_WORD_BYTES: usize = 40;
/// Most words one cache remembers before it starts over.
const CACHE_WORDS: usize = 50_000;

/// The stems of words, remembered by the 64-bit fingerprint of their
/// lowercase form (one-to-one for words of up to 8 bytes; a false hit for a
/// longer word needs two words with the same fingerprint, odds about 1 in
/// 10^10 for a full cache). A word's slot holds its stem's fingerprint and,
/// when short, its text, so that a lookup touches one cache line.
#[derive(Clone)]
pub struct Stems {
    /// Fingerprint of the lowercase word → its stem.
    table: PrintTable<StemSlot>,
    /// The texts of stems too long for their slot.
    texts: String,
    /// The tantivy chain, run once per new word.
    chain: TextAnalyzer,
    scratch: String,
}

/// A remembered word's stem (32 bytes with its key in the table).
#[derive(Debug, Clone, Copy, Default)]
struct StemSlot {
    /// The [`stem_fingerprint`] of the stem; [`STOP`] for a stop word.
    print: u64,
    /// The stem's length in bytes, or [`LONG`] when `bytes` holds its
    /// range in [`Stems::texts`] (start and end, `u32` little-endian).
    len: u8,
    bytes: [u8; INLINE],
}

/// Longest stem kept in its slot.
const INLINE: usize = 15;
/// [`StemSlot::len`] of a stem kept in [`Stems::texts`].
const LONG: u8 = u8::MAX;

impl StemSlot {
    /// The slot of `stem` (`None`: a stop word), its text stored in `texts` when long.
    fn new(stem: Option<&str>, texts: &mut String) -> StemSlot {
        let Some(stem) = stem else { return StemSlot::default() };
        let mut slot = StemSlot { print: stem_fingerprint(stem), ..StemSlot::default() };
        if stem.len() <= INLINE {
            slot.len = stem.len() as u8;
            slot.bytes[..stem.len()].copy_from_slice(stem.as_bytes());
        } else {
            slot.len = LONG;
            slot.bytes[..4].copy_from_slice(&(texts.len() as u32).to_le_bytes());
            texts.push_str(stem);
            slot.bytes[4..8].copy_from_slice(&(texts.len() as u32).to_le_bytes());
        }
        slot
    }

    /// The stem's text ("" for a stop word).
    fn text<'a>(&'a self, texts: &'a str) -> &'a str {
        std::str::from_utf8(self.bytes(texts)).expect("a whole stem")
    }

    /// The stem's UTF-8 bytes (none for a stop word).
    fn bytes<'a>(&'a self, texts: &'a str) -> &'a [u8] {
        if self.len == LONG {
            let at = |i: usize| u32::from_le_bytes(self.bytes[i..i + 4].try_into().expect("4 bytes")) as usize;
            &texts.as_bytes()[at(0)..at(4)]
        } else {
            &self.bytes[..usize::from(self.len)]
        }
    }
}

/// The [`StemSlot::print`] of a stop word ([`stem_fingerprint`] is never 0).
const STOP: u64 = 0;

/// How a [`StemmedText::body`] starts: the English tokenizer replays the
/// stems of a text that starts so, followed by a space, instead of analyzing
/// it. Loaded text seldom starts with two NULs; a title that did, and went on
/// with a space, would have its words read as stems (never a panic: slots
/// are cut at spaces).
const ANALYZED: &str = "\0\0";

/// A word of a text and its stem, as [`StemmedText::of`] finds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StemmedWord {
    /// Byte offset of the word in the text.
    pub start: u32,
    /// Byte offset after the word, exclusive.
    pub end: u32,
    /// The [`stem_fingerprint`] of its stem; 0 for an English stop word or a
    /// word of [`MAX_WORD_BYTES`] or more.
    pub print: u64,
}

/// A text analyzed once: every word ([`next_word`]) with its stem, and the
/// stems in the form the index's English tokenizer replays.
#[derive(Debug, Clone, Default)]
pub struct StemmedText {
    /// The words, in order.
    pub words: Vec<StemmedWord>,
    /// [`ANALYZED`], then per word a space and its stem (nothing after the
    /// space for a word without one): the tokens and positions the English
    /// tokenizer gives the text, without analyzing it again.
    pub body: String,
}

impl StemmedText {
    /// The words and stems of `text` (at most 4 GiB), with this thread's stem cache.
    pub fn of(text: &str) -> StemmedText {
        let mut body = Vec::with_capacity(text.len() + ANALYZED.len());
        body.extend_from_slice(ANALYZED.as_bytes());
        let words = with_stems(|stems| stems.stem_text(text, Some(&mut body)));
        // Validated once here rather than stem by stem: every stem came from a `str`.
        let body = String::from_utf8(body).expect("stems cut from text at character boundaries");
        StemmedText { words, body }
    }

    /// [`StemmedText::words`] of `text` alone, without building the body
    /// (for a post that is scored, not indexed).
    pub fn words_of(text: &str) -> Vec<StemmedWord> {
        with_stems(|stems| stems.stem_text(text, None))
    }
}

/// Runs `f` with this thread's stem cache (one a thread, kept between calls).
pub fn with_stems<R>(f: impl FnOnce(&mut Stems) -> R) -> R {
    thread_local! {
        static STEMS: RefCell<Stems> = RefCell::new(Stems::default());
    }
    STEMS.with_borrow_mut(f)
}

/// The 64-bit fingerprint of a stem (as of any word key; one-to-one up to 8
/// bytes; never 0).
pub fn stem_fingerprint(stem: &str) -> u64 {
    key_fingerprint(stem)
}

impl Default for Stems {
    fn default() -> Stems {
        let stop_words = StopWordFilter::new(Language::English).expect("tantivy ships English stop words");
        let chain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(MAX_WORD_BYTES))
            .filter(LowerCaser)
            .filter(stop_words)
            .filter(Stemmer::new(Language::English))
            .build();
        Stems { table: PrintTable::with_capacity(1024), texts: String::new(), chain, scratch: String::new() }
    }
}

impl Stems {
    /// The stem of `word`, a run of alphanumeric characters as [`next_word`]
    /// finds them; `None` for an English stop word or a word of
    /// [`MAX_WORD_BYTES`] bytes or more.
    pub fn stem(&mut self, word: &str) -> Option<&str> {
        let at = self.slot(word)?;
        let slot = self.table.at(at);
        (slot.print != STOP).then(|| slot.text(&self.texts))
    }

    /// The [`stem_fingerprint`] of the stem of `word`; `None` as for [`Stems::stem`].
    pub fn stem_print(&mut self, word: &str) -> Option<u64> {
        let at = self.slot(word)?;
        let print = self.table.at(at).print;
        (print != STOP).then_some(print)
    }

    /// The words of `text` with their stems (see [`StemmedText`]), each
    /// word's slot appended to `body` when given.
    fn stem_text(&mut self, text: &str, mut body: Option<&mut Vec<u8>>) -> Vec<StemmedWord> {
        let mut words = Vec::with_capacity(text.len() / 6);
        let mut at = 0;
        while let Some((start, end)) = next_word(text, at) {
            at = end;
            let slot = self.slot(&text[start..end]).map_or_else(StemSlot::default, |at| *self.table.at(at));
            if let Some(body) = body.as_deref_mut() {
                body.push(b' ');
                body.extend_from_slice(slot.bytes(&self.texts));
            }
            words.push(StemmedWord { start: start as u32, end: end as u32, print: slot.print });
        }
        words
    }

    /// Where the table holds the stem of `word` ([`PrintTable::at`]),
    /// stemming it when new; `None` for a word too long to index.
    fn slot(&mut self, word: &str) -> Option<usize> {
        if word.len() >= MAX_WORD_BYTES {
            return None;
        }
        let print = if word.is_ascii() {
            ascii_fingerprint(word.as_bytes())
        } else {
            word_fingerprint(word, &mut self.scratch)
        };
        if let Some(at) = self.table.position(print, |_| true) {
            return Some(at);
        }
        if self.table.len() >= CACHE_WORDS {
            self.table.clear();
            self.texts.clear();
        }
        let mut stream = self.chain.token_stream(word);
        let stem = stream.advance().then(|| stream.token().text.as_str());
        let slot = StemSlot::new(stem, &mut self.texts);
        Some(self.table.insert(print, slot))
    }
}

/// The next word of `text` at or after byte `from`: the byte range of a
/// maximal run of alphanumeric characters (Unicode `Alphabetic` or `Numeric`),
/// end exclusive, as tantivy's `SimpleTokenizer` splits.
pub fn next_word(text: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut start = from;
    loop {
        while *bytes.get(start)? & !0x7f == 0 && !ALNUM[usize::from(bytes[start])] {
            start += 1;
        }
        if ALNUM[usize::from(bytes[start])] {
            break;
        }
        match char_at(text, start) {
            c if c.is_alphanumeric() => break,
            c => start += c.len_utf8(),
        }
    }
    let mut end = start;
    loop {
        while end < bytes.len() && ALNUM[usize::from(bytes[end])] {
            end += 1;
        }
        match bytes.get(end) {
            Some(b) if !b.is_ascii() && char_at(text, end).is_alphanumeric() => end += char_at(text, end).len_utf8(),
            _ => return Some((start, end)),
        }
    }
}

/// ASCII letters and digits.
static ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The character starting at byte `i`.
fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().expect("a character starts at a char boundary")
}

/// The analyzer as a tantivy tokenizer (registered as `en_keywords`); its
/// words are stemmed with this thread's cache ([`with_stems`]), shared with
/// [`StemmedText`].
#[derive(Clone, Default)]
pub struct EnglishTokenizer {
    token: Token,
}

impl Tokenizer for EnglishTokenizer {
    type TokenStream<'a> = EnglishStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> EnglishStream<'a> {
        self.token.reset();
        // A body's slots each start with a space: any other text after the mark is analyzed.
        let body = text.strip_prefix(ANALYZED).filter(|body| body.is_empty() || body.starts_with(' '));
        let (text, replay) = body.map_or((text, false), |body| (body, true));
        EnglishStream { text, at: 0, replay, token: &mut self.token }
    }
}

/// The token stream of an [`EnglishTokenizer`]: stems, with the byte offsets
/// of their words and positions that count every word (stop words too). For
/// a [`StemmedText::body`], the stems it holds, offsets into the body.
pub struct EnglishStream<'a> {
    text: &'a str,
    at: usize,
    /// `text` is a [`StemmedText::body`] without its [`ANALYZED`] mark.
    replay: bool,
    token: &'a mut Token,
}

impl EnglishStream<'_> {
    /// [`TokenStream::advance`] over a [`StemmedText::body`].
    fn replay(&mut self) -> bool {
        let bytes = self.text.as_bytes();
        while self.at < bytes.len() {
            let start = self.at + 1;
            // A loop, not `find`: stems are short, and a search call costs more than one.
            let mut end = start;
            while end < bytes.len() && bytes[end] != b' ' {
                end += 1;
            }
            self.at = end;
            self.token.position = self.token.position.wrapping_add(1);
            if end > start {
                self.token.text.clear();
                self.token.text.push_str(&self.text[start..end]);
                (self.token.offset_from, self.token.offset_to) = (start, end);
                return true;
            }
        }
        false
    }
}

impl TokenStream for EnglishStream<'_> {
    fn advance(&mut self) -> bool {
        if self.replay {
            return self.replay();
        }
        while let Some((start, end)) = next_word(self.text, self.at) {
            self.at = end;
            self.token.position = self.token.position.wrapping_add(1);
            let token = &mut *self.token;
            let stemmed = with_stems(|stems| {
                stems.stem(&self.text[start..end]).map(|stem| {
                    token.text.clear();
                    token.text.push_str(stem);
                })
            });
            if stemmed.is_some() {
                (token.offset_from, token.offset_to) = (start, end);
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(mut stream: impl TokenStream) -> Vec<Token> {
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push(t.clone());
        }
        out
    }

    #[test]
    fn same_tokens_as_the_tantivy_chain() {
        let long = "x".repeat(39) + " " + &"y".repeat(40);
        let texts = [
            "Caching proxies cached and caching optimizations optimized running runs",
            "The C++/C# developer (Node.js, .NET) — über-fast Résumé ÉCOLE naïve 3D x86_64 r2d2!",
            "ΣΊΣΥΦΟΣ İstanbul ǅemal straße ﬁnance Ⅻ ½ ١٢٣ 東京 and the of",
            long.as_str(),
            "",
        ];
        let mut fast = EnglishTokenizer::default();
        for text in texts {
            let mut chain = Stems::default().chain;
            let expected = tokens(chain.token_stream(text));
            assert_eq!(tokens(fast.token_stream(text)), expected, "{text}");
            assert_eq!(tokens(fast.token_stream(text)), expected, "{text}, from the cache");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_the_tantivy_chain_tokens(
            text in "([a-zA-Z0-9]{1,45}|[ .,'/+#-]|[éÉßİıΣσςǅ½١東京]|\u{200B}|\u{0301}|the|and|running){0,40}",
            other in proptest::prelude::any::<String>(),
        ) {
            let mut fast = EnglishTokenizer::default();
            for text in [text.as_str(), other.as_str()] {
                let expected = tokens(Stems::default().chain.token_stream(text));
                proptest::prop_assert_eq!(tokens(fast.token_stream(text)), expected);
                let replayed = stems_at(fast.token_stream(&StemmedText::of(text).body));
                proptest::prop_assert_eq!(replayed, stems_at(fast.token_stream(text)));
            }
        }
    }

    /// (text, position) of each token.
    fn stems_at(stream: impl TokenStream) -> Vec<(String, usize)> {
        tokens(stream).into_iter().map(|t| (t.text, t.position)).collect()
    }

    #[test]
    fn a_stemmed_body_replays_the_tokens_of_its_text() {
        let long = "x".repeat(39) + " " + &"y".repeat(40) + " end";
        let texts =
            ["Caching the proxies, and THE caching of C++ at 3D", "ΣΊΣΥΦΟΣ naïve 東京 the", long.as_str(), "", " . "];
        let mut fast = EnglishTokenizer::default();
        for text in texts {
            let stemmed = StemmedText::of(text);
            assert_eq!(stems_at(fast.token_stream(&stemmed.body)), stems_at(fast.token_stream(text)), "{text}");
            let mut stems = Stems::default();
            for w in &stemmed.words {
                let word = &text[w.start as usize..w.end as usize];
                assert_eq!(Some(w.print).filter(|&p| p != STOP), stems.stem_print(word), "{word}");
            }
        }
    }

    #[test]
    fn text_that_only_looks_stemmed_is_safe() {
        let mut fast = EnglishTokenizer::default();
        let analyzed = stems_at(fast.token_stream("écoles"));
        assert_eq!(stems_at(fast.token_stream("\0\0écoles")), analyzed, "analyzed, not replayed");
        assert_eq!(stems_at(fast.token_stream("\0\0 é  x")), [("é".to_string(), 0), ("x".to_string(), 2)]);
    }

    #[test]
    fn stop_words_and_long_words_have_no_stem() {
        let mut stems = Stems::default();
        assert_eq!(stems.stem("The"), None);
        assert_eq!(stems.stem("Caching"), Some("cach"));
        assert_eq!(stems.stem(&"a".repeat(MAX_WORD_BYTES)), None);
    }
}
