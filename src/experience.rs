//! Work history from a résumé: dated roles in the forms people write
//! (`02/2021 – 12/2024`, `Mar 2018 - Present`, `2019–now`, `2017–2019`,
//! `06/19 - 03/21`), overlapping periods merged into total years, and the
//! years of each skill (the merged periods of the roles that mention it).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex::Regex;
use serde::Serialize;

use crate::context::names_a_person_role;
use crate::extract::{Analysis, Extractor};
use crate::sections::Section;

/// A calendar month, as months since January of year 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(pub i32);

impl Month {
    /// January is 1.
    pub fn new(year: i32, month: i32) -> Month {
        Month(year * 12 + month - 1)
    }

    /// The current month, from the system clock.
    pub fn now() -> Month {
        let today = jiff::Zoned::now().date();
        Month::new(i32::from(today.year()), i32::from(today.month()))
    }

    /// Parses `YYYY-MM`; `None` if malformed.
    pub fn parse(s: &str) -> Option<Month> {
        let (y, m) = s.split_once('-')?;
        let (y, m) = (y.parse().ok()?, m.parse().ok()?);
        (1..=12).contains(&m).then(|| Month::new(y, m))
    }

    fn year(self) -> i32 {
        self.0.div_euclid(12)
    }
}

impl Serialize for Month {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("{:04}-{:02}", self.year(), self.0.rem_euclid(12) + 1))
    }
}

/// One dated role.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Role {
    /// The role's title as written (Markdown marks removed): its title line up
    /// to the employer separator.
    pub title: String,
    /// The employer, when the title line names one after `, `, ` at `, ` @ `,
    /// ` | ` or a spaced dash (`Software Engineer, Parcelly`).
    pub employer: Option<String>,
    /// 1-based line of the dates.
    pub line: usize,
    /// First month.
    pub start: Month,
    /// Last month (the `--as-of` month for `Present`).
    pub end: Month,
    /// Months counting both ends: `02/2021 – 12/2024` is 47.
    pub months: u32,
}

/// A résumé's experience.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Experience {
    /// Years of the union of all role periods (overlaps counted once), one decimal.
    pub total_years: f64,
    /// Dated roles in document order.
    pub roles: Vec<Role>,
    /// Canonical skill → years of the merged periods of the roles whose lines mention it.
    pub skill_years: BTreeMap<String, f64>,
}

const ROLE_SECTIONS: [Section; 4] = [Section::Experience, Section::Projects, Section::Header, Section::Other];
/// Lines above a date line searched for the role's title.
const TITLE_LOOKBACK: usize = 3;

/// One side of a date range, as [`date`] reads it.
fn date_pattern() -> String {
    let month = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|spring|summer|fall|autumn|winter)\b";
    format!(
        r"(?:\d{{1,2}}/\d{{2,4}}|(?:0?[1-9]|1[0-2])\.\d{{4}}|\d{{4}}[-./](?:0[1-9]|1[0-2])\b|{month}\.?\s+'?\d{{2,4}}|\d{{4}})"
    )
}

fn range_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let date = date_pattern();
        let end = r"(?:present|now|current|today|ongoing|date)";
        Regex::new(&format!(r"(?i)\b({date})\s*(?:-|–|—|to|until|till)\s*({date}|{end})\b")).expect("valid regex")
    })
}

/// `Since 2021`, `Acme, since March 2019`, `(since 2020)`: a role that runs
/// to this day, when `since` opens the line or a field of it (`Maintained the
/// billing system since 2019` is a sentence, not a role's dates).
fn since_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(r"(?i)(?:^|[|,·(–—])\s*since\s+({})\b", date_pattern())).expect("valid regex")
    })
}

/// The period of a date range on `line`, if it has one: `(start, end, byte
/// offset of the range)`; `Since 2021` runs to `as_of`.
pub fn date_range(line: &str, as_of: Month) -> Option<(Month, Month, usize)> {
    let Some(caps) = range_regex().captures(line) else {
        let caps = since_regex().captures(line)?;
        let start = date(&caps[1], false, as_of)?;
        return (start <= as_of && start.year() >= 1950).then(|| (start, as_of, caps.get(0).map_or(0, |m| m.start())));
    };
    let start = date(&caps[1], false, as_of)?;
    let end = match date(&caps[2], true, as_of) {
        Some(m) => m,
        None if caps[2].chars().all(char::is_alphabetic) && !caps[2].chars().any(char::is_numeric) => as_of,
        None => return None,
    };
    let plausible = start <= end && start.year() >= 1950 && end <= as_of;
    plausible.then(|| (start, end, caps.get(0).map_or(0, |m| m.start())))
}

