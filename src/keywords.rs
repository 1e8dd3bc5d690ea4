//! "Other keywords": important terms of a job post that are not lexicon
//! skills, weighted by BM25 inverse document frequency over a background
//! corpus of job posts, and searched in the résumé the way an ATS does: a
//! stemmed term lookup in a tantivy index.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Index, IndexReader, Term, doc};

use crate::analyzer::{EnglishTokenizer, StemmedWord, stem_fingerprint, with_stems};
use crate::cues::CUES_TSV;
use crate::document::Document;
use crate::extract::Analysis;
use crate::fingerprint::{key_fingerprint, word_fingerprint};
use crate::lexicon::data_rows;

/// Document frequencies of the bundled job posts, built by `jobfit lexicon background`.
pub const EMBEDDED_BACKGROUND: &str = include_str!("../lexicon/background.tsv");
/// English function words, months, weekdays and number words: never keywords.
pub const FUNCTION_WORDS: &str = include_str!("../lexicon/function-words.txt");

/// Name of the analyzer: tantivy's simple tokenizer, lowercase, English stop
/// words removed, English stemmer.
pub const ANALYZER: &str = "en_keywords";
/// A keyword must occur in at least this many background job posts: a term
/// of the job market rather than one post's prose.
const MIN_BACKGROUND_DF: u64 = 2;
const WRITER_BYTES: usize = 15_000_000;
/// BM25 term-frequency saturation.
const K1: f64 = 1.2;
/// Terms in more than this share of background posts are job-ad boilerplate.
const MAX_DF_SHARE: f64 = 0.3;
const MIN_TERM_CHARS: usize = 3;
/// Lines in asking sections (requirements, responsibilities, nice to have)
/// from which on a post's other keywords come from those sections only.
const MIN_ASKING_LINES: usize = 3;

/// Errors of the keyword index.
#[derive(Debug, thiserror::Error)]
pub enum KeywordError {
    /// tantivy failed (in RAM, so only on a bug or out of memory).
    #[error("keyword index: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// A background table line is malformed.
    #[error("{origin}:{line}: expected `term<TAB>document frequency`")]
    Background {
        /// Where the table came from.
        origin: String,
        /// 1-based line.
        line: usize,
    },
}

/// Document frequencies of stemmed terms in a corpus of job posts.
#[derive(Debug, Clone, Default)]
pub struct Background {
    /// Number of documents in the corpus.
    pub docs: u64,
    /// Stemmed term → number of documents containing it.
    pub df: FxHashMap<String, u64>,
    /// [`stem_fingerprint`] of each term of `df` → its document frequency.
    by_print: FxHashMap<u64, u64>,
}

impl Background {
    /// The table embedded in the binary.
    ///
    /// Errors: `KeywordError::Background` if it is malformed (a test keeps it valid).
    pub fn embedded() -> Result<Background, KeywordError> {
        Background::parse(EMBEDDED_BACKGROUND, "lexicon/background.tsv (embedded)")
    }

    /// Parses `# docs N` then `term<TAB>df` lines.
    pub fn parse(text: &str, origin: &str) -> Result<Background, KeywordError> {
        let mut bg = Background::default();
        for (i, line) in text.lines().enumerate() {
            if let Some(n) = line.strip_prefix("# docs ") {
                bg.docs = n.trim().parse().map_err(|_| bad(origin, i))?;
            } else if !line.starts_with('#') && !line.is_empty() {
                let (term, df) = line.split_once('\t').ok_or_else(|| bad(origin, i))?;
                bg.df.insert(term.to_string(), df.parse().map_err(|_| bad(origin, i))?);
            }
        }
        Ok(bg.indexed())
    }

