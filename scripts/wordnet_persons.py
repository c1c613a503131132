#!/usr/bin/env python3
"""Generate crates/extract/data/persons_wordnet.txt: nouns for people from WordNet 3.0.

Regenerate (Python 3 standard library only; no root needed):

    cd /tmp && apt-get download wordnet-base      # Debian/Ubuntu package, version 1:3.0-37
    dpkg-deb -x wordnet-base_*.deb wordnet-base
    python3 /path/to/sitrep/scripts/wordnet_persons.py /tmp/wordnet-base/usr/share/wordnet \
        > /path/to/sitrep/crates/extract/data/persons_wordnet.txt

The output is committed; nothing is downloaded at build or run time.

A lemma is kept when all of these hold:
  * its most frequent noun sense (the first synset index.noun lists) is in the lexicographer
    file noun.person (lex file 18) and is not an instance (no "@i" pointer: named people such
    as "lincoln" or "mohammed" are not common nouns, and their lowercase forms are towns and
    surnames);
  * WordNet writes it in lowercase: proper nouns ("Somali", "Iowa", "Leo", "Amen": peoples
    named like places, star signs, gods) are left out; peoples are the hand-typed list's and
    the capitalised-plural heuristic's (claims.rs, `person_like`);
  * it is one word of lowercase letters (WordNet's multiword lemmas, hyphenated and
    apostrophised forms never match one token of the segmenter, which splits at hyphens);
  * it is used at least as often as a person noun as it is as a verb, adjective or adverb,
    by the sense counts of the tagged corpus (cntlist.rev): this drops "minor", "major",
    "private", "general" and the like, which in news are mostly adjectives ("minor injuries",
    "a major attack"). Lemmas without counts are kept (they are rare either way).
  * it is at least three letters long (two-letter lemmas are abbreviations and initials).
Each kept lemma is written with its plurals: the irregular ones WordNet lists in noun.exc
("women", "children", "wives") and the regular one (-s; -es after s, x, z, ch, sh; -ies
after a consonant and y; -men after -man, and -mans too, for "shaman" and the like). A plural
form that is a word of its own for no people ("dive", which noun.exc lists as a plural of
"diva"; "pliers"; "divers", an adjective) is left out.
"""
import os
import re
import sys

PERSON_LEX = 18  # noun.person in lexnames
GROUP_LEX = 14  # noun.group: "leaders", "brethren"
WORD = re.compile(r"^[a-z]{3,}$")


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("  "):  # licence header
                continue
            yield line.rstrip("\n")


def synsets(path):
    """offset -> (lex file number, is instance, its words as written)."""
    out = {}
    for line in read_lines(path):
        f = line.split(" ")
        if len(f) < 4:
            continue
        w_cnt = int(f[3], 16)
        p = 4 + 2 * w_cnt
        p_cnt = int(f[p])
        ptrs = [f[p + 1 + 4 * i] for i in range(p_cnt)]
        written = [f[4 + 2 * i] for i in range(w_cnt)]
        out[f[0]] = (int(f[1]), "@i" in ptrs, written)
    return out


def senses(path):
    """lemma -> offsets of its synsets, most frequent first (an index.* file)."""
    out = {}
    for line in read_lines(path):
        f = line.split(" ")
        if len(f) < 4:
            continue
        synset_cnt = int(f[2])
        p_cnt = int(f[3])
        offsets = f[4 + p_cnt + 2:4 + p_cnt + 2 + synset_cnt]
        if offsets:
            out[f[0]] = offsets
    return out


def sense_counts(path):
    """lemma -> (count as a person noun, count as a verb, adjective or adverb)."""
    out = {}
    for line in read_lines(path):
        f = line.split(" ")
        if len(f) < 3 or "%" not in f[0]:
            continue
        lemma, rest = f[0].split("%", 1)
        parts = rest.split(":")
        ss_type, lex = int(parts[0]), int(parts[1])
        n = int(f[2])
        person, other = out.get(lemma, (0, 0))
        if ss_type == 1 and lex == PERSON_LEX:
            person += n
        elif ss_type != 1:
            other += n
        out[lemma] = (person, other)
    return out


def exceptions(path):
    """base -> irregular plural forms (noun.exc)."""
    out = {}
    for line in read_lines(path):
        f = line.split(" ")
        if len(f) >= 2:
            for base in f[1:]:
                out.setdefault(base, []).append(f[0])
    return out


def regular_plurals(w):
    if w.endswith("man"):
        return [w[:-3] + "men", w + "s"]
    if w.endswith(("s", "x", "z", "ch", "sh")):
        return [w + "es"]
    if w.endswith("y") and w[-2] not in "aeiou":
        return [w[:-1] + "ies"]
    return [w + "s"]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    d = sys.argv[1]
    syn = synsets(os.path.join(d, "data.noun"))
    nouns = senses(os.path.join(d, "index.noun"))
    other_pos = set()
    for pos in ("verb", "adj", "adv"):
        other_pos.update(senses(os.path.join(d, f"index.{pos}")))
    counts = sense_counts(os.path.join(d, "cntlist.rev"))
    exc = exceptions(os.path.join(d, "noun.exc"))

    def person_first(lemma):
        lex, instance, _ = syn.get(nouns[lemma][0], (None, False, []))
        return lex == PERSON_LEX and not instance

    def other_word(p):
        """A plural form that is a noun of its own for no people ("dive", "pliers")."""
        if p not in nouns:
            return False
        lex, instance, _ = syn.get(nouns[p][0], (None, False, []))
        return not instance and lex not in (PERSON_LEX, GROUP_LEX)

    words = set()
    for lemma, offs in nouns.items():
        if not WORD.match(lemma) or not person_first(lemma):
            continue
        person, other = counts.get(lemma, (0, 0))
        if other > person:
            continue
        written = next((w for w in syn[offs[0]][2] if w.lower() == lemma), lemma)
        if written[0].isupper():
            continue  # a proper noun: "Somali", "Iowa" (a people; a state), "Leo", "Amen"
        words.add(lemma)
        irregular = [p for p in exc.get(lemma, []) if WORD.match(p)]
        for p in irregular + regular_plurals(lemma):
            # A plural that is a word of its own ("dive", listed as a plural of "diva") is left out.
            if other_word(p) or p in other_pos:
                continue
            words.add(p)
    print("# Nouns for people from WordNet 3.0 (Princeton; Debian wordnet-base 1:3.0-37), singular")
    print("# and plural. Generated by scripts/wordnet_persons.py; do not edit (see SOURCE.md).")
    for w in sorted(words):
        print(w)


if __name__ == "__main__":
    main()
