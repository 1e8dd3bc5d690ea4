//! The word-level skill matcher: a trie over token keys, longest match wins,
//! with case and context rules for aliases that are also ordinary words.

mod vocab;

use crate::fingerprint::{self, PrintBits, PrintTable};
use crate::lexicon::{Lexicon, SkillId};
use crate::tokenize::{Token, tokenize_into, word_key};
use vocab::Word;

/// One skill found in a line. Offsets are UTF-8 byte offsets into the line,
/// end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Byte offset of the first matched byte.
    pub start: usize,
    /// Byte offset after the last matched byte.
    pub end: usize,
    /// The canonical skill.
    pub skill: SkillId,
}

/// What a trie node accepts when a match may end there.
#[derive(Debug, Clone)]
struct Terminal {
    skill: SkillId,
    /// `Some(words)`: the tokens must be written exactly so (case-sensitive alias).
    exact: Option<Box<[String]>>,
    /// The node's next terminal in `Matcher::terminals`, or [`NONE`].
    next: u32,
}

/// A compiled matcher for one lexicon. Build once, use for many documents.
///
/// Trie nodes are referred to by their index with two flag bits ([`ENDS`],
/// [`GOES_ON`]), so a walk reads a node's terminals and children only when
/// it has some.
#[derive(Debug)]
pub struct Matcher {
    /// Word keys to word ids and the root's child along each word.
    vocab: vocab::Vocab,
    /// Edges below the root: [`edge_print`] of (node, word id) → child reference.
    edges: PrintTable,
    /// The edges' prints, a 32 KiB filter: nine in ten walks that stop
    /// (the next word leads nowhere) stop here, without a probe of `edges`.
    edge_bits: PrintBits,
    /// The fingerprints of the first words of all aliases: many words of a
    /// text are passed over on this 8 KiB set alone.
    starts: PrintBits,
    /// Per node, its first terminal in `terminals` ([`NONE`] when no alias ends there).
    first: Vec<u32>,
    terminals: Vec<Terminal>,
}

const ROOT: u32 = 0;
const NONE: u32 = u32::MAX;
/// Flag of a node reference: aliases end at the node.
const ENDS: u32 = 1 << 31;
/// Flag of a node reference: longer aliases go on below the node.
const GOES_ON: u32 = 1 << 30;
/// The node index of a node reference.
const NODE: u32 = GOES_ON - 1;
const STARTS_BITS: u32 = 16;
const EDGE_BITS: u32 = 18;
/// A word of the line not looked up yet.
const UNKNOWN: Word = Word { id: NONE, root: 0 };
/// A word of the line not in the vocabulary.
const ABSENT: Word = Word { id: NONE, root: NONE };
const LIST_MARKS: [&str; 7] = [",", "/", "|", ";", "(", ")", "&"];
const SENTENCE_ENDS: [&str; 3] = [".", "!", "?"];
/// Fewest words of a line in capitals that make it a shouted heading.
const SHOUTED_WORDS: usize = 3;

/// Reusable buffers for [`Matcher::find_into`].
#[derive(Debug, Default)]
pub struct Scratch {
    tokens: Vec<Token>,
    /// The vocabulary word of each token: [`UNKNOWN`] until looked up, [`ABSENT`] when not there.
    words: Vec<Word>,
    key: String,
    /// Case-sensitive one-word aliases opening a bullet or sentence ([`may_open`]),
    /// each with the byte where the skill it is listed with must start.
    opening: Vec<(Hit, usize)>,
}

/// The trie while aliases are added; [`Builder::seal`] makes the [`Matcher`].
struct Builder {
    m: Matcher,
    /// The root's child per word id ([`NONE`] when no alias starts with it).
    root: Vec<u32>,
    /// Per node, whether it has children.
    goes_on: Vec<bool>,
}