/// One side of a range: `MM/YYYY`, `MM/YY`, `MM.YYYY`, `YYYY-MM`,
/// `YYYY.MM`, `YYYY/MM`, `Mon YYYY`, `Month 'YY`, a season and year (`Fall
/// 2019`: September when it starts a range, December when it ends one), or
/// `YYYY` (January when it starts a range, December when it ends one).
fn date(text: &str, is_end: bool, as_of: Month) -> Option<Month> {
    let text = text.trim();
    let year_first = |(y, _): &(&str, &str)| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit());
    if let Some((y, m)) = text.split_once(['-', '.', '/']).filter(year_first) {
        let (year, month): (i32, i32) = (y.parse().ok()?, m.parse().ok()?);
        return (1..=12).contains(&month).then(|| Month::new(year, month));
    }
    if let Some((m, y)) = text.split_once(['/', '.']).filter(|(m, _)| m.bytes().all(|b| b.is_ascii_digit())) {
        let month: i32 = m.parse().ok()?;
        let year = full_year(y, as_of)?;
        return (1..=12).contains(&month).then(|| Month::new(year, month));
    }
    if let Ok(year) = text.parse::<i32>() {
        return Some(Month::new(year, if is_end { 12 } else { 1 }));
    }
    let (name, year) = text.rsplit_once(char::is_whitespace)?;
    let name = name.trim_end_matches('.');
    if let Some(month) = season_month(name, is_end) {
        return Some(Month::new(full_year(year.trim_start_matches('\''), as_of)?, month));
    }
    let month = jiff::fmt::strtime::parse("%b", &name[..name.len().min(3)]).ok()?.month()?;
    Some(Month::new(full_year(year.trim_start_matches('\''), as_of)?, i32::from(month)))
}

/// The month a season starts a range with (`Fall 2019`: September) or
/// ends one with (`Spring 2021`: May), as academic terms run.
fn season_month(name: &str, is_end: bool) -> Option<i32> {
    let (start, end) = match name.to_ascii_lowercase().as_str() {
        "spring" => (3, 5),
        "summer" => (6, 8),
        "fall" | "autumn" => (9, 12),
        "winter" => (1, 2),
        _ => return None,
    };
    Some(if is_end { end } else { start })
}

/// `2021` → 2021; `21` → 2021, `98` → 1998 (two-digit years up to next year are this century).
fn full_year(text: &str, as_of: Month) -> Option<i32> {
    let y: i32 = text.parse().ok()?;
    match text.len() {
        4 => Some(y),
        2 => Some(if 2000 + y <= as_of.year() + 1 { 2000 + y } else { 1900 + y }),
        _ => None,
    }
}

impl Experience {
    /// The dated roles of `resume` (outside education and other non-work
    /// sections), their merged total, and years per skill. `as_of` is the
    /// month `Present` means.
    pub fn of(extractor: &Extractor, resume: &Analysis, as_of: Month) -> Experience {
        let lines: Vec<&str> = resume.doc.lines().map(|(_, l)| l).collect();
        let mut roles = Vec::new();
        let mut spans = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let n = i + 1;
            if !ROLE_SECTIONS.contains(&resume.section(n)) {
                continue;
            }
            let Some((start, end, at)) = date_range(line, as_of) else { continue };
            let (title, title_line) = title_for(&lines, i, at);
            let months = (end.0 - start.0 + 1) as u32;
            let (title, employer) = split_employer(&title);
            roles.push(Role { title, employer, line: n, start, end, months });
            spans.push(title_line);
        }
        let skill_years = skill_years(extractor, resume, &roles, &spans, lines.len());
        let total = merged_months(roles.iter().map(|r| (r.start, r.end)));
        Experience { total_years: years(total), roles, skill_years }
    }
}

/// The role title: the text before the dates on their line when the line
/// opens a role (it follows a blank line, a heading, a bullet, a sentence or
/// another role's dates), else the nearest line above (within
/// [`TITLE_LOOKBACK`], never a heading), as in `Engineer` over `Acme, Berlin
/// 2019 – 2021`; when that line names no role but the one above it does
/// (`Systems Administrator` over `Texas State University, San Marcos, TX`
/// over the dates), that one, with the nearer line as its employer
/// (`title | employer`); with the 1-based line the title is on.
fn title_for(lines: &[&str], i: usize, at: usize) -> (String, usize) {
    let clean = |s: &str| s.trim().trim_matches(['#', '*', '_', '|', ',', '-', '–', '(', ' ']).trim().to_string();
    let before = clean(&lines[i][..at]);
    if before.chars().filter(|c| c.is_alphabetic()).count() >= 3 && (i == 0 || ends_a_block(lines[i - 1])) {
        return (before, i + 1);
    }
    let above: Vec<usize> = (1..=TITLE_LOOKBACK.min(i))
        .map(|k| i - k)
        .filter(|&j| !lines[j].trim().is_empty())
        .take_while(|&j| crate::sections::heading(lines[j]).is_none())
        .take(2)
        .collect();
    match above[..] {
        [near, far, ..]
            if !names_a_person_role(lines[near]) && names_a_person_role(lines[far]) && !ends_a_block(lines[far]) =>
        {
            (format!("{} | {}", clean(lines[far]), clean(lines[near])), far + 1)
        }
        [near, ..] => (clean(lines[near]), near + 1),
        [] => (before, i + 1),
    }
}

