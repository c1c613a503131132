#!/usr/bin/env python3
"""Score sitrep on the dev sets in ../shared/eval and check the quality gates.

    python3 scripts/devscore.py [--bin target/release/sitrep] [--eval ../shared/eval]
                                [--gates .ci/gates.json] [--check]

Runs `sitrep extract --format jsonl` on every dev set, scores each with the team's scorer
(`eval/score.py --json`), prints one summary line per set, and with --check exits 1 when a
measure falls below its gate. Standard library only.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile

SETS = ["wad", "gtd", "gva", "acled", "wiki", "seeds"]

# Measures with a gate (see --ratchet).
TRACKED = {
    "wad": ["killed_acc", "injured_acc", "country_acc"],
    "gtd": ["killed_acc", "killed_nonzero_acc", "injured_acc", "date_acc", "country_acc", "within_50km_acc"],
    "gva": ["killed_acc", "injured_acc", "date_acc", "country_acc"],
    "acled": ["killed_nonzero_acc", "date_acc", "event_type_acc", "country_acc", "within_50km_acc", "actor_acc"],
    "wiki": ["country_acc", "actor_acc"],
    "seeds": ["f1", "cumulative_acc", "side_acc"],
}


def run(cmd, **kw):
    return subprocess.run(cmd, check=False, capture_output=True, text=True, **kw)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default="target/release/sitrep")
    ap.add_argument("--eval", default="../shared/eval")
    ap.add_argument("--gates", default=".ci/gates.json")
    ap.add_argument("--check", action="store_true", help="exit 1 when a measure is below its gate")
    ap.add_argument("--ratchet", action="store_true",
                    help="raise the gates of the tracked measures to today's scores (never lowers one)")
    a = ap.parse_args()
    dev = os.path.join(a.eval, "dev")
    if not os.path.isdir(dev):
        print(f"devscore: skipped: {dev} is absent (the shared eval sets are not on this machine)")
        return 0
    gates = {}
    if os.path.exists(a.gates):
        with open(a.gates, encoding="utf-8") as f:
            gates = json.load(f)
    failed = []
    with tempfile.TemporaryDirectory() as tmp:
        for s in SETS:
            gold = os.path.join(dev, f"{s}.gold.jsonl")
            if s == "seeds":
                inp = os.path.join(a.eval, "..", "seeds")
            else:
                inp = os.path.join(dev, f"{s}.input.jsonl")
            if not (os.path.exists(gold) and os.path.exists(inp)):
                continue
            pred = os.path.join(tmp, f"{s}.pred.jsonl")
            with open(pred, "w", encoding="utf-8") as out:
                p = subprocess.run([a.bin, "extract", "--format", "jsonl", inp], stdout=out, stderr=subprocess.PIPE, text=True)
            if p.returncode != 0:
                print(f"{s}: extract failed ({p.returncode}): {p.stderr.strip()[:500]}")
                failed.append(f"{s}: extract failed")
                continue
            sc = run([sys.executable, os.path.join(a.eval, "score.py"), "--gold", gold, "--pred", pred, "--json"])
            if sc.returncode != 0:
                print(f"{s}: scorer failed: {sc.stderr.strip()[:500]}")
                failed.append(f"{s}: scorer failed")
                continue
            res = json.loads(sc.stdout)
            flat = {}
            for part in res.values():
                flat.update({k: v for k, v in part.items() if isinstance(v, (int, float))})
            shown = {k: v for k, v in flat.items() if k.endswith("_acc") or k in ("f1", "precision", "recall")}
            print(f"{s:6} " + "  ".join(f"{k.replace('_acc', '')} {v:.3f}" for k, v in shown.items()))
            if a.ratchet:
                g = gates.setdefault(s, {})
                for measure in TRACKED.get(s, []):
                    if flat.get(measure) is not None:
                        floor = math.floor((flat[measure] - 0.0006) * 100) / 100
                        g[measure] = max(g.get(measure, 0.0), floor)
            for measure, floor in gates.get(s, {}).items():
                got = flat.get(measure)
                if got is None or got + 1e-9 < floor:
                    failed.append(f"{s}.{measure} = {got} < gate {floor}")
    if a.ratchet:
        with open(a.gates, "w", encoding="utf-8") as f:
            json.dump(gates, f, indent=1)
            f.write("\n")
        print(f"gates written to {a.gates}")
    if failed:
        print("quality gates:")
        for f in failed:
            print(f"  FAIL {f}")
        return 1 if a.check else 0
    if a.check:
        print("quality gates: all met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
