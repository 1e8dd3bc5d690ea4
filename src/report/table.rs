//! Terminal tables (comfy-table), plain characters and a fixed width so the
//! output is byte-stable whether or not it goes to a terminal.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};

use super::Block;

/// Table width in columns.
const WIDTH: u16 = 140;

pub(super) fn render(heading: &str, blocks: &[Block]) -> String {
    let mut out = format!("{heading}\n");
    for block in blocks {
        out.push_str(&format!("\n{}\n", block.title));
        if block.rows.is_empty() {
            out.push_str("(none)\n");
            continue;
        }
        let mut table = Table::new();
        table
            .load_style(UTF8_FULL_CONDENSED)
            .force_no_tty()
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(WIDTH)
            .set_header(block.header.clone());
        for row in &block.rows {
            table.add_row(row.clone());
        }
        out.push_str(&table.to_string());
        out.push('\n');
    }
    out
}
