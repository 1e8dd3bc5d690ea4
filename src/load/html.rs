//! HTML to text with `html2text` (document CSS applied, so hidden elements,
//! and the page's `<nav>`, `<footer>` and `<aside>`,
//! are dropped; scripts and styles never render), one block a line, and the
//! page's main heading. Entity-escaped HTML, as some job boards send it, is
//! decoded once more. A page that embeds a schema.org `JobPosting` with a
//! real description gives that posting's title and text instead (see
//! [`super::jsonld`]): a saved job page is mostly navigation and related jobs.

use std::sync::LazyLock;

use regex::Regex;

use super::jsonld::job_posting;
use super::{ISOLATED_THREAD_PREFIX, isolated};
use crate::normalize::squeeze_whitespace;

/// Deepest element nesting accepted; deeper documents are refused before
/// parsing, as the renderer recurses on nesting.
pub(super) const MAX_NESTING: usize = 512;
/// Render width in columns: wide, so paragraphs stay on one line.
const WIDTH: usize = 10_000;
const STACK_BYTES: usize = 256 * 1024 * 1024;
/// A page's navigation, footer and side column (menus, related jobs, share
/// links) are not the post: hidden whatever the page's own CSS says.
const PAGE_CHROME: &str = "nav, footer, aside { display: none !important; }";
const VOID_ELEMENTS: [&str; 14] =
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

/// The visible text of an HTML page, and its main heading (see
/// [`main_heading`]; `None` when the page has none). A job page opens with
/// navigation and cookie banners, so its first line is seldom its title.
pub(super) fn to_text(html: &str) -> Result<(String, Option<String>), String> {
    let html = if looks_escaped(html) { unescape(html) } else { html.to_string() };
    let depth = nesting(&html);
    if depth > MAX_NESTING {
        return Err(format!("elements nested {depth} deep, over the limit of {MAX_NESTING}"));
    }
    isolated(&format!("{ISOLATED_THREAD_PREFIX}-html"), STACK_BYTES, move || {
        let posting = job_posting(&html, |fragment| render(fragment, false).ok());
        if let Some(posting) = posting.filter(|p| nesting(&p.html) <= MAX_NESTING) {
            let text = render(&posting.html, false)?;
            return Ok((text, posting.title.or_else(|| main_heading(&html))));
        }
        let text = render(&html, true)?;
        Ok((text, main_heading(&html)))
    })
}

/// `html` as plain text, one block a line (with the page's CSS, and its
/// [`PAGE_CHROME`] hidden, when `css`).
fn render(html: &str, css: bool) -> Result<String, String> {
    let config = html2text::config::plain_no_decorate().allow_width_overflow();
    let config = if css { config.use_doc_css().add_css(PAGE_CHROME).map_err(|e| e.to_string())? } else { config };
    config.string_from_read(html.as_bytes(), WIDTH).map_err(|e| e.to_string())
}

/// The text of the first `<h1>`, else of the first `<h2>` when the
/// `<title>` holds it (`Brightwave - Data Engineer` over `Data Engineer`,
/// as job boards title a page with the employer's name), else of
/// `<title>` before any ` | `.
fn main_heading(html: &str) -> Option<String> {
    static H1: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?is)<h1\b[^>]*>(.*?)</h1\s*>").expect("valid regex"));
    static H2: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?is)<h2\b[^>]*>(.*?)</h2\s*>").expect("valid regex"));
    static TITLE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?is)<title\b[^>]*>(.*?)</title\s*>").expect("valid regex"));
    let text_of = |re: &Regex| {
        let inner = re.captures(html)?.get(1)?.as_str();
        let text = render(inner, false).ok()?;
        let text = squeeze_whitespace(&text);
        (!text.is_empty()).then_some(text)
    };
    text_of(&H1).or_else(|| {
        let title = text_of(&TITLE);
        match (text_of(&H2), title) {
            (Some(h2), Some(title)) if title.contains(&h2) => Some(h2),
            (_, title) => title.map(|t| t.split(" | ").next().unwrap_or_default().trim().to_string()),
        }
    })
}

