//! PDF text through `pdf-extract`, isolated because it can panic on
//! malformed files (its maintainers prefer panics to errors there).

use super::{ISOLATED_THREAD_PREFIX, isolated};

const STACK_BYTES: usize = 64 * 1024 * 1024;

/// The text layer of a PDF, pages separated by form feeds turned into blank lines.
pub(super) fn to_text(bytes: &[u8]) -> Result<String, String> {
    if !bytes.starts_with(b"%PDF-") && !bytes[..bytes.len().min(1024)].windows(5).any(|w| w == b"%PDF-") {
        return Err("no PDF header (%PDF-)".to_string());
    }
    let bytes = bytes.to_vec();
    let text = isolated(&format!("{ISOLATED_THREAD_PREFIX}-pdf"), STACK_BYTES, move || {
        pdf_extract::extract_text_from_mem(&bytes).map_err(|e| e.to_string())
    })?;
    Ok(text.replace('\u{c}', "\n"))
}