    /// Counts, with tantivy's English stemming analyzer, in how many of `texts`
    /// each term occurs. Terms in a single document are left out of the table.
    pub fn build<'a>(texts: impl Iterator<Item = &'a str>) -> Result<Background, KeywordError> {
        let (index, body) = stemmed_index();
        let mut writer = index.writer_with_num_threads(1, WRITER_BYTES)?;
        let mut docs = 0;
        for text in texts {
            writer.add_document(doc!(body => text))?;
            docs += 1;
        }
        writer.commit()?;
        let mut df = FxHashMap::default();
        for segment in index.reader()?.searcher().segment_readers() {
            let inverted = segment.inverted_index(body)?;
            let mut stream = inverted.terms().stream().map_err(tantivy::TantivyError::from)?;
            while stream.advance() {
                let term = String::from_utf8_lossy(stream.key()).into_owned();
                *df.entry(term).or_insert(0) += u64::from(stream.value().doc_freq);
            }
        }
        df.retain(|_, n| *n > 1);
        Ok(Background { docs, df, by_print: FxHashMap::default() }.indexed())
    }

    /// The table as text: `# docs N`, then `term<TAB>df` sorted by term.
    pub fn to_tsv(&self) -> String {
        let mut terms: Vec<_> = self.df.iter().collect();
        terms.sort();
        let mut out = format!("# jobfit background document frequencies (English stems)\n# docs {}\n", self.docs);
        for (term, df) in terms {
            out.push_str(&format!("{term}\t{df}\n"));
        }
        out
    }

    /// Fills `by_print` from `df`.
    fn indexed(mut self) -> Background {
        self.by_print = self.df.iter().map(|(term, &df)| (stem_fingerprint(term), df)).collect();
        self
    }

    /// BM25 inverse document frequency of a stemmed term, `ln(1 + (N - df + 0.5) / (df + 0.5))`.
    pub fn idf(&self, term: &str) -> f64 {
        self.idf_of(self.df.get(term).copied().unwrap_or(0))
    }

    /// BM25 inverse document frequency of a term in `df` background posts.
    fn idf_of(&self, df: u64) -> f64 {
        let (n, df) = (self.docs as f64, df as f64);
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// The document frequency of the stem with this [`stem_fingerprint`] if
    /// it is a term of the job market: in at least [`MIN_BACKGROUND_DF`]
    /// background posts, and in at most [`MAX_DF_SHARE`] of them (not boilerplate).
    fn market_df(&self, print: u64) -> Option<u64> {
        let df = self.by_print.get(&print).copied()?;
        (df >= MIN_BACKGROUND_DF && (df as f64) <= MAX_DF_SHARE * self.docs as f64).then_some(df)
    }
}

fn bad(origin: &str, i: usize) -> KeywordError {
    KeywordError::Background { origin: origin.to_string(), line: i + 1 }
}

fn stemmed_index() -> (Index, Field) {
    let mut builder = Schema::builder();
    let indexing = TextFieldIndexing::default().set_tokenizer(ANALYZER).set_index_option(IndexRecordOption::WithFreqs);
    let body = builder.add_text_field("body", TextOptions::default().set_indexing_options(indexing));
    let index = Index::create_in_ram(builder.build());
    index.tokenizers().register(ANALYZER, analyzer());
    (index, body)
}

/// The analyzer registered as [`ANALYZER`]: what "other keywords" and the
/// index's text fields are tokenized with (see [`crate::analyzer`]).
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::from(EnglishTokenizer::default())
}

/// A term of the job post that is not part of any lexicon skill.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyword {
    /// English stem, as indexed.
    pub stem: String,
    /// The word as first written in the job post, lowercase.
    pub surface: String,
    /// Occurrences in the job post outside boilerplate sections.
    pub count: usize,
    /// 1-based job-post line of the first occurrence.
    pub line: usize,
    /// BM25 weight: idf × tf·(k1 + 1) / (tf + k1).
    pub weight: f64,
}

