//! OR-groups in a job-post line: skills offered as alternatives (`Python or
//! Go`, `AWS, GCP or Azure`, `one of Java, Kotlin, Scala`, `Tableau/Power BI`)
//! count as one requirement that any of them meets. A slash joins
//! alternatives only between skills of one category (`Java/Python/Go`), not
//! a pair that goes together (`Java/Spring`, `C#/.NET`).

use crate::excerpt::ceil_char_boundary;

/// How two neighbouring skill mentions are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Link {
    /// `or`, `and/or`, `, or`.
    Or,
    /// `/` or `|`: binds tighter than a comma.
    Slash,
    /// A comma or a space only.
    List,
    /// Anything else (`and`, other words, a parenthesis but `(or`): the run ends.
    Break,
}

/// How two skill mentions relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kin {
    /// The same canonical skill (`Amazon Web Services (AWS)`).
    SameSkill,
    /// Two skills of one category (`Java`, `Python`).
    SameCategory,
    /// Anything else.
    Other,
}

/// Cues before a list that make it a choice: `one of Java, Kotlin, Scala`.
const CHOICE_CUES: [&str; 4] = ["one of", "any of", "either", "one or more of"];
/// Words of an open end after a list that make it a choice: `Statistics,
/// Economics, Computer Science or a related field`, `Kafka, Pulsar or similar`.
const OPEN_ENDS: [&str; 6] = ["related", "similar", "equivalent", "comparable", "other", "another"];
/// Words after the `or` of an open end searched for one of [`OPEN_ENDS`].
const OPEN_END_WORDS: usize = 3;
/// Bytes before a run searched for a choice cue.
const CUE_WINDOW: usize = 40;

fn link(between: &str) -> Link {
    let s: String =
        between.chars().filter(|c| !c.is_whitespace() && !matches!(c, ',' | '(')).collect::<String>().to_lowercase();
    match s.as_str() {
        "or" | "and/or" | "or/and" => Link::Or,
        _ if between.contains('(') => Link::Break,
        "/" | "|" => Link::Slash,
        "" => Link::List,
        _ => Link::Break,
    }
}

/// OR-groups among the skill mentions of one line: indices into `spans`
/// (byte ranges into `line`, in order, end exclusive), each group of two or
/// more; `kin(i, j)` says how mentions `i` and `j` relate: a slash joins
/// alternatives of one category only, and a skill's abbreviation in
/// parentheses (`Google Cloud (GCP)`) does not end the list.
pub fn or_groups(line: &str, spans: &[(usize, usize)], kin: impl Fn(usize, usize) -> Kin) -> Vec<Vec<usize>> {
    let links: Vec<Link> = links(line, spans, &kin);
    let mut groups = Vec::new();
    let mut run_start = 0;
    for i in 1..=spans.len() {
        if i == spans.len() || links[i - 1] == Link::Break {
            groups.extend(run_groups(line, spans, run_start, i, &links, &kin));
            run_start = i;
        }
    }
    groups
}

/// The link between each mention and the next (`spans.len() - 1` of them).
fn links(line: &str, spans: &[(usize, usize)], kin: &impl Fn(usize, usize) -> Kin) -> Vec<Link> {
    let mut out = Vec::with_capacity(spans.len());
    let mut after_abbreviation = false;
    for i in 1..spans.len() {
        if spans[i].0 < spans[i - 1].1 {
            out.push(Link::Break);
            continue;
        }
        let mut between = &line[spans[i - 1].1..spans[i].0];
        if after_abbreviation {
            between = between.trim_start().strip_prefix(')').unwrap_or(between);
        }
        after_abbreviation = between.trim() == "(" && kin(i - 1, i) == Kin::SameSkill;
        out.push(if after_abbreviation { Link::List } else { link(between) });
    }
    out
}

/// Groups within one run `spans[from..to]` of mentions joined by `or`, `/` or commas.
fn run_groups(
    line: &str,
    spans: &[(usize, usize)],
    from: usize,
    to: usize,
    all_links: &[Link],
    kin: &impl Fn(usize, usize) -> Kin,
) -> Vec<Vec<usize>> {
    if to - from < 2 {
        return Vec::new();
    }
    let links = &all_links[from..to - 1];
    let before = &line[..spans[from].0];
    let window = before[ceil_char_boundary(before, before.len().saturating_sub(CUE_WINDOW))..].to_lowercase();
    if links.contains(&Link::Or) || CHOICE_CUES.iter().any(|c| window.contains(c)) || open_end(&line[spans[to - 1].1..])
    {
        return vec![(from..to).collect()];
    }
    let mut out = Vec::new();
    let mut group = vec![from];
    for (k, l) in links.iter().enumerate() {
        if *l != Link::Slash || kin(from + k, from + k + 1) == Kin::Other {
            out.extend((group.len() > 1).then(|| std::mem::take(&mut group)));
            group.clear();
        }
        group.push(from + k + 1);
    }
    out.extend((group.len() > 1).then_some(group));
    out
}