/// Whether a role line after `line` starts a new block: `line` is blank, a
/// heading, a bullet, a sentence or holds a date range.
fn ends_a_block(line: &str) -> bool {
    let line = line.trim();
    line.is_empty()
        || line.starts_with(['-', '•', '*', '●', '▪', '◦', '–', '·'])
        || line.ends_with('.')
        || range_regex().is_match(line)
        || crate::sections::heading(line).is_some()
}

/// `Software Engineer, Parcelly` → (`Software Engineer`, `Parcelly`): the
/// first separator that leaves text on both sides.
fn split_employer(line: &str) -> (String, Option<String>) {
    const SEPARATORS: [&str; 7] = [" at ", " @ ", " | ", " – ", " — ", " - ", ", "];
    let split = SEPARATORS.iter().filter_map(|sep| line.find(sep).map(|i| (i, sep.len()))).min_by_key(|&(i, _)| i);
    match split {
        Some((i, len)) if !line[..i].trim().is_empty() && !line[i + len..].trim().is_empty() => {
            let employer = line[i + len..].trim().trim_matches(['*', '_', ',']).trim();
            let title = line[..i].trim().trim_matches(['*', '_']).trim();
            (title.to_string(), Some(employer.to_string()))
        }
        _ => (line.to_string(), None),
    }
}

/// Years per skill: each role owns the lines from its title to the next role's title.
fn skill_years(
    extractor: &Extractor,
    resume: &Analysis,
    roles: &[Role],
    starts: &[usize],
    last: usize,
) -> BTreeMap<String, f64> {
    let mut periods: BTreeMap<u32, Vec<(Month, Month)>> = BTreeMap::new();
    for (k, role) in roles.iter().enumerate() {
        let end_line = starts.get(k + 1).map_or(last, |&s| s.saturating_sub(1));
        let section = resume.section(role.line);
        for m in resume
            .matches
            .iter()
            .filter(|m| m.line >= starts[k] && m.line <= end_line && resume.section(m.line) == section)
        {
            periods.entry(m.skill).or_default().push((role.start, role.end));
        }
    }
    periods
        .into_iter()
        .map(|(skill, spans)| (extractor.lexicon.skill(skill).name.clone(), years(merged_months(spans.into_iter()))))
        .collect()
}

/// Months in the union of inclusive month intervals.
pub fn merged_months(spans: impl Iterator<Item = (Month, Month)>) -> u32 {
    let mut spans: Vec<(Month, Month)> = spans.collect();
    spans.sort();
    let mut total = 0;
    let mut current: Option<(Month, Month)> = None;
    for (s, e) in spans {
        current = match current {
            Some((cs, ce)) if s.0 <= ce.0 + 1 => Some((cs, ce.max(e))),
            Some((cs, ce)) => {
                total += ce.0 - cs.0 + 1;
                Some((s, e))
            }
            None => Some((s, e)),
        };
    }
    total += current.map_or(0, |(s, e)| e.0 - s.0 + 1);
    total as u32
}

