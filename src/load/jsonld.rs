//! A job page's schema.org `JobPosting`: the JSON-LD that job boards embed
//! for search engines (`<script type="application/ld+json">`). Its title and
//! description are the post itself, without the page's navigation, related
//! jobs, cookie banners and footer, which a saved page shows as text too.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

use crate::normalize::squeeze_whitespace;
use crate::report::escape_html as escape;

/// Fewest characters of description text for a posting to stand for its
/// page: a stub description (some boards embed only a teaser) leaves the
/// page's own text in use.
const MIN_DESCRIPTION_CHARS: usize = 200;
/// Deepest JSON nesting searched for the posting (`@graph` lists and arrays).
const MAX_DEPTH: usize = 8;

/// The schema.org `JobPosting` text fields that hold more of the post, in
/// the order they are appended after the description, each under a heading
/// that opens the matching section.
const FIELDS: [(&str, &str); 6] = [
    ("responsibilities", "Responsibilities"),
    ("qualifications", "Qualifications"),
    ("skills", "Skills"),
    ("educationRequirements", "Qualifications"),
    ("experienceRequirements", "Qualifications"),
    ("jobBenefits", "Benefits"),
];

/// A page's job posting: its title, and its description and other text
/// fields as one HTML fragment, each field after the first under an `<h2>`.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Posting {
    /// The posting's `title`, whitespace collapsed; `None` when missing or blank.
    pub title: Option<String>,
    /// The fragment to render as the post's text.
    pub html: String,
}

/// The first `JobPosting` in the page's JSON-LD scripts whose description
/// holds at least [`MIN_DESCRIPTION_CHARS`] characters of text; `None` when
/// there is none (malformed JSON-LD is passed over). `text_of` renders an
/// HTML fragment as text, to measure the description.
pub(super) fn job_posting(page: &str, text_of: impl Fn(&str) -> Option<String>) -> Option<Posting> {
    static SCRIPT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?is)<script\b[^>]*\btype\s*=\s*["']?application/ld\+json["']?[^>]*>(.*?)</script\s*>"#)
            .expect("valid regex")
    });
    SCRIPT
        .captures_iter(page)
        .filter_map(|c| serde_json::from_str::<Value>(unwrap_script(c.get(1)?.as_str())).ok())
        .find_map(|json| {
            let posting = find_posting(&json, 0)?;
            let description = as_html(posting.get("description")?)?;
            let described = text_of(&description)?;
            if described.chars().filter(|c| !c.is_whitespace()).count() < MIN_DESCRIPTION_CHARS {
                return None;
            }
            let title = title(posting);
            let html = compose(posting, title.as_deref(), description, &described, &text_of);
            Some(Posting { title, html })
        })
}

/// The JSON inside a script, without the `<!-- -->` or `<![CDATA[ ]]>` some pages wrap it in.
fn unwrap_script(script: &str) -> &str {
    let s = script.trim();
    let s = s.strip_prefix("<!--").and_then(|s| s.strip_suffix("-->")).unwrap_or(s);
    let s = s.trim();
    s.strip_prefix("<![CDATA[").and_then(|s| s.strip_suffix("]]>")).unwrap_or(s).trim()
}

/// The first object whose `@type` is or lists `JobPosting`, searching
/// arrays and `@graph` lists depth first.
fn find_posting(json: &Value, depth: usize) -> Option<&Value> {
    if depth > MAX_DEPTH {
        return None;
    }
    match json {
        Value::Array(items) => items.iter().find_map(|v| find_posting(v, depth + 1)),
        Value::Object(map) if is_posting(map.get("@type")) => Some(json),
        Value::Object(map) => map.get("@graph").and_then(|g| find_posting(g, depth + 1)),
        _ => None,
    }
}

fn is_posting(kind: Option<&Value>) -> bool {
    match kind {
        Some(Value::String(s)) => s == "JobPosting",
        Some(Value::Array(kinds)) => kinds.iter().any(|k| k.as_str() == Some("JobPosting")),
        _ => false,
    }
}

/// The posting's title, whitespace collapsed, when it has one.
fn title(posting: &Value) -> Option<String> {
    let title = squeeze_whitespace(posting.get("title")?.as_str()?);
    (!title.is_empty()).then_some(title)
}

/// A text field as HTML: a string (HTML as is, entity-escaped HTML decoded,
/// plain text a paragraph a line, escaped) or a list of strings (a bullet
/// list); `None` for anything else or for blank text.
fn as_html(field: &Value) -> Option<String> {
    let html = match field {
        Value::String(s) => string_html(s),
        Value::Array(items) => {
            let items: Vec<String> =
                items.iter().filter_map(Value::as_str).map(|s| format!("<li>{}</li>", escape(s))).collect();
            format!("<ul>{}</ul>", items.concat())
        }
        _ => return None,
    };
    (!html.trim().is_empty()).then_some(html)
}

fn string_html(s: &str) -> String {
    if s.contains('<') {
        s.to_string()
    } else if s.contains("&lt;") {
        super::html::unescape(s)
    } else {
        s.lines().filter(|l| !l.trim().is_empty()).map(|l| format!("<p>{}</p>", escape(l))).collect()
    }
}

