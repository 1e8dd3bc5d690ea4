//! Generates a synthetic corpus of job posts by recombining the sentences of
//! the bundled real posts in `job_posts/`, for scale measurements:
//! `cargo run --release --example gen_corpus -- 100000 /tmp/corpus`.
//! Each post keeps the line structure (headings included) of a random real
//! post, with half of its other lines swapped for random lines of any post.
//! Deterministic: the same count gives the same files. Files go 1,000 a folder.

use std::path::{Path, PathBuf};

/// Deterministic 64-bit LCG.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

fn posts(dir: &Path) -> Vec<Vec<String>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("job_posts/ (run from the repository root)")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read_to_string(p).expect("UTF-8").lines().map(str::to_string).collect()).collect()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let count: usize = args.next().and_then(|n| n.parse().ok()).expect("usage: gen_corpus COUNT OUT_DIR");
    let out = PathBuf::from(args.next().expect("usage: gen_corpus COUNT OUT_DIR"));
    let templates = posts(Path::new("job_posts"));
    let pool: Vec<&String> = templates.iter().flatten().filter(|l| l.split_whitespace().count() > 3).collect();
    let mut rng = Lcg(count as u64);
    let mut bytes = 0;
    for i in 0..count {
        let template = &templates[rng.next(templates.len())];
        let text: Vec<&str> = template
            .iter()
            .map(|line| {
                if line.split_whitespace().count() > 3 && rng.next(2) == 0 {
                    pool[rng.next(pool.len())].as_str()
                } else {
                    line.as_str()
                }
            })
            .collect();
        let dir = out.join(format!("{:03}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir_all(&dir).expect("create output folder");
        }
        let body = text.join("\n") + "\n";
        bytes += body.len();
        std::fs::write(dir.join(format!("post-{i:06}.txt")), body).expect("write post");
    }
    println!("wrote {count} job posts, {bytes} bytes, to {}", out.display());
}