impl Matcher {
    /// Compiles every alias of every skill in `lexicon`.
    pub fn new(lexicon: &Lexicon) -> Matcher {
        let aliases: usize = lexicon.skills.iter().map(|s| s.aliases.len()).sum();
        let mut b = Builder {
            m: Matcher {
                vocab: vocab::Vocab::with_capacity(aliases / 2),
                starts: PrintBits::new(STARTS_BITS),
                // Aliases average about two words: room for every edge without regrowing.
                edges: PrintTable::with_capacity(aliases * 2),
                edge_bits: PrintBits::new(EDGE_BITS),
                first: vec![NONE],
                terminals: Vec::with_capacity(aliases),
            },
            root: Vec::with_capacity(aliases),
            goes_on: vec![true],
        };
        let mut scratch = Scratch::default();
        for (id, skill) in lexicon.skills.iter().enumerate() {
            for alias in &skill.aliases {
                b.insert(&alias.text, alias.case_sensitive, id as SkillId, &mut scratch);
            }
        }
        b.seal()
    }

    /// The terminals of `node`, in the order their aliases were added.
    fn terminals_of(&self, node: u32) -> impl Iterator<Item = &Terminal> {
        let mut at = self.first[node as usize];
        std::iter::from_fn(move || {
            let t = self.terminals.get(at as usize)?;
            at = t.next;
            Some(t)
        })
    }

    /// All skills in `line`, left to right, non-overlapping, longest first.
    pub fn find(&self, line: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        self.find_into(line, &mut Scratch::default(), &mut hits);
        hits
    }

    /// Like [`Matcher::find`], appending to `hits` and reusing `scratch`.
    pub fn find_into(&self, line: &str, scratch: &mut Scratch, hits: &mut Vec<Hit>) {
        tokenize_into(line, &mut scratch.tokens);
        scratch.words.clear();
        scratch.words.resize(scratch.tokens.len(), UNKNOWN);
        scratch.opening.clear();
        let before = hits.len();
        let mut i = 0;
        while i < scratch.tokens.len() {
            let root = match scratch.words[i] {
                UNKNOWN => self.start_word(line, i, scratch),
                word => word.root,
            };
            if root == NONE {
                i += 1;
                continue;
            }
            match self.longest_at(line, i, root, scratch) {
                Some((end, skill)) => {
                    hits.push(Hit { start: scratch.tokens[i].start, end: scratch.tokens[end - 1].end, skill });
                    i = end;
                }
                None => {
                    self.note_opening(line, i, root, scratch, hits);
                    i += 1;
                }
            }
        }
        if !scratch.opening.is_empty() {
            let listed = |&(_, next): &(Hit, usize)| hits[before..].iter().any(|h| h.start == next);
            let kept: Vec<Hit> = scratch.opening.iter().filter(|o| listed(o)).map(|&(h, _)| h).collect();
            hits.extend(kept);
            hits[before..].sort_by_key(|h| h.start);
        }
        self.add_coordinated(line, scratch, hits, before);
    }

    /// Adds the skills of words coordinated with the first word of a hit of
    /// two words or more, sharing its other words (`acute and critical
    /// care`: Acute care; `unit, integration and end-to-end tests`): each
    /// word before `and`, `or`, `&`, `/` or `,` in front of the hit, in no
    /// hit itself, is that skill when it and the hit's other words are an
    /// alias (not a case-sensitive one). The hit spans the word alone.
    fn add_coordinated(&self, line: &str, scratch: &mut Scratch, hits: &mut Vec<Hit>, before: usize) {
        let found = hits.len();
        for h in before..found {
            let more = self.coordinated(line, (&scratch.tokens, &mut scratch.key), hits[h], &hits[before..found]);
            hits.extend(more);
        }
        if hits.len() > found {
            hits[before..].sort_by_key(|h| h.start);
        }
    }

