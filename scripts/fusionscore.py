#!/usr/bin/env python3
"""Score sitrep's fusion on the GVA dev set (issue 4).

Ingests the GVA dev articles into a fresh database, reads the fused events back and compares
the clusters with GVA's incidents. The incident id (the middle part of `doc_id`) is used only
here, to score; sitrep never sees it as anything but an opaque id.

Measures, computed by the team's scorer (`score.py --fusion`):
  * B-cubed precision / recall / F1 of the clusters against the incidents;
  * fused killed / injured accuracy per incident.

  python3 scripts/fusionscore.py [--bin target/release/sitrep] [--eval ../shared/eval]
                                 [--gates .ci/gates.json] [--check]
"""
import argparse
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
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "fusion.db")
        subprocess.run([args.bin, "ingest", "--db", db, inp], check=True,
                       stdout=subprocess.DEVNULL)
        pred = os.path.join(tmp, "events.jsonl")
        with open(pred, "w", encoding="utf-8") as out:
            subprocess.run([args.bin, "events", "--db", db, "--format", "jsonl"], check=True,
                           stdout=out)
        # The team's scorer does the scoring; this script only runs sitrep and the gates.
        report = subprocess.run([sys.executable, os.path.join(args.eval, "score.py"), "--fusion",
                                 "--gold", gold_path, "--pred", pred], check=True,
                                capture_output=True, text=True).stdout

    found = {}
    for line in report.splitlines():
        parts = line.split()
        if len(parts) == 2:
            try:
                found[parts[0]] = float(parts[1])
            except ValueError:
                pass
    keys = ["bcubed_precision", "bcubed_recall", "bcubed_f1", "fused_killed_acc", "fused_injured_acc"]
    missing = [k for k in keys if k not in found]
    if missing:
        sys.exit(f"fusionscore: the scorer printed no {', '.join(missing)}:\n{report}")
    scores = {k: found[k] for k in keys}
    print(f"fusion  {int(found.get('docs', 0))} articles  {int(found.get('incidents', 0))} incidents  "
          f"{int(found.get('events_pred', 0))} events  "
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
