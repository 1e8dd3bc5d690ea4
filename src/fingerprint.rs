//! 64-bit fingerprints of words and keys, and an open-addressing table
//! keyed by them: the matcher's vocabulary and the stem cache look words up
//! by fingerprint, straight from the word as written, without building or
//! comparing strings.

use crate::tokenize::word_key;

/// A free slot's fingerprint; [`fingerprint`] never gives it.
const EMPTY: u64 = 0;

/// An open-addressing table from 64-bit fingerprints to small `Copy` values
/// (`u32` unless said; linear probing, at most half full, length a power
/// of two). Equal fingerprints are told apart only by the `same` test of
/// [`PrintTable::find`].
#[derive(Debug, Clone)]
pub struct PrintTable<V = u32> {
    /// (fingerprint, value) per slot, fingerprint [`EMPTY`] when free.
    slots: Vec<(u64, V)>,
    len: usize,
}

impl<V: Copy + Default> PrintTable<V> {
    /// An empty table with room for `entries` before it grows.
    pub fn with_capacity(entries: usize) -> PrintTable<V> {
        let slots = (entries * 2).next_power_of_two().max(16);
        PrintTable { slots: vec![(EMPTY, V::default()); slots], len: 0 }
    }

    /// Entries in the table.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The first value stored under `print` for which `same` holds.
    pub fn find(&self, print: u64, same: impl Fn(V) -> bool) -> Option<V> {
        self.position(print, |&v| same(v)).map(|slot| self.slots[slot].1)
    }

    /// The slot of the first value stored under `print` for which `same`
    /// holds, for [`PrintTable::at`] (valid until the next insert or clear).
    pub fn position(&self, print: u64, same: impl Fn(&V) -> bool) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut slot = print as usize & mask;
        loop {
            match &self.slots[slot] {
                (EMPTY, _) => return None,
                (p, value) if *p == print && same(value) => return Some(slot),
                _ => slot = (slot + 1) & mask,
            }
        }
    }

    /// The value in `slot` (from [`PrintTable::position`] or [`PrintTable::insert`]).
    pub fn at(&self, slot: usize) -> &V {
        &self.slots[slot].1
    }

    /// Stores `value` under `print` (beside any value already there); its slot.
    pub fn insert(&mut self, print: u64, value: V) -> usize {
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        self.len += 1;
        self.place(print, value)
    }

    /// Empties the table, keeping its room.
    pub fn clear(&mut self) {
        self.slots.fill((EMPTY, V::default()));
        self.len = 0;
    }

    /// Every stored value, to be changed in place.
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.slots.iter_mut().filter(|(p, _)| *p != EMPTY).map(|(_, v)| v)
    }

    fn place(&mut self, print: u64, value: V) -> usize {
        let mask = self.slots.len() - 1;
        let mut slot = print as usize & mask;
        while self.slots[slot].0 != EMPTY {
            slot = (slot + 1) & mask;
        }
        self.slots[slot] = (print, value);
        slot
    }

    fn grow(&mut self) {
        let old: Vec<(u64, V)> = self.slots.iter().copied().filter(|(p, _)| *p != EMPTY).collect();
        self.slots = vec![(EMPTY, V::default()); self.slots.len() * 2];
        for (print, value) in old {
            self.place(print, value);
        }
    }
}

/// A set of fingerprints that may answer "maybe" for one it does not hold
/// (a one-hash Bloom filter over the top `bits` bits of a fingerprint): a
/// few kilobytes that stay in cache and turn most misses of a larger
/// [`PrintTable`] away before its lookup.
#[derive(Debug, Clone)]
pub struct PrintBits {
    words: Vec<u64>,
    shift: u32,
}

impl PrintBits {
    /// An empty set of `2^bits` bits (`bits` in 6..=32).
    pub fn new(bits: u32) -> PrintBits {
        PrintBits { words: vec![0; 1 << (bits - 6)], shift: 64 - bits }
    }

    /// Adds `print`.
    pub fn insert(&mut self, print: u64) {
        let bit = print >> self.shift;
        self.words[(bit / 64) as usize] |= 1 << (bit % 64);
    }

    /// `false` when `print` was never added; `true` when it was, or by chance.
    pub fn may_contain(&self, print: u64) -> bool {
        let bit = print >> self.shift;
        self.words[(bit / 64) as usize] & (1 << (bit % 64)) != 0
    }
}

