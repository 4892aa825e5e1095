#!/usr/bin/env python3
"""Precision of oerlint on the real corpus, judged finding by finding.

Runs `oerlint check` on each collection of ../shared/corpus (JSON), and matches every
finding with the verdicts in bench/accuracy/judgments-*.tsv. A verdict line is

    fingerprint <TAB> T|F <TAB> why (in our own words; no corpus text)

The fingerprint is rule|path|line:column|hash of the texts involved, so no corpus text is
stored in the repository. Prints the per-collection, per-rule table (markdown) and writes
the findings not judged yet to OUT/todo-COLLECTION.jsonl (with their texts, to judge by
reading both languages).

    python3 bench/accuracy.py [--bin target/release/oerlint] [--out /tmp/acc]
"""
import argparse, collections, glob, hashlib, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
CORPUS = os.path.normpath(os.path.join(REPO, "..", "shared", "corpus"))
COLLECTIONS = ["tldr", "nodejs-site", "owasp-top10-2021", "opensource-guide"]


def fingerprint(d):
    p = d["primary"]
    rel = os.path.relpath(os.path.abspath(p["path"]), CORPUS)
    texts = p.get("text", "") + "\x1f" + "\x1f".join(r.get("text", "") for r in d.get("related", []))
    h = hashlib.sha1((d["message"] + "\x1e" + texts).encode()).hexdigest()[:12]
    return f'{d["rule"]}|{rel}|{p["line"]}:{p["column"]}|{h}'


def load_judgments():
    j = {}
    for f in sorted(glob.glob(os.path.join(HERE, "accuracy", "judgments-*.tsv"))):
        for line in open(f, encoding="utf-8"):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[1] in ("T", "F"):
                j[parts[0]] = (parts[1], parts[2] if len(parts) > 2 else "")
    return j


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(REPO, "target", "release", "oerlint"))
    ap.add_argument("--out", default="/tmp/oerlint-accuracy",
                    help="where todo-COLLECTION.jsonl (not judged yet) and false-COLLECTION.tsv (judged false) go")
    ap.add_argument("--no-notes", action="store_true", help="count errors and warnings only")
    ap.add_argument("--from-dir", help="read COLLECTION.json reports saved earlier instead of running the binary")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    judged = load_judgments()
    print("| collection | rule | findings | true | false | unjudged | precision |")
    print("|---|---|---:|---:|---:|---:|---:|")
    totals = collections.Counter()
    by_rule = collections.defaultdict(collections.Counter)
    for c in COLLECTIONS:
        path = os.path.join(CORPUS, c)
        if not os.path.isdir(path):
            continue
        if a.from_dir:
            report = json.load(open(os.path.join(a.from_dir, f"{c}.json"), encoding="utf-8"))
        else:
            out = subprocess.run([a.bin, "check", path, "--format", "json"], capture_output=True, text=True)
            report = json.loads(out.stdout)
        diags = [d for d in report["diagnostics"] if d["rule"] != "input-error"]
        if a.no_notes:
            diags = [d for d in diags if d["severity"] != "note"]
        per = collections.defaultdict(collections.Counter)
        todo, false = [], []
        for d in diags:
            fp = fingerprint(d)
            v = judged.get(fp)
            per[d["rule"]]["n"] += 1
            if v is None:
                per[d["rule"]]["u"] += 1
                todo.append({"fingerprint": fp, "rule": d["rule"], "message": d["message"],
                             "primary": {k: d["primary"].get(k) for k in ("path", "line", "column", "text", "label")},
                             "related": [{k: r.get(k) for k in ("path", "line", "column", "text", "label")} for r in d.get("related", [])]})
            else:
                per[d["rule"]][v[0]] += 1
                if v[0] == "F":
                    false.append(f"{fp}\t{v[1]}\n")
        with open(os.path.join(a.out, f"todo-{c}.jsonl"), "w", encoding="utf-8") as f:
            for t in todo:
                f.write(json.dumps(t, ensure_ascii=False) + "\n")
        with open(os.path.join(a.out, f"false-{c}.tsv"), "w", encoding="utf-8") as f:
            f.writelines(false)
        for rule in sorted(per):
            n, t, fl, u = per[rule]["n"], per[rule]["T"], per[rule]["F"], per[rule]["u"]
            prec = f"{t / (t + fl):.2f}" if t + fl else "–"
            print(f"| {c} | {rule} | {n} | {t} | {fl} | {u} | {prec} |")
            totals.update({"n": n, "T": t, "F": fl, "u": u})
            by_rule[rule].update({"n": n, "T": t, "F": fl, "u": u})
    print()
    print("| rule | findings | true | false | unjudged | precision |")
    print("|---|---:|---:|---:|---:|---:|")
    for rule in sorted(by_rule):
        r = by_rule[rule]
        p = f"{r['T'] / (r['T'] + r['F']):.2f}" if r["T"] + r["F"] else "–"
        print(f"| {rule} | {r['n']} | {r['T']} | {r['F']} | {r['u']} | {p} |")
    t, fl = totals["T"], totals["F"]
    prec = f"{t / (t + fl):.2f}" if t + fl else "–"
    print(f'| **all** | | {totals["n"]} | {t} | {fl} | {totals["u"]} | {prec} |')


if __name__ == "__main__":
    sys.exit(main())
