//! The matcher's vocabulary: word keys ([`word_key`]) to dense word ids
//! and the trie node an alias starting with the word goes to, looked up
//! straight from a word as written, without building its key.

use crate::fingerprint::PrintTable;
#[cfg(test)]
use crate::tokenize::word_key;

/// A word of the vocabulary as a lookup gives it: one table slot, so one
/// memory access finds both.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Word {
    /// Dense id, from 0 in the order keys were added.
    pub id: u32,
    /// The root's child along this word (a node reference of the matcher,
    /// with its flags), or the matcher's `NONE` when no alias starts with it.
    pub root: u32,
}

/// Word keys by their 64-bit fingerprints ([`crate::fingerprint`]).
///
/// A word of the text is looked up by its fingerprint alone: keys of at most
/// 8 bytes map one-to-one to their fingerprint, and a longer word not in the
/// vocabulary is taken for one that is only if their 64-bit fingerprints
/// collide (odds about 1 in 10^15 a word for this vocabulary size). Adding a
/// key compares the keys themselves, so two keys never share an id.
#[derive(Debug)]
pub struct Vocab {
    /// Fingerprint → word.
    table: PrintTable<Word>,
    /// Every key, concatenated; key `id` is `keys[ends[id - 1]..ends[id]]`.
    keys: String,
    ends: Vec<u32>,
}

impl Vocab {
    /// An empty vocabulary with room for `words` keys before it grows.
    pub fn with_capacity(words: usize) -> Vocab {
        Vocab { table: PrintTable::with_capacity(words), keys: String::new(), ends: Vec::new() }
    }

    /// The id of `key` (a [`word_key`]) whose
    /// [`crate::fingerprint::key_fingerprint`] is `print`,
    /// adding it when new (with `root` as given); ids are dense from 0.
    pub fn intern(&mut self, key: &str, print: u64, root: u32) -> u32 {
        if let Some(word) = self.table.find(print, |w| self.key(w.id) == key) {
            return word.id;
        }
        let id = self.ends.len() as u32;
        self.keys.push_str(key);
        self.ends.push(self.keys.len() as u32);
        self.table.insert(print, Word { id, root });
        id
    }

    /// The word whose key's fingerprint is `print` (from
    /// [`crate::fingerprint::word_fingerprint`] or [`crate::fingerprint::key_fingerprint`]).
    pub fn get(&self, print: u64) -> Option<Word> {
        self.table.find(print, |_| true)
    }

    /// Sets every word's `root` to `root(id)`.
    pub fn set_roots(&mut self, root: impl Fn(u32) -> u32) {
        for word in self.table.values_mut() {
            word.root = root(word.id);
        }
    }

    fn key(&self, id: u32) -> &str {
        let start = if id == 0 { 0 } else { self.ends[id as usize - 1] as usize };
        &self.keys[start..self.ends[id as usize] as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fingerprint::{key_fingerprint, word_fingerprint};

    #[test]
    fn words_find_their_keys() {
        let mut v = Vocab::with_capacity(2);
        let ids: Vec<u32> =
            ["nodejs", "c++", "kubernetes", ".net", "api", "résumé"].map(|k| v.intern(k, key_fingerprint(k), 0)).into();
        assert_eq!(ids, [0, 1, 2, 3, 4, 5]);
        assert_eq!(v.intern("api", key_fingerprint("api"), 0), 4);
        v.set_roots(|id| id * 10);
        let mut s = String::new();
        assert_eq!(v.get(word_fingerprint("API", &mut s)), Some(Word { id: 4, root: 40 }));
        let mut id = |word: &str| v.get(word_fingerprint(word, &mut s)).map(|w| w.id);
        assert_eq!(id("Node.JS"), Some(0));
        assert_eq!(id("C++"), Some(1));
        assert_eq!(id("Kubernetes"), Some(2));
        assert_eq!(id(".NET"), Some(3));
        assert_eq!(id("RÉSUMÉ"), Some(5));
        assert_eq!(id("kubernetez"), None);
        assert_eq!(id("node"), None);
    }

    #[test]
    fn the_embedded_lexicon_words_have_distinct_fingerprints() {
        let lexicon = crate::lexicon::Lexicon::embedded().unwrap();
        let mut keys = std::collections::HashSet::new();
        let mut key = String::new();
        for alias in lexicon.skills.iter().flat_map(|s| &s.aliases) {
            for t in crate::tokenize::tokenize(&alias.text) {
                word_key(&alias.text[t.start..t.end], &mut key);
                keys.insert(key.clone());
            }
        }
        let prints: std::collections::HashSet<u64> = keys.iter().map(|k| key_fingerprint(k)).collect();
        assert_eq!(prints.len(), keys.len());
    }
}