/// Whether the text after a list opens it to others (`or a related field`,
/// `, or similar`, `or other languages`): then its items are alternatives.
fn open_end(after: &str) -> bool {
    let after = after.trim_start_matches([' ', ',']);
    let Some(rest) = after.get(..3).filter(|or| or.eq_ignore_ascii_case("or ")).map(|_| &after[3..]) else {
        return false;
    };
    rest.split_whitespace().take(OPEN_END_WORDS).any(|w| OPEN_ENDS.iter().any(|e| w.to_lowercase().starts_with(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Groups as the words they join; each skill is one word of `line`.
    fn groups(line: &str, skills: &[&str]) -> Vec<Vec<String>> {
        let spans: Vec<(usize, usize)> = skills
            .iter()
            .scan(0, |from, s| {
                let start = *from + line[*from..].find(s).unwrap();
                *from = start + s.len();
                Some((start, *from))
            })
            .collect();
        // Test kinship: one skill when the names are equal ignoring case, one
        // category when they start with the same letter case.
        let kin = |i: usize, j: usize| match (skills[i], skills[j]) {
            (a, b) if a.eq_ignore_ascii_case(b) => Kin::SameSkill,
            (a, b) if a.starts_with(char::is_uppercase) == b.starts_with(char::is_uppercase) => Kin::SameCategory,
            _ => Kin::Other,
        };
        or_groups(line, &spans, kin).iter().map(|g| g.iter().map(|&i| skills[i].to_string()).collect()).collect()
    }

    #[test]
    fn alternatives_are_grouped_and_lists_are_not() {
        assert_eq!(groups("Experience with Python or Go", &["Python", "Go"]), [["Python", "Go"]]);
        assert_eq!(groups("AWS, GCP, or Azure", &["AWS", "GCP", "Azure"]), [["AWS", "GCP", "Azure"]]);
        assert_eq!(groups("one of Java, Kotlin, Scala", &["Java", "Kotlin", "Scala"]), [["Java", "Kotlin", "Scala"]]);
        assert_eq!(
            groups("Python, SQL, Tableau/Power BI", &["Python", "SQL", "Tableau", "Power BI"]),
            [["Tableau", "Power BI"]]
        );
        assert!(groups("Python, Java and C++", &["Python", "Java", "C++"]).is_empty());
        assert_eq!(groups("Python and Go or Rust", &["Python", "Go", "Rust"]), [["Go", "Rust"]]);
        assert!(groups("Docker for builds or Kubernetes", &["Docker", "Kubernetes"]).is_empty());
        assert_eq!(groups("Linux (or BSD) kernels", &["Linux", "BSD"]), [["Linux", "BSD"]]);
        assert_eq!(
            groups("HTML, CSS ) PostgreSQL and/or MSSQL", &["HTML", "CSS", "PostgreSQL", "MSSQL"]),
            [["PostgreSQL", "MSSQL"]]
        );
        assert!(groups("cloud (AWS or Azure)", &["cloud", "AWS", "Azure"]).iter().all(|g| g.len() == 2));
        assert!(groups("Java/spring", &["Java", "spring"]).is_empty(), "a slash pair of two kinds goes together");
        let clouds = groups("Cloud (CLOUD), Azure or GCP (gcp) experience", &["Cloud", "CLOUD", "Azure", "GCP", "gcp"]);
        assert_eq!(clouds, [["Cloud", "CLOUD", "Azure", "GCP", "gcp"]], "abbreviations in parentheses keep the list");
    }

    #[test]
    fn a_list_open_to_others_is_a_choice() {
        let fields = ["Statistics", "Economics", "Computer Science"];
        let line = "MS or PhD in Statistics, Economics, Computer Science or a related quantitative field";
        assert_eq!(groups(line, &fields), [fields]);
        assert_eq!(groups("Kafka, Pulsar, or similar", &["Kafka", "Pulsar"]), [["Kafka", "Pulsar"]]);
        assert!(groups("Python, Java or-gate", &["Python", "Java"]).is_empty());
        assert!(groups("Python, Java or Go experience is required", &["Python", "Java"]).is_empty());
    }
}