fn years(months: u32) -> f64 {
    (f64::from(months) / 12.0 * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    const AS_OF: Month = Month(2026 * 12 + 10);

    fn range(line: &str) -> Option<(Month, Month)> {
        date_range(line, AS_OF).map(|(s, e, _)| (s, e))
    }

    #[test]
    fn date_forms() {
        let m = Month::new;
        assert_eq!(range("02/2021 – 12/2024"), Some((m(2021, 2), m(2024, 12))));
        assert_eq!(range("Mar 2018 - Present"), Some((m(2018, 3), AS_OF)));
        assert_eq!(range("June 2019 - Present"), Some((m(2019, 6), AS_OF)));
        assert_eq!(range("Sept. 2015 to May 2019"), Some((m(2015, 9), m(2019, 5))));
        assert_eq!(range("2019–now"), Some((m(2019, 1), AS_OF)));
        assert_eq!(range("2017–2019"), Some((m(2017, 1), m(2019, 12))));
        assert_eq!(range("06/19 - 03/21"), Some((m(2019, 6), m(2021, 3))));
        assert_eq!(range("Jan '98 – Dec '99"), Some((m(1998, 1), m(1999, 12))));
        assert_eq!(range("01.2017 – 12.2017"), Some((m(2017, 1), m(2017, 12))));
        assert_eq!(range("2015-03 — 2015-12"), Some((m(2015, 3), m(2015, 12))));
        assert_eq!(range("2019-2021"), Some((m(2019, 1), m(2021, 12))), "years, not ISO months");
        assert_eq!(range("scored 4.5 - 6.0"), None);
        assert_eq!(range("reduced latency 30 - 45 ms"), None);
        assert_eq!(range("2024 - 2019"), None, "a range must not run backwards");
        assert_eq!(range("2020.01 - 2022.03"), Some((m(2020, 1), m(2022, 3))));
        assert_eq!(range("2017/06 – 2019/08"), Some((m(2017, 6), m(2019, 8))));
        assert_eq!(range("2019/2020 season"), None, "an academic year is no month");
        assert_eq!(range("Fall 2019 - Spring 2021"), Some((m(2019, 9), m(2021, 5))));
        assert_eq!(range("Since 2021"), Some((m(2021, 1), AS_OF)));
        assert_eq!(range("Acme, since March 2019"), Some((m(2019, 3), AS_OF)));
        assert_eq!(range("since 1850"), None);
        assert_eq!(range("- Maintained the billing system since 2019"), None, "a sentence");
    }

    #[test]
    fn both_ends_count_and_overlaps_merge() {
        let m = Month::new;
        assert_eq!(merged_months([(m(2021, 2), m(2024, 12))].into_iter()), 47);
        let overlapping = [(m(2018, 1), m(2019, 12)), (m(2019, 6), m(2020, 5)), (m(2022, 1), m(2022, 1))];
        assert_eq!(merged_months(overlapping.into_iter()), 29 + 1);
        let adjacent = [(m(2018, 1), m(2018, 6)), (m(2018, 7), m(2018, 12))];
        assert_eq!(merged_months(adjacent.into_iter()), 12);
    }

    fn at_of(lines: &[&str], i: usize) -> usize {
        date_range(lines[i], AS_OF).expect(lines[i]).2
    }

    #[test]
    fn a_dated_role_line_after_a_bullet_is_its_own_title() {
        let lines = [
            "Engineer",
            "- Built Go services",
            "Data Engineer | Beta | Mar. 2021 - Sep. 2022",
            "Acme, Berlin  2019 – 2021",
        ];
        let at = |i: usize| date_range(lines[i], AS_OF).expect(lines[i]).2;
        assert_eq!(title_for(&lines, 2, at(2)), ("Data Engineer | Beta".to_string(), 3));
        assert_eq!(title_for(&lines, 3, at(3)), ("Acme, Berlin".to_string(), 4), "after another role's dates");
        let lines = ["WORK HISTORY", "Senior SRE | Paystream Inc. | Austin, TX | 2021 – now"];
        assert_eq!(title_for(&lines, 1, at_of(&lines, 1)), ("Senior SRE | Paystream Inc. | Austin, TX".to_string(), 2));
        let lines = ["Systems Administrator", "Texas State University, San Marcos, TX", "Summer 2016 - 2018"];
        let title = "Systems Administrator | Texas State University, San Marcos, TX";
        assert_eq!(title_for(&lines, 2, at_of(&lines, 2)), (title.to_string(), 1), "title, employer, dates");
        let lines = ["Acme Corp", "Data Engineer", "2019 - 2021"];
        assert_eq!(title_for(&lines, 2, at_of(&lines, 2)), ("Data Engineer".to_string(), 2), "employer, title, dates");
        let lines = ["Senior Engineer", "Acme, Berlin  2019 – 2021"];
        assert_eq!(title_for(&lines, 1, date_range(lines[1], AS_OF).unwrap().2), ("Senior Engineer".to_string(), 1));
    }

    #[test]
    fn employer_after_the_title() {
        let split = |l: &str| {
            let (t, e) = split_employer(l);
            (t, e.unwrap_or_default())
        };
        assert_eq!(split("Software Engineer, Parcelly"), ("Software Engineer".into(), "Parcelly".into()));
        assert_eq!(split("Senior SRE at Example Corp"), ("Senior SRE".into(), "Example Corp".into()));
        assert_eq!(split("Staff Engineer | Acme, Berlin"), ("Staff Engineer".into(), "Acme, Berlin".into()));
        assert_eq!(split("Systems Engineer"), ("Systems Engineer".into(), String::new()));
        assert_eq!(split("Staff Accountant** — Acme"), ("Staff Accountant".into(), "Acme".into()), "Markdown bold");
    }
}
