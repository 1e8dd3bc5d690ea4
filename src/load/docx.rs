//! DOCX text: the WordprocessingML of the body (`word/document.xml`) and of
//! the page headers, walked with `quick-xml`: paragraphs, runs, tabs, breaks,
//! text boxes and hyperlinks; a table row is one line with its cells
//! separated by tabs; list paragraphs get a `- ` bullet.
//! Parts are read through a size cap, so a zip bomb is refused.

use std::io::{Cursor, Read};

use quick_xml::events::Event;

/// Largest uncompressed XML part read, in bytes (64 MiB).
const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
/// At most this many header parts are read.
const MAX_HEADERS: usize = 16;

/// The text of a DOCX file: headers first (contact details often sit there),
/// then the body; and the body's first non-empty line, the document's title
/// (a page header holds an address or a page number as often as a name).
pub(super) fn to_text(bytes: &[u8]) -> Result<(String, Option<String>), String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| format!("not a DOCX (zip) file: {e}"))?;
    let mut headers: Vec<String> =
        zip.file_names().filter_map(Result::ok).filter(|n| is_header(n)).map(|n| n.into_owned()).collect();
    headers.sort();
    headers.truncate(MAX_HEADERS);
    let mut text = String::new();
    let mut title = None;
    for name in headers.iter().map(String::as_str).chain([BODY]) {
        let xml = read_part(&mut zip, name)?;
        let part = wordml_text(&xml).map_err(|e| format!("{name}: {e}"))?;
        if name == BODY {
            title = part.lines().map(str::trim).find(|l| !l.is_empty()).map(str::to_string);
        }
        text.push_str(&part);
        text.push('\n');
    }
    Ok((text, title))
}

/// The part that holds the document's body.
const BODY: &str = "word/document.xml";

fn is_header(name: &str) -> bool {
    name.starts_with("word/header") && name.ends_with(".xml")
}

fn read_part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<String, String> {
    let part = zip.by_name(name).map_err(|e| format!("no {name} in the file: {e}"))?;
    if part.size() > MAX_PART_BYTES {
        return Err(format!("{name} expands to {} bytes, over the {MAX_PART_BYTES}-byte limit", part.size()));
    }
    let mut xml = Vec::new();
    part.take(MAX_PART_BYTES + 1).read_to_end(&mut xml).map_err(|e| format!("{name}: {e}"))?;
    if xml.len() as u64 > MAX_PART_BYTES {
        return Err(format!("{name} expands past the {MAX_PART_BYTES}-byte limit"));
    }
    String::from_utf8(xml).map_err(|_| format!("{name} is not UTF-8 XML"))
}

/// Text of one WordprocessingML part, one paragraph a line.
fn wordml_text(xml: &str) -> Result<String, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = String::new();
    let (mut in_text, mut fallback_depth, mut cell_depth) = (false, 0usize, 0usize);
    loop {
        let event =
            reader.read_event().map_err(|e| format!("malformed XML at byte {}: {e}", reader.buffer_position()))?;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "t" => in_text = true,
                "Fallback" => fallback_depth += 1,
                "tc" => cell_depth += 1,
                _ => {}
            },
            Event::End(e) if fallback_depth > 0 && e.local_name().as_ref() == "Fallback" => fallback_depth -= 1,
            Event::End(_) if fallback_depth > 0 => {}
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" => out.push(if cell_depth > 0 { ' ' } else { '\n' }),
                "tc" => {
                    cell_depth = cell_depth.saturating_sub(1);
                    out.push('\t');
                }
                "tr" => out.push('\n'),
                _ => {}
            },
            Event::Empty(e) if fallback_depth == 0 => match e.local_name().as_ref() {
                "tab" => out.push('\t'),
                "br" | "cr" => out.push('\n'),
                "numPr" => bullet(&mut out),
                _ => {}
            },
            Event::Text(t) if in_text && fallback_depth == 0 => out.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text && fallback_depth == 0 => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => quick_xml::escape::unescape(&format!("&{};", &*r)).map(|s| s.into_owned()).unwrap_or_default(),
                };
                out.push_str(&resolved);
            }
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// Starts the current paragraph with `- ` (it is a Word list item).
fn bullet(out: &mut String) {
    let line_start = out.rfind('\n').map_or(0, |i| i + 1);
    if !out[line_start..].starts_with("- ") {
        out.insert_str(line_start, "- ");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = r#"<w:document xmlns:w="w" xmlns:mc="mc"><w:body>
        <w:p><w:r><w:t>Skills</w:t></w:r></w:p>
        <w:p><w:pPr><w:numPr/></w:pPr><w:r><w:t xml:space="preserve">Rust &amp; C</w:t><w:tab/><w:t>Go</w:t></w:r></w:p>
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cloud:</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Kubernetes</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        <mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>eBPF</w:t></w:r></w:p></w:txbxContent></mc:Choice>
        <mc:Fallback><w:txbxContent><w:p><w:r><w:t>eBPF</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent>
        </w:body></w:document>"#;

    #[test]
    fn paragraphs_lists_tables_text_boxes() {
        let text = wordml_text(BODY).unwrap();
        let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        assert_eq!(lines, ["Skills", "- Rust & C\tGo", "Cloud: \tKubernetes", "eBPF"]);
    }

    #[test]
    fn malformed_xml_is_an_error() {
        assert!(wordml_text("<w:p><w:t>a</w:x>").is_err());
        assert!(to_text(b"PK\x03\x04 not a zip").is_err());
    }
}
