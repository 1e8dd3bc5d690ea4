//! The matcher's vocabulary: word keys ([`word_key`]) to dense word ids,
//! looked up straight from a word as written, without building its key.

use crate::tokenize::word_key;

/// An open-addressing table from 64-bit key fingerprints to word ids.
///
/// A word of the text is looked up by its fingerprint alone: keys of at most
/// 8 bytes map one-to-one to their fingerprint, and a longer word not in the
/// vocabulary is taken for one that is only if their 64-bit fingerprints
/// collide (odds about 1 in 10^15 a word for this vocabulary size). Adding a
/// key compares the keys themselves, so two keys never share an id.
#[derive(Debug)]
pub struct Vocab {
    /// (fingerprint, word id) per slot, fingerprint [`EMPTY`] when free; the
    /// length is a power of two.
    slots: Vec<(u64, u32)>,
    /// Every key, concatenated; key `id` is `keys[ends[id - 1]..ends[id]]`.
    keys: String,
    ends: Vec<u32>,
}

const EMPTY: u64 = 0;

impl Vocab {
    /// An empty vocabulary with room for `words` keys before it grows.
    pub fn with_capacity(words: usize) -> Vocab {
        let slots = (words * 2).next_power_of_two().max(16);
        Vocab { slots: vec![(EMPTY, 0); slots], keys: String::new(), ends: Vec::new() }
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    /// The id of `key` (a [`word_key`]), adding it when new; ids are dense from 0.
    pub fn intern(&mut self, key: &str) -> u32 {
        let hash = key_fingerprint(key);
        if let Some(id) = self.find(hash, |id| self.key(id) == key) {
            return id;
        }
        if (self.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let id = self.len() as u32;
        self.keys.push_str(key);
        self.ends.push(self.keys.len() as u32);
        self.place(hash, id);
        id
    }

    /// The id of the key whose fingerprint is `hash` (from [`word_fingerprint`]
    /// or [`key_fingerprint`]).
    pub fn id(&self, hash: u64) -> Option<u32> {
        self.find(hash, |_| true)
    }

    fn key(&self, id: u32) -> &str {
        let start = if id == 0 { 0 } else { self.ends[id as usize - 1] as usize };
        &self.keys[start..self.ends[id as usize] as usize]
    }

    fn find(&self, hash: u64, same: impl Fn(u32) -> bool) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut slot = hash as usize & mask;
        loop {
            match self.slots[slot] {
                (EMPTY, _) => return None,
                (h, id) if h == hash && same(id) => return Some(id),
                _ => slot = (slot + 1) & mask,
            }
        }
    }

    fn place(&mut self, hash: u64, id: u32) {
        let mask = self.slots.len() - 1;
        let mut slot = hash as usize & mask;
        while self.slots[slot].0 != EMPTY {
            slot = (slot + 1) & mask;
        }
        self.slots[slot] = (hash, id);
    }

    fn grow(&mut self) {
        let old: Vec<(u64, u32)> = self.slots.iter().copied().filter(|(h, _)| *h != EMPTY).collect();
        self.slots = vec![(EMPTY, 0); self.slots.len() * 2];
        for (hash, id) in old {
            self.place(hash, id);
        }
    }
}

/// The fingerprint of the [`word_key`] of `word` as written (`Node.JS` gives
/// that of `nodejs`); `scratch` holds the key of a word that is not plain ASCII.
pub fn word_fingerprint(word: &str, scratch: &mut String) -> u64 {
    if plain_ascii(word) {
        return ascii_fingerprint(word.as_bytes());
    }
    word_key(word, scratch);
    key_fingerprint(scratch)
}

/// An ASCII word without inner dots: its key is its lowercase.
pub fn plain_ascii(word: &str) -> bool {
    let b = word.as_bytes();
    // A loop, not `contains` (a `memchr` call costs more than a short word).
    b.is_ascii() && (b.len() <= 2 || b[1..b.len() - 1].iter().all(|&c| c != b'.'))
}

/// The fingerprint of a key (a [`word_key`]).
pub fn key_fingerprint(key: &str) -> u64 {
    fingerprint(key.bytes())
}

/// A 64-bit fingerprint of a key's bytes, never [`EMPTY`]: eight-byte chunks
/// mixed in turn, then finalized with MurmurHash3's `fmix64`, so keys of at
/// most 8 (non-zero) bytes get distinct fingerprints.
fn fingerprint(bytes: impl Iterator<Item = u8>) -> u64 {
    let (mut hash, mut chunk, mut n) = (0u64, 0u64, 0u32);
    for b in bytes {
        if n == 8 {
            hash = (hash.rotate_left(23) ^ chunk).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            chunk = 0;
            n = 0;
        }
        chunk |= u64::from(b) << (8 * n);
        n += 1;
    }
    let mixed = fmix64(hash ^ chunk);
    if mixed == EMPTY { 1 } else { mixed }
}

/// [`fingerprint`] of the lowercase of ASCII `bytes`, eight at a time.
pub fn ascii_fingerprint(bytes: &[u8]) -> u64 {
    let mut hash = 0u64;
    let mut rest = bytes;
    while rest.len() > 8 {
        let (chunk, tail) = rest.split_at(8);
        let lower = ascii_lower(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        hash = (hash.rotate_left(23) ^ lower).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        rest = tail;
    }
    let last = rest.iter().rev().fold(0u64, |v, &b| (v << 8) | u64::from(b));
    let mixed = fmix64(hash ^ ascii_lower(last));
    if mixed == EMPTY { 1 } else { mixed }
}

/// Eight ASCII bytes with `A`–`Z` made lowercase (zero bytes stay zero).
fn ascii_lower(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let at_least_a = x.wrapping_add(ONES * (0x80 - u64::from(b'A')));
    let past_z = x.wrapping_add(ONES * (0x80 - u64::from(b'Z') - 1));
    x | ((at_least_a & !past_z & (ONES * 0x80)) >> 2)
}

fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^ (k >> 33)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_find_their_keys() {
        let mut v = Vocab::with_capacity(2);
        let ids: Vec<u32> = ["nodejs", "c++", "kubernetes", ".net", "api", "résumé"].map(|k| v.intern(k)).into();
        assert_eq!(ids, [0, 1, 2, 3, 4, 5]);
        assert_eq!(v.intern("api"), 4);
        let mut s = String::new();
        let mut id = |word: &str| v.id(word_fingerprint(word, &mut s));
        assert_eq!(id("Node.JS"), Some(0));
        assert_eq!(id("C++"), Some(1));
        assert_eq!(id("Kubernetes"), Some(2));
        assert_eq!(id(".NET"), Some(3));
        assert_eq!(id("RÉSUMÉ"), Some(5));
        assert_eq!(id("kubernetez"), None);
        assert_eq!(id("node"), None);
    }

    #[test]
    fn ascii_fingerprint_is_the_fingerprint_of_the_key() {
        for word in ["a", "Go", "KUBERNETES", "PostgreSQL", "abcdefgh", "ABCDEFGHI", "x86_64", "C++", "Z@[`{"] {
            let key = word.to_ascii_lowercase();
            assert_eq!(ascii_fingerprint(word.as_bytes()), fingerprint(key.bytes()), "{word}");
        }
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

    #[test]
    fn short_keys_have_distinct_fingerprints() {
        let keys = ["a", "b", "ab", "ba", "abcdefgh", "abcdefg", "hgfedcba"];
        let prints: std::collections::HashSet<u64> = keys.iter().map(|k| fingerprint(k.bytes())).collect();
        assert_eq!(prints.len(), keys.len());
    }
}