/// `&lt;p&gt;Rust&lt;/p&gt;` with no real tags: HTML sent entity-escaped.
fn looks_escaped(html: &str) -> bool {
    html.contains("&lt;") && !html.contains('<')
}

/// `html` with the five common entities decoded (`&amp;` last, so `&amp;lt;` gives `&lt;`).
pub(super) fn unescape(html: &str) -> String {
    html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// An upper bound of the element nesting depth, from a scan of the tags.
fn nesting(html: &str) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    for tag in html.split('<').skip(1) {
        let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '/').collect();
        let closing = name.starts_with('/');
        let name = name.trim_start_matches('/').to_ascii_lowercase();
        let self_closing = tag.split('>').next().is_some_and(|t| t.ends_with('/'));
        if name.is_empty() || VOID_ELEMENTS.contains(&name.as_str()) || self_closing {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_text_only() {
        let html = "<html><head><style>.x{display:none}</style><script>var rust=1</script></head>\
            <body><nav>Home</nav><h1>Rust Engineer</h1><p class='x'>hidden</p><ul><li>Kubernetes</li><li>Go</li></ul></body></html>";
        let (text, heading) = to_text(html).unwrap();
        assert_eq!(heading.as_deref(), Some("Rust Engineer"));
        assert!(text.contains("Rust Engineer") && text.contains("Kubernetes") && text.contains("Go"));
        assert!(!text.contains("var rust") && !text.contains("hidden"), "{text}");
        assert!(text.lines().any(|l| l.trim().ends_with("Kubernetes")), "list items are lines: {text}");
    }

    #[test]
    fn navigation_footer_and_side_column_are_not_the_post() {
        let html = "<style>nav, aside { display: block }</style><nav>Jobs Salesforce</nav><h1>Go Developer</h1>\
            <p>We use Go</p><aside>Similar: Java Developer</aside><footer>Made with React</footer>";
        let (text, _) = to_text(html).unwrap();
        assert!(text.contains("We use Go"), "{text}");
        for chrome in ["Salesforce", "Java", "React"] {
            assert!(!text.contains(chrome), "{chrome}: {text}");
        }
    }

    #[test]
    fn escaped_html_is_decoded() {
        let (text, _) = to_text("&lt;p&gt;Senior &amp;amp; Rust&lt;/p&gt;").unwrap();
        assert!(text.contains("Senior & Rust"), "{text}");
    }

    #[test]
    fn the_heading_is_the_first_h1_else_an_h2_in_the_title_else_the_title() {
        let page = "<title>Ignored</title><nav>Home | Jobs</nav><H1 class=t>\n  Senior <b>Rust</b> &amp; C++\n Engineer</H1><h1>Second</h1>";
        assert_eq!(main_heading(page).as_deref(), Some("Senior Rust & C++ Engineer"));
        let page = "<head><title>Backend Developer | Acme Careers</title></head><nav>Home</nav><h1> </h1>";
        assert_eq!(main_heading(page).as_deref(), Some("Backend Developer"));
        assert_eq!(main_heading("<p>No heading</p>"), None);
        let page = "<title>Brightwave - Data Engineer</title><h2>Data Engineer</h2><h2>Benefits</h2>";
        assert_eq!(main_heading(page).as_deref(), Some("Data Engineer"), "a board's page title names the employer");
        let page = "<title>Data Engineer | Brightwave</title><h2>Our values</h2>";
        assert_eq!(main_heading(page).as_deref(), Some("Data Engineer"));
    }

    #[test]
    fn deep_nesting_is_refused() {
        let html = "<div>".repeat(MAX_NESTING + 1);
        assert!(to_text(&html).unwrap_err().contains("nested"));
        assert_eq!(nesting("<p>a<br>b<img src=x/></p><div><span></span></div>"), 2);
    }
}
