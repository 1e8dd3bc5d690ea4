//! GitHub-flavoured Markdown tables.

use super::Block;

pub(super) fn render(heading: &str, blocks: &[Block]) -> String {
    let mut lines = heading.lines();
    let mut out = format!("# {}\n\n", lines.next().unwrap_or(""));
    for line in lines {
        out.push_str(&format!("- {}\n", escape(line)));
    }
    for block in blocks {
        out.push_str(&format!("\n## {}\n\n", block.title));
        if block.rows.is_empty() {
            out.push_str("(none)\n");
            continue;
        }
        out.push_str(&format!("| {} |\n", block.header.join(" | ")));
        out.push_str(&format!("|{}\n", " --- |".repeat(block.header.len())));
        for row in &block.rows {
            let cells: Vec<String> = row.iter().map(|c| escape(c)).collect();
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
    }
    out
}

/// Escapes the characters that would break a table cell or start Markdown markup.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '|' | '*' | '_' | '`' | '<' | '>' | '[' | ']' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