/// The name of the posting's `hiringOrganization` (an object's `name`, or a
/// string), whitespace collapsed, when it has one.
fn employer(posting: &Value) -> Option<String> {
    let org = posting.get("hiringOrganization")?;
    let name = squeeze_whitespace(org.get("name").unwrap_or(org).as_str()?);
    (!name.is_empty()).then_some(name)
}

/// The title as `<h1>`, a `Company:` line with the employer's name, the description, then each other text field under
/// its heading, unless the description already holds its text (boards
/// often repeat the qualifications there).
fn compose(
    posting: &Value,
    title: Option<&str>,
    description: String,
    described: &str,
    text_of: impl Fn(&str) -> Option<String>,
) -> String {
    let mut html = title.map(|t| format!("<h1>{}</h1>", escape(t))).unwrap_or_default();
    if let Some(name) = employer(posting) {
        html.push_str(&format!("<p>Company: {}</p>", escape(&name)));
    }
    html.push_str(&description);
    let described = squeeze_whitespace(described);
    for (field, heading) in FIELDS {
        let Some(extra) = posting.get(field).and_then(as_html) else { continue };
        let text = squeeze_whitespace(&text_of(&extra).unwrap_or_default());
        if !text.is_empty() && !described.contains(&text) {
            html.push_str(&format!("<h2>{heading}</h2>{extra}"));
        }
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Text of an HTML fragment, tags dropped, for the length test.
    fn text_of(html: &str) -> Option<String> {
        let re = Regex::new("<[^>]*>").unwrap();
        Some(re.replace_all(html, " ").into_owned())
    }

    fn page(json: &str) -> String {
        format!(
            "<html><head><script type=\"application/ld+json\">{json}</script></head><body><nav>Home</nav></body></html>"
        )
    }

    fn long(text: &str) -> String {
        format!("{text} {}", "We build tools for shops. ".repeat(10))
    }

    #[test]
    fn the_posting_is_found_at_the_top_in_a_graph_or_in_a_list() {
        let description = long("<p>Rust and Kafka</p>");
        for json in [
            format!(r#"{{"@type":"JobPosting","title":"Rust Engineer","description":"{description}"}}"#),
            format!(
                r#"{{"@graph":[{{"@type":"WebPage"}},{{"@type":["JobPosting"],"title":"Rust Engineer","description":"{description}"}}]}}"#
            ),
            format!(
                r#"[{{"@type":"Organization"}},{{"@type":"JobPosting","title":"Rust Engineer","description":"{description}"}}]"#
            ),
        ] {
            let posting = job_posting(&page(&json), text_of).expect(&json);
            assert_eq!(posting.title.as_deref(), Some("Rust Engineer"));
            assert!(posting.html.starts_with("<h1>Rust Engineer</h1><p>Rust and Kafka</p>"), "{}", posting.html);
        }
    }

    #[test]
    fn the_employer_is_named_after_the_title() {
        let description = long("<p>Rust and Kafka</p>");
        let json = format!(
            r#"{{"@type":"JobPosting","title":"Rust Engineer","hiringOrganization":{{"@type":"Organization","name":"Lumen  Pay"}},"description":"{description}"}}"#
        );
        let posting = job_posting(&page(&json), text_of).unwrap();
        assert!(posting.html.starts_with("<h1>Rust Engineer</h1><p>Company: Lumen Pay</p><p>Rust"), "{}", posting.html);
    }

    #[test]
    fn a_stub_or_malformed_posting_leaves_the_page() {
        assert_eq!(
            job_posting(&page(r#"{"@type":"JobPosting","title":"X","description":"Apply now"}"#), text_of),
            None
        );
        assert_eq!(job_posting(&page(r#"{"@type":"JobPosting", "description": "#), text_of), None);
        assert_eq!(
            job_posting(&page(&format!(r#"{{"@type":"Organization","description":"{}"}}"#, long("x"))), text_of),
            None
        );
        let two = format!(
            "{}{}",
            page("{oops"),
            page(&format!(r#"{{"@type":"JobPosting","description":"{}"}}"#, long("Go")))
        );
        assert!(job_posting(&two, text_of).is_some(), "a malformed script is passed over");
    }

    #[test]
    fn plain_escaped_and_listed_fields() {
        assert_eq!(string_html("Python\n\nSQL & dbt"), "<p>Python</p><p>SQL &amp; dbt</p>");
        assert_eq!(string_html("&lt;b&gt;Go&lt;/b&gt;"), "<b>Go</b>");
        assert_eq!(as_html(&serde_json::json!(["C++", "C#"])).as_deref(), Some("<ul><li>C++</li><li>C#</li></ul>"));
        assert_eq!(as_html(&serde_json::json!({"monthsOfExperience": 36})), None);
        assert_eq!(unwrap_script(" <!-- <![CDATA[ {} ]]> --> "), "{}");
    }

    #[test]
    fn other_fields_follow_under_headings_unless_the_description_holds_them() {
        let description = long("<p>Strong Python and SQL</p>");
        let json = format!(
            r#"{{"@type":"JobPosting","description":"{description}","qualifications":"Strong Python and SQL","skills":["Airflow"],"jobBenefits":"Gym"}}"#
        );
        let html = job_posting(&page(&json), text_of).unwrap().html;
        assert!(html.ends_with("<h2>Skills</h2><ul><li>Airflow</li></ul><h2>Benefits</h2><p>Gym</p>"), "{html}");
        assert!(!html.contains("Qualifications"), "{html}");
    }
}
