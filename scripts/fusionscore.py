#!/usr/bin/env python3
"""Score sitrep's fusion on the GVA dev set (issue 4).

Ingests the GVA dev articles into a fresh database, reads the fused events back and compares
the clusters with GVA's incidents. The incident id (the middle part of `doc_id`) is used only
here, to score; sitrep never sees it as anything but an opaque id.

Measures:
  * B-cubed precision / recall / F1 of the clusters against the incidents;
  * fused killed / injured accuracy per incident: the cluster holding most of the incident's
    articles has the incident's gold figure as its best figure (no figure counts as 0).

  python3 scripts/fusionscore.py [--bin target/release/sitrep] [--eval ../shared/eval]
                                 [--gates .ci/gates.json] [--check]
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(root, "target/release/sitrep"))
    ap.add_argument("--eval", default=os.path.join(root, "../shared/eval"))
    ap.add_argument("--gates", default=os.path.join(root, ".ci/gates.json"))
    ap.add_argument("--check", action="store_true", help="exit 1 when a gate is not met")
    args = ap.parse_args()

    inp = os.path.join(args.eval, "dev/gva.input.jsonl")
    gold_path = os.path.join(args.eval, "dev/gva.gold.jsonl")
    gold = {}
    with open(gold_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                gold[row["doc_id"]] = row["event"]

    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "fusion.db")
        subprocess.run([args.bin, "ingest", "--db", db, inp], check=True,
                       stdout=subprocess.DEVNULL)
        out = subprocess.run([args.bin, "events", "--db", db, "--format", "jsonl"], check=True,
                             capture_output=True, text=True).stdout

    cluster_of = {}
    figures = {}
    for i, line in enumerate(out.splitlines()):
        if not line.strip():
            continue
        ev = json.loads(line)
        for d in ev.get("doc_ids", []):
            cluster_of[d] = i
        fat = ev.get("fatalities") or {}
        inj = ev.get("injuries") or {}
        figures[i] = (fat.get("best") or 0, inj.get("best") or 0)

    # Articles without an event are singletons.
    next_id = len(figures)
    for d in gold:
        if d not in cluster_of:
            cluster_of[d] = next_id
            figures[next_id] = (0, 0)
            next_id += 1

    incident = {d: g["incident"] for d, g in gold.items()}
    by_cluster = collections.defaultdict(set)
    by_incident = collections.defaultdict(set)
    for d in gold:
        by_cluster[cluster_of[d]].add(d)
        by_incident[incident[d]].add(d)

    p_sum = r_sum = 0.0
    for d in gold:
        c = by_cluster[cluster_of[d]]
        t = by_incident[incident[d]]
        both = len(c & t)
        p_sum += both / len(c)
        r_sum += both / len(t)
    n = len(gold)
    p, r = p_sum / n, r_sum / n
    f1 = 2 * p * r / (p + r) if p + r else 0.0

    killed_ok = injured_ok = 0
    for inc, docs in by_incident.items():
        counts = collections.Counter(cluster_of[d] for d in docs)
        top = max(counts.items(), key=lambda kv: (kv[1], -kv[0]))[0]
        g = gold[next(iter(docs))]
        k, j = figures[top]
        killed_ok += k == (g.get("killed") or 0)
        injured_ok += j == (g.get("injured") or 0)
    m = len(by_incident)
    scores = {
        "bcubed_precision": p,
        "bcubed_recall": r,
        "bcubed_f1": f1,
        "fused_killed_acc": killed_ok / m,
        "fused_injured_acc": injured_ok / m,
    }
    print(f"fusion  {n} articles  {m} incidents  {len(by_cluster)} clusters  "
          + "  ".join(f"{k} {v:.3f}" for k, v in scores.items()))

    if args.check:
        with open(args.gates, encoding="utf-8") as f:
            gates = json.load(f).get("fusion", {})
        failed = [f"{k} {scores[k]:.3f} < {v}" for k, v in gates.items() if scores.get(k, 0) < v]
        if failed:
            print("fusion gates not met: " + "; ".join(failed))
            sys.exit(1)
        print("fusion gates: all met")
    return scores


if __name__ == "__main__":
    main()
