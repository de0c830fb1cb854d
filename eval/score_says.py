#!/usr/bin/env python3
"""Scores enrichd's quotes, quantities and dates against the gold sets in eval/gold/.

Usage: eval/score_says.py [--cmd ".build/release/enrichd enrich"] [--data ../shared/data] [--details FILE]

The gold files hold article ids, code-point offsets into the source text and the expected values,
never the text itself (eval/gold/README.md). The texts are read from ../shared/data (CNN/DailyMail
validation records, Reuters-21578 train); without it the scorer says so and exits 0. Every article
is sent once as a raw-text envelope (Reuters with its date as published_at), the output's items are
located in the source text by their text, and matched to gold spans by overlap (half of the shorter
span). Reports, per task, detection precision/recall/F1 and the accuracy of the values on the
matched items (speaker; value and unit; resolved date), then strict P/R/F1 counting an item only
when its values are right too. Standard library only.
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = os.path.join(HERE, "gold")


def load_sources(data):
    cnn, reuters = {}, {}
    with open(os.path.join(data, "summaries", "cnndm_validation", "cnndm_val_000-599.jsonl"), encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            cnn[d["id"]] = {"text": d["article"], "published": None, "title": None}
    with open(os.path.join(data, "places", "reuters21578_train.jsonl"), encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            reuters[d["id"]] = {"text": d["body"], "published": d.get("date"), "title": d.get("title")}
    return {"cnndm": cnn, "reuters": reuters}


def norm_map(text):
    """Whitespace-collapsed text and, for each of its characters, the index in `text`."""
    out, index, space = [], [], False
    for i, c in enumerate(text):
        if c.isspace():
            if not space and out:
                out.append(" ")
                index.append(i)
            space = True
            continue
        space = False
        out.append(c)
        index.append(i)
    return "".join(out), index


def locate(items, source):
    """Source-text spans of predicted items (found by their text, in order); None when not found."""
    ns, index = norm_map(source)
    cursor, spans = 0, []
    for item in items:
        t = " ".join(item["text"].split())
        if not t:
            spans.append(None)
            continue
        pos = ns.find(t, cursor)
        if pos < 0:
            pos = ns.find(t)
        if pos < 0:
            spans.append(None)
            continue
        cursor = pos + 1
        spans.append((index[pos], index[pos + len(t) - 1] + 1))
    return spans


def overlaps(a, b):
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0 and inter >= 0.5 * min(a[1] - a[0], b[1] - b[0])


def match(gold, predicted):
    """Greedy one-to-one matching by overlap; returns [(gold_index, predicted_index)]."""
    pairs, used = [], set()
    for gi, g in enumerate(gold):
        best = None
        for pi, (span, _) in enumerate(predicted):
            if pi in used or span is None or not overlaps((g["start"], g["end"]), span):
                continue
            inter = min(g["end"], span[1]) - max(g["start"], span[0])
            if best is None or inter > best[0]:
                best = (inter, pi)
        if best:
            used.add(best[1])
            pairs.append((gi, best[1]))
    return pairs


def name_key(s):
    s = re.sub(r"^(the|a|an)\s+", "", (s or "").strip().lower())
    return re.sub(r"[’']s\b", "", s)


def same_speaker(gold, predicted):
    if gold is None:
        return True
    if predicted is None:
        return False
    g, p = name_key(gold), name_key(predicted)
    if g == p:
        return True
    gw, pw = set(g.split()), set(p.split())
    return bool(gw and pw) and (gw <= pw or pw <= gw)


def head(unit):
    if unit is None:
        return None
    w = unit.lower().split()[-1]
    for suffix in ("ies", "es", "s"):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            return w[: -len(suffix)]
    return w


def same_quantity(g, p):
    gv, pv = g["value"], p.get("value")
    if pv is None or abs(gv - pv) > max(1e-9, 0.005 * abs(gv)):
        return False
    if g["unit"] is None:
        return True
    if g["kind"] == "count":
        return head(g["unit"]) == head(p.get("unit"))
    return g["unit"] == p.get("unit")


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


class Tally:
    def __init__(self):
        self.gold = self.pred = self.matched = self.correct = 0

    def line(self, name, what):
        p, r, f = prf(self.matched, self.pred, self.gold)
        sp, sr, sf = prf(self.correct, self.pred, self.gold)
        acc = self.correct / self.matched if self.matched else 0.0
        return (f"{name:<18} gold {self.gold:4d} predicted {self.pred:4d}  detection P {p:.3f} R {r:.3f} F1 {f:.3f}  "
                f"{what} accuracy {acc:.3f}  strict P {sp:.3f} R {sr:.3f} F1 {sf:.3f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cmd", default=".build/release/enrichd enrich")
    ap.add_argument("--data", default=os.path.join(HERE, "..", "..", "shared", "data"))
    ap.add_argument("--details", help="write per-item matches (JSONL) to this file")
    args = ap.parse_args()
    if not os.path.isdir(args.data):
        print(f"skipped: no evaluation data at {args.data}")
        return 0
    sources = load_sources(args.data)
    tasks = {}
    for task in ("quotes", "quantities", "dates"):
        with open(os.path.join(GOLD, f"{task}.jsonl"), encoding="utf-8") as f:
            tasks[task] = [json.loads(line) for line in f if line.strip()]
    articles = {}
    for task, records in tasks.items():
        for r in records:
            articles[(r["source"], r["id"])] = sources[r["source"]][r["id"]]
    keys = sorted(articles)
    lines = []
    for n, key in enumerate(keys):
        a = articles[key]
        published = a["published"] if a["published"] and re.match(r"\d{4}-\d\d-\d\d", a["published"]) else None
        lines.append(json.dumps({"id": f"{key[0]}:{key[1]}", "published_at": published, "text": a["text"]}))
    run = subprocess.run(args.cmd, shell=True, input="\n".join(lines) + "\n", capture_output=True, text=True, executable="/bin/bash")
    if run.returncode != 0:
        print(run.stderr, file=sys.stderr)
        return 1
    outputs = {}
    for line in run.stdout.splitlines():
        d = json.loads(line)
        outputs[d.get("id")] = d.get("enrichment", {})
    details = open(args.details, "w", encoding="utf-8") if args.details else None
    tallies = {name: Tally() for name in ("quotes direct", "quotes indirect", "quantities", "dates")}
    fragments = Tally()
    for task, records in tasks.items():
        for r in records:
            source = articles[(r["source"], r["id"])]["text"]
            enrichment = outputs.get(f"{r['source']}:{r['id']}", {})
            items = enrichment.get(task, []) or []
            spans = locate(items, source)
            predicted = [(s, it) for s, it in zip(spans, items) if s is None or s[0] < r["extent"]]
            groups = {"quotes": [("quotes direct", "direct"), ("quotes indirect", "indirect")]}.get(task, [(task, None)])
            for name, kind in groups:
                gold = [g for g in r["items"] if kind is None or g["kind"] == kind]
                pred = [p for p in predicted if kind is None or p[1].get("kind") == kind]
                if kind == "direct":  # short fragments are not required, but may be found
                    required = [g for g in gold if not g.get("fragment")]
                    pairs = match(gold, pred)
                    found_fragments = {gi for gi, _ in pairs if gold[gi].get("fragment")}
                    fragments.gold += len(gold) - len(required)
                    fragments.matched += len(found_fragments)
                    pred = [p for pi, p in enumerate(pred) if pi not in {pj for gi, pj in pairs if gi in found_fragments}]
                    gold = required
                t = tallies[name]
                pairs = match(gold, pred)
                t.gold += len(gold)
                t.pred += len(pred)
                t.matched += len(pairs)
                for gi, pi in pairs:
                    g, p = gold[gi], pred[pi][1]
                    if task == "quotes":
                        ok = same_speaker(g.get("speaker"), p.get("speaker"))
                    elif task == "quantities":
                        ok = same_quantity(g, p)
                    else:
                        ok = g.get("resolved") == p.get("resolved")
                    t.correct += ok
                    if details:
                        details.write(json.dumps({"task": name, "id": r["id"], "gold": g, "predicted": p, "correct": ok}) + "\n")
                if details:
                    matched_g = {gi for gi, _ in pairs}
                    matched_p = {pi for _, pi in pairs}
                    for gi, g in enumerate(gold):
                        if gi not in matched_g:
                            details.write(json.dumps({"task": name, "id": r["id"], "missed": g, "surface": source[g["start"]:g["end"]][:80]}) + "\n")
                    for pi, p in enumerate(pred):
                        if pi not in matched_p:
                            details.write(json.dumps({"task": name, "id": r["id"], "spurious": p[1]}) + "\n")
    print(f"articles {len(keys)}; short attributed fragments found {fragments.matched} of {fragments.gold} (not scored)")
    print(tallies["quotes direct"].line("quotes direct", "speaker"))
    print(tallies["quotes indirect"].line("quotes indirect", "speaker"))
    print(tallies["quantities"].line("quantities", "value+unit"))
    print(tallies["dates"].line("dates", "resolution"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
