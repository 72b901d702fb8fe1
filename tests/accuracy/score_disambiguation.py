#!/usr/bin/env python3
"""score_disambiguation.py -- scores the places Dyad gives the ambiguous
names of tests/accuracy/disambiguation.jsonl (sentences written for this
set: Washington, Georgia, Jordan, Latina, Paris, Alexandria, Tripoli,
Hyderabad, Santiago, San Jose), beside the baseline that takes each name
for its most populous place of that very name in the gazetteer (a
place, never a person; the capital "Washington, D.C." is not its name).

A record names one ambiguous word and the place it is (name and ISO
country), or none (a person, a thing). Dyad is right when a place mention
of the record covers the word and is that place (a country by its code,
whatever name the record gives it), or, for none, when no place mention
covers the word.

Prints "SUMMARY records=N right=N acc=X" for Dyad, a BASELINE line with
the same keys, then a "MISS ..." line for each record Dyad gets wrong.

usage: score_disambiguation.py SET PLACES GAZETTEER
  SET        the records (JSON Lines)
  PLACES     dyad code --format places over SET
  GAZETTEER  the .gaz the places came from
"""
import json
import sys


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    records = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
    found = {}
    for line in open(sys.argv[2], encoding="utf-8"):
        p = json.loads(line)
        found.setdefault(p["article"], []).append(p)
    populous = {}
    towns = set()  # (name, country) of every place that is not a country
    for line in open(sys.argv[3], encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        name, country, pop = f[0], f[2], int(f[6] or 0)
        if f[1] != "country":
            towns.add((name, country))
        if name not in populous or pop > populous[name][1]:
            populous[name] = (country, pop)

    def same(p, r):
        """A mention p is the record's place r: the same name and country,
        or, for a country (a record's place no town or region of that
        country is named), the same country whatever its name: "Congo",
        "Democratic Republic of the Congo"."""
        if p.get("place_country") != r["country"]:
            return False
        if p.get("place") == r["place"]:
            return True
        return p.get("place_kind") == "country" and (r["place"], r["country"]) not in towns
    dyad = base = 0
    wrong = []
    for r in records:
        covering = [p for p in found.get(r["id"], []) if r["word"] in (p.get("place_text") or "")]
        if r["place"] is None:
            ok = not covering
            b = r["word"] not in populous
        else:
            ok = any(same(p, r) for p in covering)
            b = (r["place"] == r["word"] or (r["place"], r["country"]) not in towns) and populous.get(
                r["word"], ("", 0)
            )[0] == r["country"]
        dyad += ok
        base += b
        if not ok:
            got = ", ".join("%s/%s" % (p.get("place"), p.get("place_country")) for p in covering) or "none"
            wrong.append("%s %s: want %s/%s, got %s" % (r["id"], r["word"], r["place"], r["country"], got))
    n = len(records)
    print("SUMMARY records=%d right=%d acc=%.3f" % (n, dyad, dyad / n))
    print("BASELINE most-populous-place-of-the-name records=%d right=%d acc=%.3f" % (n, base, base / n))
    for w in wrong:
        print("MISS " + w)


if __name__ == "__main__":
    main()