    /// The hits of the words coordinated with `hit` (see
    /// [`Matcher::add_coordinated`]), right to left; `taken` are the line's
    /// hits, whose words are not free to join.
    fn coordinated(&self, line: &str, (tokens, key): (&[Token], &mut String), hit: Hit, taken: &[Hit]) -> Vec<Hit> {
        let token_at = |byte: usize| tokens.partition_point(|t| t.start < byte);
        let (first, last) = (token_at(hit.start), token_at(hit.end) - 1);
        // The hit's words after its first, hyphen-joined, word (`real-time systems`).
        let rest = (first + 1..=last).find(|&i| !tokens[i - 1].hyphen_after).unwrap_or(last + 1);
        let mut out = Vec::new();
        let mut k = first;
        while k >= 2 && rest <= last {
            let (from, to) = (word_start(tokens, k - 2), k - 2);
            let (start, end) = (tokens[from].start, tokens[to].end);
            let joined = matches!(&line[tokens[k - 1].start..tokens[k - 1].end], "and" | "or" | "&" | "/" | ",");
            let free = taken.iter().all(|t| t.end <= start || t.start >= end);
            let words = (from..=to).chain(rest..=last);
            let skill = (joined && tokens[to].is_word && free).then(|| self.skill_of_words(line, tokens, words, key));
            let Some(Some(skill)) = skill else { break };
            out.push(Hit { start, end, skill });
            k = from;
        }
        out
    }

    /// The skill of a case-insensitive alias made of exactly the tokens
    /// `words` of `line` (by index), if there is one.
    fn skill_of_words(
        &self,
        line: &str,
        tokens: &[Token],
        words: impl Iterator<Item = usize>,
        key: &mut String,
    ) -> Option<SkillId> {
        let mut node = ROOT;
        for i in words {
            let found = self.vocab_word(&line[tokens[i].start..tokens[i].end], key);
            node = match node {
                ROOT => found.root,
                _ if node & GOES_ON == 0 => NONE,
                _ => self.child(node, found).unwrap_or(NONE),
            };
            if node == NONE {
                return None;
            }
        }
        if node & ENDS == 0 {
            return None;
        }
        self.terminals_of(node & NODE).find(|t| t.exact.is_none()).map(|t| t.skill)
    }

    /// The skill of a case-sensitive one-word alias at token `i` (whose word
    /// leads from the root to `node`) that opens a bullet or a sentence,
    /// which [`accepts`] turned away as an ordinary word: it is the skill when
    /// one of [`SKILL_NOUNS`] follows (`- Rust programming`, `Go experience
    /// is a plus`) or it is said to be asked for (`Rust is a plus.`, see
    /// [`asked_after`]; both pushed to `hits`), or when it is joined by `or`, `and`,
    /// `on` or `with` to a skill starting at the word after (`Swift or
    /// Kotlin`, `Spark on EMR`, `React with TypeScript`; noted in
    /// `scratch.opening` until the line's hits are known; not `Go and see`,
    /// `Fluent in English`).
    fn note_opening(&self, line: &str, i: usize, node: u32, scratch: &mut Scratch, hits: &mut Vec<Hit>) {
        let tokens = &scratch.tokens;
        if node & ENDS == 0 {
            return;
        }
        let Some(joint) = tokens.get(i + 1) else { return };
        let joint_word = &line[joint.start..joint.end];
        let listed_with = if SKILL_NOUNS.contains(&joint_word) || asked_after(line, &tokens[i + 1..]) {
            None
        } else if matches!(joint_word, "or" | "and" | "on" | "with") && tokens.len() > i + 2 {
            Some(tokens[i + 2].start)
        } else {
            return;
        };
        if !may_open(tokens, i) {
            return;
        }
        let word = &line[tokens[i].start..tokens[i].end];
        let exact = |t: &&Terminal| t.exact.as_ref().is_some_and(|e| e.len() == 1 && e[0] == word);
        if let Some(t) = self.terminals_of(node & NODE).find(exact) {
            let hit = Hit { start: tokens[i].start, end: tokens[i].end, skill: t.skill };
            match listed_with {
                Some(next) => scratch.opening.push((hit, next)),
                None => hits.push(hit),
            }
        }
    }

    /// The root's child along token `i` (or [`NONE`]), looking the token up
    /// only when an alias may start with it (or the singular it may stand
    /// for): most words are passed over on the `starts` set alone.
    fn start_word(&self, line: &str, i: usize, scratch: &mut Scratch) -> u32 {
        let t = scratch.tokens[i];
        let word = &line[t.start..t.end];
        let starts = |print: u64| self.starts.may_contain(print);
        let print = fingerprint::word_fingerprint(word, &mut scratch.key);
        if !starts(print) && !singular_fingerprint(word, &mut scratch.key).is_some_and(starts) {
            return NONE;
        }
        scratch.words[i] = self.lookup(word, print, &mut scratch.key);
        scratch.words[i].root
    }

