//! PDF text through `pdf-extract`, isolated because it can panic on
//! malformed files (its maintainers prefer panics to errors there).

use super::{ISOLATED_THREAD_PREFIX, isolated};

const STACK_BYTES: usize = 64 * 1024 * 1024;

/// The text layer of a PDF, pages separated by form feeds turned into blank
/// lines, and words that the layout broke after a hyphen joined again (see
/// [`join_hyphen_breaks`]).
pub(super) fn to_text(bytes: &[u8]) -> Result<String, String> {
    if !bytes.starts_with(b"%PDF-") && !bytes[..bytes.len().min(1024)].windows(5).any(|w| w == b"%PDF-") {
        return Err("no PDF header (%PDF-)".to_string());
    }
    let bytes = bytes.to_vec();
    let text = isolated(&format!("{ISOLATED_THREAD_PREFIX}-pdf"), STACK_BYTES, move || {
        pdf_extract::extract_text_from_mem(&bytes).map_err(|e| e.to_string())
    })?;
    Ok(join_hyphen_breaks(&text.replace('\u{c}', "\n")))
}

/// Joins a line that ends in a letter and a hyphen to the next line when that
/// starts with a lowercase letter (`gradient-` / `boosted trees`): a narrow
/// column broke the word there. The hyphen stays, since a compound
/// (`gradient-boosted`) cannot be told from a hyphenated word (`elec-tricity`).
fn join_hyphen_breaks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.split('\n').peekable();
    while let Some(line) = lines.next() {
        out.push_str(line);
        let broken = line.strip_suffix('-').and_then(|l| l.chars().next_back()).is_some_and(char::is_alphabetic);
        let continues = lines.peek().and_then(|next| next.chars().next()).is_some_and(char::is_lowercase);
        if lines.peek().is_some() && !(broken && continues) {
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::join_hyphen_breaks;

    #[test]
    fn hyphen_breaks_are_joined() {
        assert_eq!(join_hyphen_breaks("with gradient-\nboosted trees"), "with gradient-boosted trees");
        assert_eq!(
            join_hyphen_breaks("Skills -\nrust\nC-\nRust\n2020-\n2021"),
            "Skills -\nrust\nC-\nRust\n2020-\n2021"
        );
        assert_eq!(join_hyphen_breaks("a\n\nb\n"), "a\n\nb\n");
    }
}
