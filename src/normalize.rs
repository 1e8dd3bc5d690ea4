//! Text normalization applied to every loaded document: Unicode NFKC
//! (ligatures such as `ﬁ`, full-width forms, no-break spaces), typographic
//! quotes to ASCII, invisible characters removed, Markdown backslash escapes
//! (`io\_uring`) undone, and `\n` line ends. Byte offsets in findings refer
//! to this normalized text.

use unicode_normalization::UnicodeNormalization;

/// Normalizes `text` as described in the module docs; line structure is kept.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev_backslash = false;
    for c in text.nfkc() {
        if prev_backslash {
            prev_backslash = false;
            if !c.is_ascii_punctuation() {
                out.push('\\');
            }
        }
        match c {
            '\\' => prev_backslash = true,
            '\r' | '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => out.push('"'),
            '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    if prev_backslash {
        out.push('\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn folds_ligatures_quotes_and_escapes() {
        assert_eq!(normalize("e\u{FB03}cient"), "efficient");
        assert_eq!(normalize("\u{201C}io\\_uring\u{201D} \\$25M"), "\"io_uring\" $25M");
        assert_eq!(normalize("a\r\nb\\n"), "a\nb\\n");
        assert_eq!(normalize("soft\u{00AD}ware"), "software");
    }
}