    /// The vocabulary word of `word` (fingerprint `print`), trying its
    /// singular when the plural is unknown and the word is a lowercase word
    /// or an acronym plural (`APIs`), not a capitalized name (`Jules`).
    fn lookup(&self, word: &str, print: u64, key: &mut String) -> Word {
        self.vocab
            .get(print)
            .or_else(|| singular_fingerprint(word, key).and_then(|hash| self.vocab.get(hash)))
            .unwrap_or(ABSENT)
    }

    /// The longest accepted match starting at token `i`, whose word leads
    /// from the root to `node`: (end token, skill).
    fn longest_at(&self, line: &str, i: usize, mut node: u32, scratch: &mut Scratch) -> Option<(usize, SkillId)> {
        let mut best = None;
        let mut j = i;
        loop {
            if node & ENDS != 0
                && let Some(t) = self.terminals_of(node & NODE).find(|t| accepts(t, line, &scratch.tokens, i, j + 1))
            {
                best = Some((j + 1, t.skill));
            }
            j += 1;
            if node & GOES_ON == 0 || j == scratch.tokens.len() {
                return best;
            }
            if scratch.words[j] == UNKNOWN {
                let t = scratch.tokens[j];
                scratch.words[j] = self.vocab_word(&line[t.start..t.end], &mut scratch.key);
            }
            match self.child(node, scratch.words[j]) {
                Some(child) => node = child,
                None => return best,
            }
        }
    }

    /// The vocabulary word of `word` as written ([`Matcher::lookup`] by its fingerprint).
    fn vocab_word(&self, word: &str, key: &mut String) -> Word {
        self.lookup(word, fingerprint::word_fingerprint(word, key), key)
    }

    /// The child of `node` (not the root) along `word`, if any: the edge
    /// filter first, then the edge table.
    fn child(&self, node: u32, word: Word) -> Option<u32> {
        let edge = edge_print(node & NODE, word.id);
        if word == ABSENT || !self.edge_bits.may_contain(edge) {
            return None;
        }
        self.edges.find(edge, |_| true)
    }
}

impl Builder {
    fn insert(&mut self, alias: &str, case_sensitive: bool, skill: SkillId, scratch: &mut Scratch) {
        tokenize_into(alias, &mut scratch.tokens);
        if scratch.tokens.is_empty() {
            return;
        }
        let mut node = ROOT;
        for t in &scratch.tokens {
            word_key(&alias[t.start..t.end], &mut scratch.key);
            let print = fingerprint::key_fingerprint(&scratch.key);
            if node == ROOT {
                self.m.starts.insert(print);
            }
            let word_id = self.m.vocab.intern(&scratch.key, print, NONE);
            if word_id as usize == self.root.len() {
                self.root.push(NONE);
            }
            node = self.child(node, word_id).unwrap_or_else(|| self.add_child(node, word_id));
        }
        let exact = case_sensitive
            .then(|| scratch.tokens.iter().map(|t| alias[t.start..t.end].to_string()).collect::<Box<[String]>>());
        self.add_terminal(node, skill, exact);
    }

    /// Adds `(skill, exact)` after the terminals of `node`, unless it is there.
    fn add_terminal(&mut self, node: u32, skill: SkillId, exact: Option<Box<[String]>>) {
        let m = &mut self.m;
        let added = m.terminals.len() as u32;
        let mut at = m.first[node as usize];
        if at == NONE {
            m.first[node as usize] = added;
        } else {
            loop {
                let t = &m.terminals[at as usize];
                if t.skill == skill && t.exact == exact {
                    return;
                }
                if t.next == NONE {
                    break;
                }
                at = t.next;
            }
            m.terminals[at as usize].next = added;
        }
        m.terminals.push(Terminal { skill, exact, next: NONE });
    }

