//! A standalone HTML page (UTF-8, inline style, no scripts or outside
//! resources): the heading's first line as title, its other lines as a
//! list, each block as a table. Every text is escaped.

use std::fmt::Write;

use super::Block;

/// Style of the page: readable tables, numbers not wrapped.
const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2rem;max-width:80rem;color:#222}\
table{border-collapse:collapse;margin-bottom:1.5rem}\
th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}\
th{background:#f3f3f3}tr:nth-child(even) td{background:#fafafa}";

pub(super) fn render(heading: &str, blocks: &[Block]) -> String {
    let mut lines = heading.lines();
    let title = escape(lines.next().unwrap_or(""));
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n"
    );
    let rest: Vec<&str> = lines.collect();
    if !rest.is_empty() {
        out.push_str("<ul>\n");
        for line in rest {
            let _ = writeln!(out, "<li>{}</li>", escape(line));
        }
        out.push_str("</ul>\n");
    }
    for block in blocks {
        let _ = writeln!(out, "<h2>{}</h2>", escape(&block.title));
        if block.rows.is_empty() {
            out.push_str("<p>(none)</p>\n");
            continue;
        }
        out.push_str("<table>\n<thead><tr>");
        for h in &block.header {
            let _ = write!(out, "<th>{}</th>", escape(h));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for row in &block.rows {
            out.push_str("<tr>");
            for cell in row {
                let _ = write!(out, "<td>{}</td>", escape(cell));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// `text` with `&`, `<`, `>`, `"` and `'` as character references.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_escaped() {
        let block = Block {
            title: "Missing <b>".to_string(),
            header: vec!["keyword", "asked in the post"],
            rows: vec![vec!["C++ & C#".to_string(), "<script>alert('x')</script>".to_string()]],
        };
        let page = render("Match score: 42.0/100\njob post: \"a\" <b>", &[block]);
        assert!(page.starts_with("<!DOCTYPE html>") && page.ends_with("</html>\n"));
        assert!(page.contains("<title>Match score: 42.0/100</title>"));
        assert!(page.contains("<li>job post: &quot;a&quot; &lt;b&gt;</li>"));
        assert!(page.contains("<td>C++ &amp; C#</td><td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</td>"));
        assert!(!page.contains("<script>") && page.contains("<h2>Missing &lt;b&gt;</h2>"));
    }
}
