#!/usr/bin/env python3
"""Hostile inputs (issue #13): every hostile input of tests/reliability.rs and tests/safety.rs,
and the ones issue #13 reported, checked by the release binary. Prints a Markdown table:
input size, wall time, peak RSS, peak RSS over the input size, and the same over the peak RSS
of a run on a tiny document (the binary, its tables and the time-zone database: a floor that
every run pays, whatever its input), so that small inputs are judged by what they add
(docs/reliability.md).

Usage: python3 bench/hostile.py OERLINT WORKDIR [GEN_CORPUS]   (bench/hostile.sh runs it)
With GEN_CORPUS, a last row checks realistic text: 1,300 generated issues as one document
(about 4 MB of English, 14 MB with its French and Arabic).
"""
import glob
import os
import subprocess
import sys
import tempfile

BIN, WORK = sys.argv[1], sys.argv[2]
GEN = sys.argv[3] if len(sys.argv) > 3 else None


def realistic():
    corpus = os.path.join(WORK, "corpus-1300")
    if not os.path.isdir(corpus):
        subprocess.run([GEN, corpus, "1300", "3"], check=True, stdout=subprocess.DEVNULL)
    dirs = sorted(glob.glob(os.path.join(corpus, "*", "issue-*")))
    files = {}
    for lang in ("en", "fr", "ar"):
        files[f"{lang}.md"] = "".join(open(os.path.join(d, lang + ".md"), encoding="utf-8").read() + "\n\n" for d in dirs)
    return files


def sections(n, body):
    return "".join(f"## H\n\n{body(i)}\n\n" for i in range(n))


def both(text):
    return {"en.md": text, "fr.md": text}


def cases():
    """(name, files, extra arguments)."""
    yield "20,000-deep block quotes", both(f"# T\n\n{'> ' * 20000}deep CL/4398 a@b.org\n"), []
    yield "growing block quotes (2 MB)", both("# T\n\n" + "".join(">" * i + " x\n" for i in range(1, 2001))), []
    yield "20,000-deep nested lists", both(f"# T\n\n{'- ' * 20000}deep CL/4398\n"), []
    yield "20,000-deep ordered lists", both(f"# T\n\n{'1. ' * 20000}deep\n"), []
    yield "2,000-deep indented lists", both("# T\n\n" + "".join("  " * i + "- item a@b.org\n" for i in range(2000))), []
    yield "20,000 alternating quotes and lists", both(f"# T\n\n{'> - ' * 10000}x\n"), []
    for unit in ["[", "(", "[[[[(((", "](", "![", "<", "`", "*a", "_a*", "[a](", "\u202b", "<!--", "&#"]:
        n = 50000 // len(unit)
        shown = {"\u202b": "U+202B", "`": "backtick"}.get(unit, f"`{unit}`")
        yield f"50,000 unmatched {shown}", both(f"# T\n\nSee CL/4398 {unit * n}\n\n## U\n\nmore\n"), []
    u = "The Member States are invited to send their comments on the draft report. "
    yield "2 MB single line of prose", both(
        f"# T\n\n{u * (2000000 // len(u))} CL/4398 a@b.org 12 March 2022 https://a.org/en/x\n"), []
    u = "Member States CL/4398 a@b.org 12 March 2022 https://a.org/en/x 1,234 "
    yield "200 KB single line of anchors", both(f"# T\n\n{u * (200000 // len(u))}\n"), []
    u = "الدول الأعضاء ١٢ مارس ٢٠٢٢ "
    yield "2 MB single Arabic line", {"en.md": "# T\n\nx\n", "ar.md": f"# T\n\n{u * (2000000 // len(u.encode()))}\n"}, []
    yield "2 MB of one letter", both("a" * 2000000), []
    yield "10,000 identical sections a side", both(sections(10000, lambda i: "Text.")), []
    yield "10,000 and 9,990 sections", {
        "en.md": sections(10000, lambda i: f"Section {i} with CL/{i % 9000 + 1000:04}."),
        "fr.md": sections(9990, lambda i: f"Section {i} avec CL/{i % 9000 + 1000:04}."),
    }, []
    yield "10,000 and 300 sections", {
        "en.md": sections(10000, lambda i: f"S {i}."),
        "fr.md": sections(300, lambda i: f"S {i}."),
    }, []
    yield "no section in common", {
        "en.md": sections(200, lambda i: f"English text CL/{1000 + i} and e{i}@x.org."),
        "fr.md": "".join(f"# Titre {i}\n\n- liste {5000 + i}\n\n" for i in range(150)),
    }, []
    # Issue #13.
    yield "20,000 different numbers a side (#13)", {
        "en.md": "# T\n\n" + " ".join(str(100000 + i * 7) for i in range(20000)) + "\n",
        "fr.md": "# T\n\n" + " ".join(str(500000 + i * 13) for i in range(20000)) + "\n",
    }, []
    yield "124,000 identical numbers, 870 KB a side (#13)", both("# T\n\n" + " ".join(["123456"] * 124000) + "\n"), []
    en = " ".join(f"Write to user{i}@example.org today." for i in range(1800))
    fr = " ".join(f"Écrivez à membre{i}@example.org aujourd’hui." for i in range(1800))
    yield "64 KB lines, 1,800 findings, human output (#13)", {
        "en.md": f"# T\n\n{en[:65000]}\n", "fr.md": f"# T\n\n{fr[:65000]}\n"}, ["--format", "human", "--color", "never"]
    if GEN:
        yield "realistic: 1,300 issues as one document (#13)", realistic(), ["--format", "json", "--max-file-size", "100000000"]


