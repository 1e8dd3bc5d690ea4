#!/usr/bin/env python3
"""How far a lexicon can go on SkillSpan Knowledge spans: three ceilings.

1. Memorizing train: every Knowledge span string tagged in TRAIN becomes a
   lexicon entry (lowercase, whole tokens, longest match first), kept when
   TRAIN tags at least a share t of its occurrences; scored strictly on DEV
   for several t. This is the best a lexicon grown from train can know.
2. Coverage: the share of DEV's distinct gold strings ever tagged in TRAIN.
3. A perfect sentence filter: DEV reduced to the sentences with at least one
   gold Knowledge span is written to OUT_JSON; run
   `jobfit eval skillspan OUT_JSON --tags knowledge` on it to see jobfit's
   precision if it knew which sentences the annotators tagged (recall is
   unchanged, since every gold span is kept).

Usage: scripts/skillspan_ceiling.py TRAIN_JSON DEV_JSON OUT_JSON
"""
import json
import sys
from collections import defaultdict


def rows(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def spans(tags):
    """(start, end) token spans of BIO tags, end exclusive."""
    out, start = [], None
    for i, tag in enumerate(tags + ["O"]):
        if start is not None and not tag.startswith("I"):
            out.append((start, i))
            start = None
        if tag.startswith("B") or (tag.startswith("I") and start is None):
            start = i
    return out


def gold(data):
    """The set of (row, start, end) gold spans and the set of their strings."""
    spans_, strings = set(), set()
    for r, row in enumerate(data):
        tokens = [t.lower() for t in row["tokens"]]
        for a, b in spans(row["tags_knowledge"]):
            spans_.add((r, a, b))
            strings.add(tuple(tokens[a:b]))
    return spans_, strings


def occurrences(data, lexicon):
    """Longest-match occurrences of the lexicon's strings: string -> [(row, start, end)]."""
    longest = max((len(s) for s in lexicon), default=0)
    found = defaultdict(list)
    for r, row in enumerate(data):
        tokens = [t.lower() for t in row["tokens"]]
        i = 0
        while i < len(tokens):
            for n in range(min(longest, len(tokens) - i), 0, -1):
                if tuple(tokens[i : i + n]) in lexicon:
                    found[tuple(tokens[i : i + n])].append((r, i, i + n))
                    i += n
                    break
            else:
                i += 1
    return found


def main(train_path, dev_path, out_path):
    train, dev = rows(train_path), rows(dev_path)
    train_gold, train_strings = gold(train)
    dev_gold, dev_strings = gold(dev)
    rate = {
        s: sum(o in train_gold for o in occ) / len(occ) for s, occ in occurrences(train, train_strings).items()
    }
    print(f"dev gold spans {len(dev_gold)}, distinct strings {len(dev_strings)}")
    print(f"dev gold strings ever tagged in train: {len(dev_strings & train_strings) / len(dev_strings):.3f}")
    print("lexicon of train gold strings tagged in >= t of their train occurrences, strict on dev:")
    for t in [0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]:
        lexicon = {s for s, r in rate.items() if r >= t}
        predicted = [o for occ in occurrences(dev, lexicon).values() for o in occ]
        correct = sum(o in dev_gold for o in predicted)
        p, r = correct / max(1, len(predicted)), correct / len(dev_gold)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"  t {t:.1f}: P {p:.3f} R {r:.3f} F1 {f1:.3f} ({len(lexicon)} strings)")
    with open(out_path, "w", encoding="utf-8") as out:
        kept = [row for row in dev if any(tag != "O" for tag in row["tags_knowledge"])]
        out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in kept)
    print(f"{len(kept)} of {len(dev)} dev sentences hold a gold span: written to {out_path}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