    /// The child of `node` along word `word_id` (plain node indexes).
    fn child(&self, node: u32, word_id: u32) -> Option<u32> {
        match node {
            ROOT => Some(self.root[word_id as usize]).filter(|&n| n != NONE),
            _ => self.m.edges.find(edge_print(node, word_id), |_| true),
        }
    }

    fn add_child(&mut self, node: u32, word_id: u32) -> u32 {
        let child = self.m.first.len() as u32;
        self.m.first.push(NONE);
        self.goes_on.push(false);
        self.goes_on[node as usize] = true;
        match node {
            ROOT => self.root[word_id as usize] = child,
            _ => {
                self.m.edges.insert(edge_print(node, word_id), child);
                self.m.edge_bits.insert(edge_print(node, word_id));
            }
        }
        child
    }

    /// The matcher, with every node reference carrying its flags.
    fn seal(self) -> Matcher {
        let Builder { mut m, root, goes_on } = self;
        let first = std::mem::take(&mut m.first);
        let reference = |node: u32| match node {
            NONE => NONE,
            n => {
                let ends = if first[n as usize] != NONE { ENDS } else { 0 };
                n | ends | if goes_on[n as usize] { GOES_ON } else { 0 }
            }
        };
        m.vocab.set_roots(|id| reference(root[id as usize]));
        for child in m.edges.values_mut() {
            *child = reference(*child);
        }
        m.first = first;
        m
    }
}

/// The key of the edge from `node` (not the root) along `word_id`: a
/// bijection of the pair, so edges never collide, and never 0.
fn edge_print(node: u32, word_id: u32) -> u64 {
    fingerprint::fmix64(u64::from(node) << 32 | u64::from(word_id))
}

/// The fingerprint of the singular key of `word` when `word` may be a plural
/// that stands for it: a lowercase word or an acronym plural (`APIs`), whose
/// key ends in one `s` after at least three characters.
fn singular_fingerprint(word: &str, key: &mut String) -> Option<u64> {
    if !matches!(word.as_bytes().last(), Some(b's' | b'S')) {
        return None;
    }
    let first_lower = word.chars().next().is_some_and(char::is_lowercase);
    let acronym_plural = word.ends_with('s') && word[..word.len() - 1].chars().all(char::is_uppercase);
    if !first_lower && !acronym_plural {
        return None;
    }
    if fingerprint::plain_ascii(word) {
        let b = word.as_bytes();
        let plural =
            b.len() >= 4 && b[b.len() - 1].eq_ignore_ascii_case(&b's') && !b[b.len() - 2].eq_ignore_ascii_case(&b's');
        return plural.then(|| fingerprint::word_fingerprint(&word[..word.len() - 1], key));
    }
    word_key(word, key);
    let singular = key.strip_suffix('s').filter(|s| s.len() >= 3 && !s.ends_with('s'))?;
    Some(fingerprint::key_fingerprint(singular))
}

/// Case and context rules for tokens `i..end` matching terminal `t`.
fn accepts(t: &Terminal, line: &str, tokens: &[Token], i: usize, end: usize) -> bool {
    let Some(exact) = &t.exact else { return true };
    let same = exact.len() == end - i
        && exact.iter().zip(&tokens[i..end]).all(|(w, tok)| same_case(w, &line[tok.start..tok.end]));
    same && (end - i > 1 || !is_prose_word(line, tokens, i))
}

/// Whether `text` is the case-sensitive alias word `word` as written, or
/// its plural when `word` is an acronym in capitals (`VFDs` for `VFD`).
fn same_case(word: &str, text: &str) -> bool {
    word == text
        || (text.len() == word.len() + 1
            && text.starts_with(word)
            && text.ends_with('s')
            && word.len() >= 2
            && word.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()))
}

