//! The `score --explain` block: every requirement of the post in post order
//! (skills, OR-groups, keywords, the title, the degree and the years asked)
//! with its weight, the points it earns and the points still to gain.

use super::{Block, excerpt};
use crate::score::{Component, Finding, ScoreReport};

/// One row before sorting: post line, then the cells.
type Row = (usize, Vec<String>);

/// Every requirement in post order.
pub(super) fn explanation(r: &ScoreReport) -> Block {
    let mut rows: Vec<Row> = r.matched.iter().chain(&r.missing).map(finding_row).collect();
    rows.extend(title_row(r));
    rows.extend(degree_row(r));
    rows.extend(years_rows(r));
    rows.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1[1].cmp(&b.1[1])));
    Block {
        title:
            "Explanation: every requirement in post order (credit = score points earned; gain = points still to earn)"
                .to_string(),
        header: vec!["job line", "requirement", "kind", "tier", "weight", "credit", "gain", "résumé"],
        rows: rows.into_iter().map(|(_, cells)| cells).collect(),
    }
}

fn cells(line: usize, name: String, kind: &str, tier: &str, weight: String, points: (f64, f64), resume: String) -> Row {
    let numbers = [format!("{:.2}", points.0), format!("{:.2}", points.1)];
    let head = [format!("L{line}"), name, kind.to_string(), tier.to_string(), weight];
    (line, head.into_iter().chain(numbers).chain([resume]).collect())
}

fn finding_row(f: &Finding) -> Row {
    let name = match &f.skill {
        Some(s) if !f.alternatives.is_empty() => format!("{} (any of {s}, {})", f.keyword, f.alternatives.join(", ")),
        Some(s) if *s != f.keyword => format!("{} ({s})", f.keyword),
        _ => f.keyword.clone(),
    };
    let evidence = match (f.resume_line, &f.resume_text, &f.related) {
        (Some(n), Some(t), Some(rel)) => format!("L{n}: {} (related: {rel})", excerpt(t)),
        (Some(n), Some(t), None) => format!("L{n}: {}", excerpt(t)),
        _ => "missing".to_string(),
    };
    let weight = format!("{:.2}", f.importance);
    cells(f.job_line, name, f.kind.as_str(), f.tier.as_str(), weight, (f.credit, f.gain), evidence)
}

/// Points earned and still to gain by a whole sub-score component.
fn component_points(c: &Component) -> (f64, f64) {
    (c.points, round2(c.max_points - c.points))
}

fn title_row(r: &ScoreReport) -> Option<Row> {
    let c = &r.breakdown.title;
    (c.total > 0).then(|| {
        let evidence = match (r.title.resume_line, &r.title.resume_title) {
            (Some(n), Some(t)) => format!("L{n}: {} ({}/{} words)", excerpt(t), c.matched, c.total),
            _ => "missing".to_string(),
        };
        let share = format!("{:.0}%", c.share * 100.0);
        cells(1, format!("job title {:?}", r.title.job_title), "title", "-", share, component_points(c), evidence)
    })
}

fn degree_row(r: &ScoreReport) -> Option<Row> {
    let d = r.degree_required.as_ref()?;
    let c = &r.breakdown.education;
    let field = d.field.as_ref().map_or(String::new(), |f| format!(" in {f}"));
    let evidence = match (d.resume_line, d.resume_level) {
        (Some(n), Some(l)) => format!("L{n}: {} degree{}", l.as_str(), if d.met { "" } else { " (lower)" }),
        _ => "missing".to_string(),
    };
    let name = format!("{} degree{field}", d.level.as_str());
    let share = format!("{:.0}%", c.share * 100.0);
    Some(cells(d.job_line, name, "education", d.tier.as_str(), share, component_points(c), evidence))
}

fn years_rows(r: &ScoreReport) -> Vec<Row> {
    let c = &r.breakdown.experience;
    let n = r.years_required.len().max(1) as f64;
    r.years_required
        .iter()
        .map(|y| {
            let full = c.max_points / n;
            let earned = round2(full * (y.resume_years / f64::from(y.years)).min(1.0));
            let evidence = match (y.skills.is_empty(), y.undated) {
                (true, _) => format!("{:.1} years in total in dated roles", y.resume_years),
                (false, true) => {
                    format!("{:.1} years in total ({} listed, not dated)", y.resume_years, y.skills.join(" / "))
                }
                (false, false) => format!("{:.1} years {} in dated roles", y.resume_years, y.skills.join(" / ")),
            };
            let share = format!("{:.0}%", c.share * 100.0 / n);
            cells(y.job_line, y.phrase.clone(), "experience", "-", share, (earned, round2(full - earned)), evidence)
        })
        .collect()
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