def run(files, extra):
    """(size, seconds, peak RSS in KiB, output bytes) of one check."""
    with tempfile.TemporaryDirectory(dir=WORK) as d:
        size = 0
        for f, text in files.items():
            data = text.encode("utf-8")
            size += len(data)
            with open(os.path.join(d, f), "wb") as out:
                out.write(data)
        out_path = os.path.join(d, "out")
        args = extra or ["--format", "json"]
        with open(out_path, "wb") as out:
            r = subprocess.run(
                ["/usr/bin/time", "-f", "%e %M", BIN, "check", d, *args],
                stdout=out, stderr=subprocess.PIPE, check=False)
        secs, kb = r.stderr.decode().strip().splitlines()[-1].split()
        return size, float(secs), int(kb), os.path.getsize(out_path)


def main():
    os.makedirs(WORK, exist_ok=True)
    # The floor: a tiny document (the median of three runs).
    floor = sorted(run(both("# T\n\nx\n"), [])[2] for _ in range(3))[1]
    print(f"Tiny document (`# T` and one word a side): peak RSS {floor / 1024:.1f} MiB.\n")
    print("| input | size | time | peak RSS | RSS / input | (RSS − tiny run) / input | output | slowest and largest of the other formats |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for name, files, extra in cases():
        size, secs, kb, written = run(files, extra)
        # The same input in every other format (human, short, SARIF, HTML): a format that
        # is slow or large on an input is as bad as the default one being so.
        others = []
        for fmt in ["json", "human", "short", "sarif", "html"]:
            if fmt in (extra[1:2] or ["json"]):
                continue
            args = ["--format", fmt, *extra[2:]] if extra else ["--format", fmt]
            _, s2, kb2, _ = run(files, args)
            others.append((fmt, s2, kb2))
        slow = max(others, key=lambda o: o[1])
        big = max(others, key=lambda o: o[2])
        print(f"| {name} | {size / 1e3:,.0f} KB | {secs:.2f} s | {kb / 1024:.0f} MiB "
              f"| {kb * 1024 / size:.1f}× | {(kb - floor) * 1024 / size:.1f}× | {written / 1e6:.1f} MB "
              f"| {slow[1]:.2f} s ({slow[0]}), {big[2] / 1024:.0f} MiB ({big[0]}) |")


main()