/// The fingerprint of the [`word_key`] of `word` as written (`Node.JS` gives
/// that of `nodejs`); `scratch` holds the key of a word that is not plain ASCII.
pub fn word_fingerprint(word: &str, scratch: &mut String) -> u64 {
    let b = word.as_bytes();
    if b.len() <= 8 {
        // Most words: one load, and the ASCII and inner-dot tests on all eight bytes at once.
        let x = load_le(b);
        if x & HIGH_BITS == 0 && zero_bytes(x ^ (ONES * u64::from(b'.'))) & inner_bytes(b.len()) == 0 {
            return finish(ascii_lower(x));
        }
    } else if plain_ascii(word) {
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

/// A 64-bit fingerprint of a key's bytes, never 0 (the [`PrintTable`]'s empty slot): eight-byte chunks
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
    finish(hash ^ chunk)
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
    let last = load_le(rest);
    finish(hash ^ ascii_lower(last))
}

/// The fingerprint of a mixed hash: `fmix64`, never [`EMPTY`].
fn finish(hash: u64) -> u64 {
    match fmix64(hash) {
        EMPTY => 1,
        mixed => mixed,
    }
}

/// The little-endian value of at most 8 bytes, in two overlapping loads.
pub(crate) fn load_le(b: &[u8]) -> u64 {
    let n = b.len();
    match n {
        0 => 0,
        1 => u64::from(b[0]),
        2..4 => {
            u64::from(u16::from_le_bytes([b[0], b[1]]))
                | u64::from(u16::from_le_bytes([b[n - 2], b[n - 1]])) << (8 * (n - 2))
        }
        _ => {
            let lo = u32::from_le_bytes(b[..4].try_into().expect("four bytes"));
            let hi = u32::from_le_bytes(b[n - 4..].try_into().expect("four bytes"));
            u64::from(lo) | u64::from(hi) << (8 * (n - 4))
        }
    }
}

/// One in every byte.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte.
pub(crate) const HIGH_BITS: u64 = ONES * 0x80;

/// The high bit of each byte of `x` that is zero, and no other bit.
pub(crate) fn zero_bytes(x: u64) -> u64 {
    !(((x & !HIGH_BITS) + !HIGH_BITS) | x) & HIGH_BITS
}

/// The high bits of bytes `1..n - 1` (the inner bytes of an `n`-byte word, `n <= 8`).
fn inner_bytes(n: usize) -> u64 {
    let below_last = (1u64 << (8 * n.saturating_sub(1))) - 1;
    below_last & !0xff & HIGH_BITS
}

/// Eight ASCII bytes with `A`–`Z` made lowercase (zero bytes stay zero).
fn ascii_lower(x: u64) -> u64 {
    x | (bytes_in_range(x, b'A', b'Z') >> 2)
}

/// The high bit of each byte of `x` in `lo..=hi`, for bytes below 0x80
/// (per-byte sums that never carry into the next byte).
pub(crate) fn bytes_in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let at_least = x.wrapping_add(ONES * (0x80 - u64::from(lo)));
    let above = x.wrapping_add(ONES * (0x7f - u64::from(hi)));
    at_least & !above & HIGH_BITS
}

/// MurmurHash3's 64-bit finalizer: a bijection that spreads every input
/// bit over the output (0 stays 0).
pub fn fmix64(mut k: u64) -> u64 {
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
    fn ascii_fingerprint_is_the_fingerprint_of_the_key() {
        for word in ["a", "Go", "KUBERNETES", "PostgreSQL", "abcdefgh", "ABCDEFGHI", "x86_64", "C++", "Z@[`{"] {
            let key = word.to_ascii_lowercase();
            assert_eq!(ascii_fingerprint(word.as_bytes()), fingerprint(key.bytes()), "{word}");
        }
    }

    #[test]
    fn short_words_take_the_fingerprint_of_their_key() {
        let mut key = String::new();
        let words = ["", "a", ".", "..", "a.", ".a", "a.b", ".NET", "Node.JS", "node.js", "C++", "x.y.z", "ab.cdefg"];
        let more = ["abcdefgh", "abcdefg.", "ÉCOLE", "né", "R&D", "a\u{0}b"];
        for word in words.into_iter().chain(more) {
            word_key(word, &mut key);
            let expected = key_fingerprint(&key);
            assert_eq!(word_fingerprint(word, &mut String::new()), expected, "{word:?}");
        }
    }

    #[test]
    fn overlapping_loads_read_little_endian() {
        let bytes = b"abcdefgh";
        for n in 0..=8 {
            let expected = bytes[..n].iter().rev().fold(0u64, |v, &b| (v << 8) | u64::from(b));
            assert_eq!(load_le(&bytes[..n]), expected, "{n} bytes");
        }
    }

    #[test]
    fn short_keys_have_distinct_fingerprints() {
        let keys = ["a", "b", "ab", "ba", "abcdefgh", "abcdefg", "hgfedcba"];
        let prints: std::collections::HashSet<u64> = keys.iter().map(|k| fingerprint(k.bytes())).collect();
        assert_eq!(prints.len(), keys.len());
    }

    #[test]
    fn bits_hold_what_was_added() {
        let mut bits = PrintBits::new(16);
        let prints: Vec<u64> = (0..500u32).map(|v| key_fingerprint(&v.to_string())).collect();
        prints.iter().for_each(|&p| bits.insert(p));
        assert!(prints.iter().all(|&p| bits.may_contain(p)));
        let strangers = (500..10_500u32).filter(|v| bits.may_contain(key_fingerprint(&v.to_string()))).count();
        assert!(strangers < 200, "{strangers} of 10,000 others answered maybe (about 76 expected)");
    }

    #[test]
    fn table_finds_grows_and_clears() {
        let mut t = PrintTable::with_capacity(1);
        for v in 0..100u32 {
            t.insert(key_fingerprint(&v.to_string()), v);
        }
        t.insert(key_fingerprint("7"), 700);
        assert_eq!(t.len(), 101);
        assert_eq!(t.find(key_fingerprint("42"), |_| true), Some(42));
        assert_eq!(t.find(key_fingerprint("7"), |v| v > 100), Some(700), "equal prints told apart by `same`");
        assert_eq!(t.find(key_fingerprint("x"), |_| true), None);
        t.clear();
        assert!(t.is_empty() && t.find(key_fingerprint("42"), |_| true).is_none());
    }
}