/// A case-sensitive one-word alias (`Go`, `Rust`, `Swift`, `C`) reads as an
/// ordinary word when hyphen-joined (`Go-to-market`, `C-level`) or, for a
/// word of two letters or more, when it opens a sentence outside a list
/// (`Go to the site.`); an acronym in capitals does only on a line written
/// all in capitals (`WHAT YOU CAN EXPECT`), never elsewhere (`HIPAA
/// compliance`, `HIPAA-compliant`).
fn is_prose_word(line: &str, tokens: &[Token], i: usize) -> bool {
    let tok = tokens[i];
    let text = |k: usize| &line[tokens[k].start..tokens[k].end];
    let letters = text(i).chars().count();
    if letters >= 2 && text(i).chars().all(|c| !c.is_alphabetic() || c.is_uppercase()) {
        return is_shouted(line, tokens, i);
    }
    if tok.hyphen_before || tok.hyphen_after {
        return true;
    }
    if letters < 2 {
        return is_letter_pair(line, tokens, i);
    }
    let prev_word = tokens[..i].iter().rposition(|t| t.is_word);
    let sentence_start = match prev_word {
        None => true,
        Some(_) => i > 0 && SENTENCE_ENDS.contains(&text(i - 1)),
    };
    let in_list = (i > 0 && LIST_MARKS.contains(&text(i - 1)))
        || tokens.get(i + 1).is_none_or(|next| LIST_MARKS.contains(&&line[next.start..next.end]) || !next.is_word);
    sentence_start && !in_list
}

/// Words after a name opening a bullet or sentence that make it a skill
/// (`- Rust programming`, `Go experience`, `Swift apps`).
const SKILL_NOUNS: [&str; 21] = [
    "applications",
    "apps",
    "code",
    "codebase",
    "development",
    "developer",
    "developers",
    "ecosystem",
    "engineering",
    "experience",
    "expertise",
    "framework",
    "frameworks",
    "knowledge",
    "libraries",
    "proficiency",
    "programming",
    "projects",
    "services",
    "skills",
    "stack",
];

/// Whether `tokens` (those after a name opening a sentence) say that it is
/// asked for or used: `is`/`are`, then a word of [`ASKED`] (`Rust is
/// required`, `Go is a plus`, `Kotlin is our main language`); not `Go is
/// where we start`.
fn asked_after(line: &str, tokens: &[Token]) -> bool {
    let word = |k: usize| tokens.get(k).map_or("", |t| &line[t.start..t.end]);
    let article = matches!(word(1), "a" | "an" | "our");
    matches!(word(0), "is" | "are") && ASKED.contains(&if article { word(2) } else { word(1) })
}

/// Words after `is`, `is a`, `is an` or `is our` that ask for the name
/// before them or say it is in use.
const ASKED: [&str; 25] = [
    "advantage",
    "advantageous",
    "appreciated",
    "asset",
    "beneficial",
    "big",
    "bonus",
    "core",
    "desirable",
    "desired",
    "essential",
    "great",
    "helpful",
    "huge",
    "main",
    "mandatory",
    "must",
    "nice",
    "plus",
    "preferred",
    "primary",
    "required",
    "requirement",
    "strong",
    "welcome",
];

/// Whether token `i` may be a name opening a bullet or sentence (`- Spark
/// on EMR`, `Go or Rust.`): not hyphen-joined, two letters or more.
fn may_open(tokens: &[Token], i: usize) -> bool {
    let t = tokens[i];
    !t.hyphen_before && !t.hyphen_after && t.end - t.start >= 2
}

/// The first token of the hyphen-joined word ending at token `i` (`real-time`).
fn word_start(tokens: &[Token], mut i: usize) -> usize {
    while i > 0 && tokens[i].hyphen_before {
        i -= 1;
    }
    i
}

/// Whether `line` is prose written all in capitals: no lowercase letter,
/// [`SHOUTED_WORDS`] words or more with letters, one besides token `i` a
/// function word (a heading such as `WHAT YOU CAN EXPECT`, where capitals
/// say nothing of an acronym; `CAN | SPI | I2C` is a list of acronyms).
fn is_shouted(line: &str, tokens: &[Token], i: usize) -> bool {
    if line.chars().any(char::is_lowercase) {
        return false;
    }
    let mut words = tokens.iter().enumerate().filter(|&(k, t)| k != i && t.is_word).map(|(_, t)| &line[t.start..t.end]);
    let mut scratch = String::new();
    words.clone().filter(|w| w.chars().any(char::is_alphabetic)).count() + 1 >= SHOUTED_WORDS
        && words.any(|w| crate::keywords::is_function_word(w, &mut scratch))
}