/// The `limit` heaviest keywords of a job post, heaviest first (ties by stem).
/// Tokens inside skill matches, numbers, short words, stop words, function
/// words and manner adverbs, and terms that are not job-market terms of the
/// background are left out. When the
/// post has at least [`MIN_ASKING_LINES`] lines in requirements,
/// responsibilities or nice-to-have sections, only those lines and the title
/// count: the company's self-description is not what the hire needs.
/// `words` are the words and stems of the post's normalized text
/// ([`crate::analyzer::StemmedText::of`] of `job.doc.text`).
pub fn job_keywords(job: &Analysis, background: &Background, limit: usize, words: &[StemmedWord]) -> Vec<Keyword> {
    let mut found = count_keywords(job, background, words);
    for c in &mut found {
        let tf = c.count as f64;
        c.weight = background.idf_of(c.df) * tf * (K1 + 1.0) / (tf + K1);
    }
    found.sort_by(|a, b| b.weight.total_cmp(&a.weight));
    // Candidates tied with the last one kept are ordered by stem too.
    let cutoff = found.get(limit.saturating_sub(1)).map_or(f64::NEG_INFINITY, |c| c.weight);
    let mut keywords: Vec<Keyword> = with_stems(|stems| {
        found
            .iter()
            .take_while(|c| limit > 0 && c.weight >= cutoff)
            .map(|c| {
                let word = &job.doc.line(c.line)[c.start..c.end];
                let stem = stems.stem(word).unwrap_or_default().to_string();
                Keyword { stem, surface: word.to_lowercase(), count: c.count, line: c.line, weight: c.weight }
            })
            .collect()
    });
    keywords.sort_by(|a, b| b.weight.total_cmp(&a.weight).then_with(|| a.stem.cmp(&b.stem)));
    keywords.truncate(limit);
    keywords
}

/// A keyword being counted: where its first word is, and how often it occurs.
struct Candidate {
    /// 1-based line and byte range of the first occurrence in the normalized text.
    line: usize,
    start: usize,
    end: usize,
    count: usize,
    /// Background document frequency of its stem.
    df: u64,
    weight: f64,
}

/// The job-market terms of the post's counted lines (see [`job_keywords`]),
/// one per stem, in order of first occurrence; `words` are the words of the
/// post's normalized text with their stems ([`crate::analyzer::StemmedText`]).
fn count_keywords(job: &Analysis, background: &Background, words: &[StemmedWord]) -> Vec<Candidate> {
    let mut counter = Counter { background, found: Vec::new(), by_stem: FxHashMap::default(), scratch: String::new() };
    let mut matches = job.matches.iter().peekable();
    let structured = job.sections.iter().filter(|s| s.is_asking()).count() >= MIN_ASKING_LINES;
    let mut headings = job.headings.iter().map(|&(n, _)| n).peekable();
    let mut next = 0;
    for (n, line) in job.doc.lines() {
        let mut skills = Vec::new();
        while let Some(m) = matches.next_if(|m| m.line <= n) {
            skills.push((m.start, m.end));
        }
        let section = job.section(n);
        let skipped = section.is_boilerplate() || (structured && !section.is_asking() && n != 1);
        while headings.next_if(|&h| h < n).is_some() {}
        let (first, start) = (next, job.doc.line_start(n));
        while words.get(next).is_some_and(|w| (w.end as usize) <= start + line.len()) {
            next += 1;
        }
        if !skipped && headings.peek() != Some(&n) {
            counter.count_line(job, (n, line, start), &words[first..next], &skills);
        }
    }
    counter.found
}

/// The state of [`count_keywords`].
struct Counter<'a> {
    background: &'a Background,
    found: Vec<Candidate>,
    /// Stem fingerprint → index in `found`.
    by_stem: FxHashMap<u64, usize>,
    scratch: String,
}

