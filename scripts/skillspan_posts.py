#!/usr/bin/env python3
"""Rebuild SkillSpan postings as job-post files for job_posts/.

A posting is every sentence with the same (source, idx) in file order; each
sentence's tokens are joined with spaces, one sentence a line.
Usage: scripts/skillspan_posts.py SKILLSPAN_JSON_DIR OUT_DIR
"""
import json
import re
import sys
from collections import OrderedDict
from pathlib import Path

# (split, source, idx) of the postings we ship: tech posts of 15+ sentences
# (systems, infrastructure and backend ones included) and a spread of house posts.
DEV_SYSTEMS = [14, 19, 28, 13]
HOUSE = [82, 83, 90, 95, 98, 104, 107, 116, 118, 122, 124, 127, 136, 139]


def postings(path):
    posts = OrderedDict()
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            posts.setdefault((d["source"], d["idx"]), []).append(d["tokens"])
    return posts


def slug(text):
    text = re.sub(r"<[A-Z]+>", " ", text)
    words = re.findall(r"[A-Za-z0-9]+", text.lower())
    return "-".join(words[:6]) or "posting"


def main():
    src, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    chosen = []
    train = postings(src / "train.json")
    for (source, idx), sents in train.items():
        keep = (source == "tech" and len(sents) >= 15) or (source == "house" and idx in HOUSE)
        if keep:
            chosen.append(("train", source, idx, sents))
    dev = postings(src / "dev.json")
    for idx in DEV_SYSTEMS:
        chosen.append(("dev", "tech", idx, dev[("tech", idx)]))
    for split, source, idx, sents in chosen:
        title = " ".join(sents[0])
        name = f"{source}-{split}-{idx:03d}-{slug(title)}.txt"
        text = "\n".join(" ".join(tokens) for tokens in sents) + "\n"
        (out / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(chosen)} postings to {out}")


if __name__ == "__main__":
    main()
