//! Excerpts of long lines: a finding quotes the post or résumé line that
//! asks for or shows a skill, and a line run together (a post pasted without
//! line breaks, megabytes long) is quoted around the skill, not whole. The
//! char-boundary rounding of this and other cuts of text lives here too.

/// Longest excerpt, in bytes (before the `…` marks).
pub const MAX_EXCERPT_BYTES: usize = 400;

/// `line` trimmed, or when longer than [`MAX_EXCERPT_BYTES`] the window of
/// about that many bytes around the first case-insensitive occurrence of
/// `near` (the start of the line when it has none), cut at spaces and
/// marked `…` where cut.
pub fn excerpt(line: &str, near: &str) -> String {
    let line = line.trim();
    if line.len() <= MAX_EXCERPT_BYTES {
        return line.to_string();
    }
    let at = find_ignoring_case(line, near).unwrap_or(0);
    let from = floor_char_boundary(line, at.saturating_sub(MAX_EXCERPT_BYTES / 2));
    let from = if from == 0 { 0 } else { line[from..at.max(from)].find(' ').map_or(from, |i| from + i + 1) };
    let to = floor_char_boundary(line, from + MAX_EXCERPT_BYTES);
    let to = if to == line.len() { to } else { line[from..to].rfind(' ').map_or(to, |i| from + i) };
    let mut out = String::with_capacity(to - from + 8);
    if from > 0 {
        out.push('…');
    }
    out.push_str(line[from..to].trim());
    if to < line.len() {
        out.push('…');
    }
    out
}

/// Byte offset of the first occurrence of `needle` in `haystack`, ASCII case ignored.
fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    if n.is_empty() || n.len() > h.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| haystack.is_char_boundary(i) && h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// The largest char boundary of `s` at or below `max` (`s.len()` at most).
pub fn floor_char_boundary(s: &str, max: usize) -> usize {
    (0..=max.min(s.len())).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0)
}

/// The smallest char boundary of `s` at or above `min` (`s.len()` at most).
pub fn ceil_char_boundary(s: &str, min: usize) -> usize {
    (min.min(s.len())..=s.len()).find(|&i| s.is_char_boundary(i)).unwrap_or(s.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lines_whole_long_lines_around_the_skill() {
        assert_eq!(excerpt("  Experience with Rust  ", "Rust"), "Experience with Rust");
        let long = format!("{} Strong Kubernetes skills. {}", "word ".repeat(200), "é tail ".repeat(200));
        let e = excerpt(&long, "kubernetes");
        assert!(e.starts_with('…') && e.ends_with('…') && e.contains("Strong Kubernetes skills"), "{e}");
        assert!(e.len() <= MAX_EXCERPT_BYTES + 2 * '…'.len_utf8());
        let e = excerpt(&long, "absent");
        assert!(e.starts_with("word word") && e.ends_with('…'));
        assert_eq!((floor_char_boundary("é", 1), ceil_char_boundary("é", 1), ceil_char_boundary("é", 9)), (0, 2, 2));
    }
}
