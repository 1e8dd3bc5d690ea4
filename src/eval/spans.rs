//! Token spans: gold spans from BIO tags, predicted spans from byte offsets.

/// A run of tokens, token indices, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
}

impl Span {
    /// Whether the two spans share a token.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// The spans of BIO tags (`B`, `I`, `O`, with or without a `-TYPE` suffix); an
/// `I` after `O` starts a span, as conlleval does.
pub fn bio_spans<S: AsRef<str>>(tags: &[S]) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for (i, tag) in tags.iter().enumerate() {
        let tag = tag.as_ref();
        let inside = tag.starts_with('I') && open.is_some();
        if !inside {
            if let Some(start) = open.take() {
                spans.push(Span { start, end: i });
            }
            if tag.starts_with('B') || tag.starts_with('I') {
                open = Some(i);
            }
        }
    }
    if let Some(start) = open {
        spans.push(Span { start, end: tags.len() });
    }
    spans
}

/// The tokens covered by bytes `start..end` of `tokens.join(" ")`: every token
/// the byte range touches; `None` when it touches none.
pub fn token_span<S: AsRef<str>>(tokens: &[S], start: usize, end: usize) -> Option<Span> {
    let mut offset = 0;
    let mut first = None;
    let mut last = None;
    for (i, token) in tokens.iter().enumerate() {
        let token_end = offset + token.as_ref().len();
        if token_end > start && offset < end {
            first.get_or_insert(i);
            last = Some(i);
        }
        offset = token_end + 1;
    }
    Some(Span { start: first?, end: last? + 1 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bio_tags_to_spans() {
        let s = |a, b| Span { start: a, end: b };
        assert_eq!(bio_spans(&["B", "I", "O", "B", "B", "I"]), [s(0, 2), s(3, 4), s(4, 6)]);
        assert_eq!(bio_spans(&["O", "I", "I", "O", "B-SKILL"]), [s(1, 3), s(4, 5)]);
        assert!(bio_spans::<&str>(&[]).is_empty());
    }

    #[test]
    fn byte_ranges_to_token_spans() {
        let tokens = [". NET", "and", "C#"];
        assert_eq!(token_span(&tokens, 0, 5), Some(Span { start: 0, end: 1 }));
        assert_eq!(token_span(&tokens, 2, 13), Some(Span { start: 0, end: 3 }));
        assert_eq!(token_span(&tokens, 5, 6), None);
    }
}