impl Counter<'_> {
    /// Counts the keywords among `words` of normalized line `n` (`line`,
    /// starting at byte `start` of the text), outside the `skills` (byte
    /// ranges in the original line, in order of start as
    /// [`Analysis::matches`] keeps them).
    fn count_line(
        &mut self,
        job: &Analysis,
        (n, line, start): (usize, &str, usize),
        words: &[StemmedWord],
        skills: &[(usize, usize)],
    ) {
        // Skills before the word, which no later word can overlap either (both run left to right).
        let mut passed = 0;
        for (i, w) in words.iter().enumerate() {
            let (from, to) = (w.start as usize - start, w.end as usize - start);
            let word = &line[from..to];
            if w.print == 0 || !is_term_word(word) || in_fixed_compound(line, start, words, i) {
                continue;
            }
            if passed < skills.len() {
                let (a, b) = (job.doc.original_offset(n, from), job.doc.original_offset(n, to));
                while skills.get(passed).is_some_and(|&(_, e)| e <= a) {
                    passed += 1;
                }
                if skills[passed..].iter().take_while(|&&(s, _)| s < b).any(|&(s, e)| a < e && s < b) {
                    continue;
                }
            }
            let Some(df) = self.background.market_df(w.print) else { continue };
            if is_function_word(word, &mut self.scratch) || is_adverb(word) {
                continue;
            }
            let next = self.found.len();
            let i = *self.by_stem.entry(w.print).or_insert(next);
            if i == next {
                self.found.push(Candidate { line: n, start: from, end: to, count: 0, df, weight: 0.0 });
            }
            self.found[i].count += 1;
        }
    }
}

/// Whether word `i` of `words` (of `line`, which starts at byte `start` of
/// the text) is hyphen-joined to a stop word: a fixed phrase such as
/// `hands-on`, `on-call`, `day-to-day`, `state-of-the-art`, whose words are
/// no keywords there.
fn in_fixed_compound(line: &str, start: usize, words: &[StemmedWord], i: usize) -> bool {
    let joined = |a: &StemmedWord, b: &StemmedWord| {
        b.start == a.end + 1 && line.as_bytes().get(a.end as usize - start) == Some(&b'-')
    };
    let before = i.checked_sub(1).map(|j| &words[j]).is_some_and(|p| p.print == 0 && joined(p, &words[i]));
    before || words.get(i + 1).is_some_and(|n| n.print == 0 && joined(&words[i], n))
}

/// Whether `word` is one of [`FUNCTION_WORDS`], a word of a cue phrase
/// ([`crate::cues::CUES_TSV`]: `plus`, `desirable`) or a degree word
/// ([`crate::degree::DEGREE_WORDS`]: the education sub-score weighs
/// degrees), in any case; `scratch`
/// holds the lowercase of a word that is not plain ASCII.
pub(crate) fn is_function_word(word: &str, scratch: &mut String) -> bool {
    static WORDS: OnceLock<FxHashSet<u64>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let cue_words = data_rows(CUES_TSV).filter_map(|row| row.split('\t').next()).flat_map(str::split_whitespace);
        let degree_words = crate::degree::DEGREE_WORDS.iter().copied();
        data_rows(FUNCTION_WORDS).chain(cue_words).chain(degree_words).map(key_fingerprint).collect()
    });
    words.contains(&word_fingerprint(word, scratch))
}

/// Suffixes of English manner adverbs (`ultimately`, `efficiently`, `globally`).
const ADVERB_SUFFIXES: [&str; 10] =
    ["ately", "ently", "antly", "ively", "ously", "ally", "fully", "ingly", "edly", "lessly"];
/// Shortest word taken for an adverb by its suffix (`rally`, `tally` are not).
const MIN_ADVERB_CHARS: usize = 7;

/// Whether `word` is a manner adverb by its suffix: never a keyword.
fn is_adverb(word: &str) -> bool {
    word.len() >= MIN_ADVERB_CHARS
        && word.is_ascii()
        && ADVERB_SUFFIXES.iter().any(|s| word.len() >= s.len() && word[word.len() - s.len()..].eq_ignore_ascii_case(s))
}

/// A word that can be a keyword: [`MIN_TERM_CHARS`] letters or more, no digits.
fn is_term_word(word: &str) -> bool {
    if word.is_ascii() {
        return word.len() >= MIN_TERM_CHARS && word.bytes().all(|b| b.is_ascii_alphabetic());
    }
    word.chars().count() >= MIN_TERM_CHARS && word.chars().all(char::is_alphabetic)
}

/// A résumé indexed in RAM for ATS-style keyword search.
pub struct ResumeIndex {
    reader: IndexReader,
    body: Field,
}