/// A single letter joined by `&` to another (`R & D`, `P & L`, `Q & A`).
fn is_letter_pair(line: &str, tokens: &[Token], i: usize) -> bool {
    let letter = |k: usize| tokens.get(k).is_some_and(|t| t.is_word && line[t.start..t.end].chars().count() == 1);
    let amp = |k: usize| tokens.get(k).is_some_and(|t| &line[t.start..t.end] == "&");
    (amp(i + 1) && letter(i + 2)) || (i >= 2 && amp(i - 1) && letter(i - 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEXICON: &str = "\
C\tprogramming-language\t=C\tlinguist
C#\tprogramming-language\tC#|c sharp|csharp\tlinguist
C++\tprogramming-language\tC++|cpp\tlinguist
CI/CD\tmethodology\tCI/CD|continuous integration\toverrides
Distributed systems\tdomain\tdistributed systems\tesco
Go\tprogramming-language\t=Go|golang\tlinguist
Java\tprogramming-language\tJava\tlinguist
JavaScript\tprogramming-language\tJavaScript|js\tlinguist
Machine learning\tdomain\tmachine learning\tesco
Node.js\tframework\tNode.js|node js\tdevicon
R\tprogramming-language\t=R\tlinguist
Real-time systems\tdomain\treal-time systems\tesco
x86-64\ttool\tx86-64|x86_64\toverrides
.NET\tframework\t.NET|dotnet\tdevicon
API\ttool\tAPI\toverrides
HIPAA\tdomain\t=HIPAA\toverrides
";

    fn skills(line: &str) -> Vec<(String, String)> {
        let lexicon = Lexicon::parse(LEXICON, "test").unwrap();
        let m = Matcher::new(&lexicon);
        m.find(line)
            .into_iter()
            .map(|h| (line[h.start..h.end].to_string(), lexicon.skill(h.skill).name.clone()))
            .collect()
    }

    fn names(line: &str) -> Vec<String> {
        skills(line).into_iter().map(|(_, n)| n).collect()
    }

    #[test]
    fn symbols_in_names() {
        assert_eq!(names("C, C++, C# and .NET"), ["C", "C++", "C#", ".NET"]);
        assert_eq!(names("Built on ASP.NET"), Vec::<String>::new());
        assert_eq!(names("Node.js, NodeJS and node js"), ["Node.js", "Node.js", "Node.js"]);
    }

    #[test]
    fn go_the_language_not_the_verb() {
        assert_eq!(names("Languages: Rust, Go, Python"), ["Go"]);
        assert_eq!(names("We go to market fast"), Vec::<String>::new());
        assert_eq!(names("Go to the site."), Vec::<String>::new());
        assert_eq!(names("Go-to-market strategy"), Vec::<String>::new());
        assert_eq!(names("Go, Rust"), ["Go"]);
        assert_eq!(names("services in Go and golang"), ["Go", "Go"]);
        assert_eq!(names("Google"), Vec::<String>::new());
    }

    #[test]
    fn a_name_opening_a_bullet_or_sentence_listed_with_a_skill_or_before_a_skill_noun() {
        assert_eq!(names("- Go or Java experience"), ["Go", "Java"]);
        assert_eq!(names("• Go and C++ services"), ["Go", "C++"]);
        assert_eq!(names("- Go and see our Java stack"), ["Java"], "not listed with it");
        assert_eq!(names("- Go to the office twice a week"), Vec::<String>::new());
        assert_eq!(names("Go or Java."), ["Go", "Java"], "a sentence as a bullet");
        assert_eq!(names("- Go programming"), ["Go"]);
        assert_eq!(names("* Go experience is a plus"), ["Go"]);
        assert_eq!(names("Go experience is a plus."), ["Go"]);
        assert_eq!(names("Go and see our Java stack."), ["Java"]);
        assert_eq!(names("- Go with C++ bindings"), ["Go", "C++"]);
        assert_eq!(names("Go with the flow"), Vec::<String>::new());
        assert_eq!(names("Go is a bonus."), ["Go"]);
        assert_eq!(names("We hire. Go is required. Go is our main language."), ["Go", "Go"]);
        assert_eq!(names("Go is where we start."), Vec::<String>::new());
    }

    #[test]
    fn words_coordinated_with_a_hit_share_its_other_words() {
        assert_eq!(names("real-time and distributed systems"), ["Real-time systems", "Distributed systems"]);
        assert_eq!(names("distributed and real-time systems"), ["Distributed systems", "Real-time systems"]);
        assert_eq!(names("soft, distributed or real-time systems"), ["Distributed systems", "Real-time systems"]);
        assert_eq!(names("Java and machine learning"), ["Java", "Machine learning"], "no alias `java learning`");
        // Hits of an earlier line, at the same offsets, do not stand in the way.
        let m = Matcher::new(&Lexicon::parse(LEXICON, "test").unwrap());
        let (mut scratch, mut hits) = (Scratch::default(), Vec::new());
        m.find_into("Java", &mut scratch, &mut hits);
        m.find_into("real-time and distributed systems", &mut scratch, &mut hits);
        assert_eq!(hits.len(), 3);
    }

    #[test]
    fn an_acronym_opening_a_sentence_is_still_the_skill() {
        assert_eq!(names("HIPAA compliance is a must."), ["HIPAA"]);
        assert_eq!(names("- HIPAA-compliant systems"), ["HIPAA"]);
        assert_eq!(names("Hipaa compliance"), Vec::<String>::new(), "case-sensitive");
        assert!(same_case("VFD", "VFDs") && same_case("HIPAA", "HIPAA") && !same_case("Go", "Gos"));
    }

    #[test]
    fn capitals_say_nothing_on_a_line_all_in_capitals() {
        let lexicon = "CAN bus\tdomain\tCAN bus|=CAN\toverrides\nJava\tprogramming-language\tJava\tlinguist\n";
        let lexicon = Lexicon::parse(lexicon, "test").unwrap();
        let m = Matcher::new(&lexicon);
        let found = |line: &str| m.find(line).len();
        assert_eq!(found("WHAT YOU CAN EXPECT"), 0);
        assert_eq!(found("WHAT YOU CAN BRING: JAVA"), 1, "a case-insensitive alias still counts");
        assert_eq!(found("SPI, I2C and CAN drivers"), 1);
        assert_eq!(found("CAN, SPI"), 1, "two words are a list, not a heading");
        assert_eq!(found("CAN | SPI | I2C | UART"), 1, "acronyms without a function word");
        assert_eq!(names("HIPAA"), ["HIPAA"]);
    }

    #[test]
    fn single_letters_need_exact_case_and_context() {
        assert_eq!(names("R and C/C++"), ["R", "C", "C++"]);
        assert_eq!(names("r and c"), Vec::<String>::new());
        assert_eq!(names("C-level executives"), Vec::<String>::new());
        assert_eq!(names("R&D budget"), Vec::<String>::new());
        assert_eq!(names("R & D budget, P & L"), Vec::<String>::new());
        assert_eq!(names("R & Python, C & C++"), ["R", "C", "C++"]);
    }

    #[test]
    fn longest_match_and_phrases() {
        assert_eq!(names("CI/CD pipelines"), ["CI/CD"]);
        assert_eq!(names("JavaScript, not Java"), ["JavaScript", "Java"]);
        assert_eq!(names("x86-64 and x86_64"), ["x86-64", "x86-64"]);
        assert_eq!(names("real time systems and real-time systems"), ["Real-time systems", "Real-time systems"]);
    }

    #[test]
    fn plurals_and_case_folding() {
        assert_eq!(names("REST APIs and an api"), ["API", "API"]);
        assert_eq!(names("MACHINE LEARNING"), ["Machine learning"]);
        assert_eq!(names("Apis Mellifera"), Vec::<String>::new());
    }

    #[test]
    fn offsets_cover_the_surface() {
        assert_eq!(skills("Über C# dev"), [("C#".to_string(), "C#".to_string())]);
    }
}
