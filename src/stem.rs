//! The English analyzer of keyword search and of the index's text fields:
//! words, lowercase, English stop words out, English stems, in one pass over
//! the text with a cache of each word's stem. It gives exactly the tokens of
//! tantivy's `SimpleTokenizer` → `RemoveLongFilter(40)` → `LowerCaser` →
//! `StopWordFilter(English)` → `Stemmer(English)` chain (a test compares
//! them), several times faster: job posts and résumés repeat their
//! vocabulary, and stemming dominated the cost of indexing.

use std::collections::hash_map::Entry;

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer, Token, TokenStream,
    Tokenizer,
};

use crate::matcher::vocab::{ascii_fingerprint, word_fingerprint};

/// Words of this many bytes or more are not indexed (tantivy's `RemoveLongFilter`).
pub const MAX_WORD_BYTES: usize = 40;
/// Most words one cache remembers before it starts over.
const CACHE_WORDS: usize = 200_000;

/// The stems of words, remembered by the 64-bit fingerprint of their
/// lowercase form (one-to-one for words of up to 8 bytes; a false hit for a
/// longer word needs two words with the same fingerprint, odds about 1 in
/// 10^10 for a full cache).
#[derive(Clone)]
pub struct Stems {
    /// Fingerprint of the lowercase word → its stem, `None` for a stop word.
    cache: FxHashMap<u64, Option<Box<str>>>,
    /// The tantivy chain, run once per new word.
    chain: TextAnalyzer,
    scratch: String,
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
        Stems { cache: FxHashMap::default(), chain, scratch: String::new() }
    }
}

impl Stems {
    /// The stem of `word`, a run of alphanumeric characters as [`next_word`]
    /// finds them; `None` for an English stop word or a word of
    /// [`MAX_WORD_BYTES`] bytes or more.
    pub fn stem(&mut self, word: &str) -> Option<&str> {
        if word.len() >= MAX_WORD_BYTES {
            return None;
        }
        let print = if word.is_ascii() {
            ascii_fingerprint(word.as_bytes())
        } else {
            word_fingerprint(word, &mut self.scratch)
        };
        if self.cache.len() >= CACHE_WORDS && !self.cache.contains_key(&print) {
            self.cache.clear();
        }
        match self.cache.entry(print) {
            Entry::Occupied(hit) => hit.into_mut().as_deref(),
            Entry::Vacant(slot) => {
                let mut stream = self.chain.token_stream(word);
                let stem = stream.advance().then(|| stream.token().text.as_str().into());
                slot.insert(stem).as_deref()
            }
        }
    }
}

/// The next word of `text` at or after byte `from`: the byte range of a
/// maximal run of alphanumeric characters (Unicode `Alphabetic` or `Numeric`),
/// end exclusive, as tantivy's `SimpleTokenizer` splits.
pub fn next_word(text: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut start = from;
    loop {
        let (is_word, len) = word_char_at(text, *bytes.get(start)?, start);
        if is_word {
            break;
        }
        start += len;
    }
    let mut end = start;
    while let Some(&b) = bytes.get(end) {
        let (is_word, len) = word_char_at(text, b, end);
        if !is_word {
            break;
        }
        end += len;
    }
    Some((start, end))
}

/// Whether the character at byte `i` (whose first byte is `b`) is
/// alphanumeric, and its length in bytes; ASCII without decoding.
fn word_char_at(text: &str, b: u8, i: usize) -> (bool, usize) {
    if b.is_ascii() {
        return (b.is_ascii_alphanumeric(), 1);
    }
    let c = text[i..].chars().next().expect("a character starts at a char boundary");
    (c.is_alphanumeric(), c.len_utf8())
}

/// The analyzer as a tantivy tokenizer (registered as `en_keywords`).
#[derive(Clone, Default)]
pub struct EnglishTokenizer {
    token: Token,
    stems: Stems,
}

impl Tokenizer for EnglishTokenizer {
    type TokenStream<'a> = EnglishStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> EnglishStream<'a> {
        self.token.reset();
        EnglishStream { text, at: 0, token: &mut self.token, stems: &mut self.stems }
    }
}

/// The token stream of an [`EnglishTokenizer`]: stems, with the byte offsets
/// of their words and positions that count every word (stop words too).
pub struct EnglishStream<'a> {
    text: &'a str,
    at: usize,
    token: &'a mut Token,
    stems: &'a mut Stems,
}

impl TokenStream for EnglishStream<'_> {
    fn advance(&mut self) -> bool {
        while let Some((start, end)) = next_word(self.text, self.at) {
            self.at = end;
            self.token.position = self.token.position.wrapping_add(1);
            if let Some(stem) = self.stems.stem(&self.text[start..end]) {
                self.token.text.clear();
                self.token.text.push_str(stem);
                (self.token.offset_from, self.token.offset_to) = (start, end);
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

    #[test]
    fn stop_words_and_long_words_have_no_stem() {
        let mut stems = Stems::default();
        assert_eq!(stems.stem("The"), None);
        assert_eq!(stems.stem("Caching"), Some("cach"));
        assert_eq!(stems.stem(&"a".repeat(MAX_WORD_BYTES)), None);
    }
}