impl ResumeIndex {
    /// Indexes the résumé's text with the English stemming analyzer.
    ///
    /// Errors: `KeywordError::Index` if tantivy fails.
    pub fn new(resume: &Document) -> Result<ResumeIndex, KeywordError> {
        let (index, body) = stemmed_index();
        let mut writer = index.writer_with_num_threads(1, WRITER_BYTES)?;
        writer.add_document(doc!(body => resume.text.as_str()))?;
        writer.commit()?;
        Ok(ResumeIndex { reader: index.reader()?, body })
    }

    /// Whether a search for the stemmed term finds the résumé.
    pub fn contains(&self, stem: &str) -> Result<bool, KeywordError> {
        let term = Term::from_field_text(self.body, stem);
        Ok(self.reader.searcher().doc_freq(&term)? > 0)
    }
}

/// The first 1-based line of `doc` containing a word with this stem.
pub fn line_with_stem(doc: &Document, stem: &str) -> Option<usize> {
    let mut analyzer = analyzer();
    doc.lines().find_map(|(n, line)| {
        let mut stream = analyzer.token_stream(line);
        let mut hit = false;
        while let Some(t) = stream.next() {
            hit |= t.text == stem;
        }
        hit.then_some(n)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyzer::StemmedText;

    #[test]
    fn background_round_trips_and_weights_rare_terms() {
        let texts = ["we build caches", "we build compilers", "we test caching proxies and the compilers"];
        let bg = Background::build(texts.into_iter()).unwrap();
        assert_eq!(bg.docs, 3);
        assert_eq!(bg.df.get("build"), Some(&2));
        assert_eq!(bg.df.get("cach"), Some(&2), "caches and caching share a stem");
        assert!(bg.idf("proxi") > bg.idf("build"));
        assert_eq!(bg.df.get("the"), None, "stop words are not indexed");
        let parsed = Background::parse(&bg.to_tsv(), "test").unwrap();
        assert_eq!((parsed.docs, parsed.df), (bg.docs, bg.df));
    }

    #[test]
    fn function_words_are_sorted_lowercase_and_never_keywords() {
        let words: Vec<&str> = FUNCTION_WORDS.lines().filter(|l| !l.starts_with('#')).collect();
        assert!(words.windows(2).all(|w| w[0] < w[1]), "lexicon/function-words.txt is not sorted and unique");
        assert!(words.iter().all(|w| w.len() >= MIN_TERM_CHARS && w.chars().all(|c| c.is_ascii_lowercase())));
        let mut scratch = String::new();
        assert!(is_function_word("Perhaps", &mut scratch) && is_function_word("SEPTEMBER", &mut scratch));
        assert!(is_function_word("plus", &mut scratch) && is_function_word("Desirable", &mut scratch), "cue words");
        assert!(is_function_word("PhD", &mut scratch) && is_function_word("bachelor", &mut scratch), "degree words");
        assert!(!is_function_word("offshore", &mut scratch) && !is_function_word("lead", &mut scratch));
        assert!(is_adverb("Ultimately") && is_adverb("efficiently") && is_adverb("globally"));
        assert!(!is_adverb("assembly") && !is_adverb("anomaly") && !is_adverb("supply") && !is_adverb("rally"));
    }

    #[test]
    fn words_hyphen_joined_to_a_stop_word_are_fixed_phrases() {
        let line = "hands-on work, on-call duty and cross-team day-to-day state-of-the-art";
        let words = StemmedText::of(line).words;
        let fixed: Vec<&str> = (0..words.len())
            .filter(|&i| words[i].print != 0 && in_fixed_compound(line, 0, &words, i))
            .map(|i| &line[words[i].start as usize..words[i].end as usize])
            .collect();
        assert_eq!(fixed, ["hands", "call", "day", "day", "state", "art"]);
    }

    #[test]
    fn resume_search_is_stemmed() {
        let doc = Document::from_text("r.md".as_ref(), "Optimized caching layers").unwrap();
        let index = ResumeIndex::new(&doc).unwrap();
        assert!(index.contains("cach").unwrap());
        assert!(index.contains("optim").unwrap());
        assert!(!index.contains("kafka").unwrap());
        assert_eq!(line_with_stem(&doc, "layer"), Some(1));
    }
}
