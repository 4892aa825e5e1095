"""Measurements for bench/run.sh. Whole-process figures: each run starts the binary."""
import json, os, shutil, statistics, subprocess, sys, tempfile, time, collections

oerlint, gen, work, pofilter = sys.argv[1:5]
RULE = {"date": "date-mismatch", "number": "number-mismatch", "email": "email-mismatch",
        "code": "code-mismatch", "link": "link-mismatch", "time": "time-mismatch"}


def corpus(n):
    path = os.path.join(work, f"corpus-{n}")
    if not os.path.exists(os.path.join(path, "injected.jsonl")):
        shutil.rmtree(path, ignore_errors=True)
        subprocess.run([gen, path, str(n), "42", "0.3"], check=True, stderr=subprocess.DEVNULL)
    size = 0
    for root, _, files in os.walk(path):
        size += sum(os.path.getsize(os.path.join(root, f)) for f in files if f.endswith(".md"))
    return path, size


def timed(cmd, env=None):
    """Wall time of one run of a command and its standard output."""
    with tempfile.TemporaryFile() as out:
        t = time.perf_counter()
        subprocess.run(cmd, stdout=out, stderr=subprocess.DEVNULL, env=env)
        wall = time.perf_counter() - t
        out.seek(0)
        return wall, out.read()


# Linux gives a child the high-water mark of the process it was forked from (the mark is
# copied with the memory map and kept across exec): after this script has read a 280 MB
# HTML report, every later child "peaked" at 280 MB. Peaks are therefore read by a fresh
# small Python process that starts the command and reports wait4's figure.
PEAK = (
    "import os, subprocess, sys\n"
    "p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(os.wait4(p.pid, 0)[2].ru_maxrss)\n"
)


def peak(cmd, env=None):
    """Peak RSS (KiB) of one run of a command, output discarded."""
    r = subprocess.run([sys.executable, "-c", PEAK, *cmd], stdout=subprocess.PIPE, env=env, check=True)
    return int(r.stdout)


def recall_oerlint(path, out):
    d = json.loads(out)
    found = collections.defaultdict(set)
    for x in d["diagnostics"]:
        issue = os.path.dirname(x["primary"]["path"])
        found[issue].add((x["rule"], x["primary"]["lang"]))
    inj = [json.loads(l) for l in open(os.path.join(path, "injected.jsonl"))]
    hit = sum(1 for i in inj if (RULE[i["kind"]], i["lang"]) in found[i["issue"]])
    flagged = {k for k, v in found.items() if v}
    injected = {i["issue"] for i in inj}
    false_issues = len(flagged - injected)
    return hit, len(inj), false_issues


rows = []
env1 = dict(os.environ, RAYON_NUM_THREADS="1")
env2 = dict(os.environ, RAYON_NUM_THREADS="2")

# Single issue, process start to exit, median of 51 runs.
small, _ = corpus(1000)
one = os.path.join(small, "000", "issue-00001")
walls = [timed([oerlint, "check", one, "--format", "json"])[0] for _ in range(51)]
rows.append(("single issue (3 files), wall, median of 51", f"{statistics.median(walls) * 1000:.1f} ms", "≤ 10 ms"))

for n in (1000, 10000):
    path, size = corpus(n)
    mb = size / 1e6
    res = {}
    for label, env in (("1 thread", env1), ("2 threads", env2)):
        res[label] = timed([oerlint, "check", path, "--format", "json"], env)
    w2, out2 = res["2 threads"]
    w1 = res["1 thread"][0]
    rss2 = peak([oerlint, "check", path, "--format", "json"], env2)
    hit, total, false_issues = recall_oerlint(path, out2)
    rows.append((f"N={n}: {mb:.1f} MB, 2 threads", f"{mb / w2:.1f} MB/s, {n / w2:.0f} issues/s ({w2:.2f} s)", "≥ 25 MB/s at N=10000 (#16)"))
    rows.append((f"N={n}: 1 thread", f"{mb / w1:.1f} MB/s ({w1:.2f} s); speed-up ×{w1 / w2:.2f}", "both cores busy"))
    rows.append((f"N={n}: peak RSS", f"{rss2 / 1024:.0f} MiB", "< 64 MiB, flat in N"))
    rows.append((f"N={n}: oerlint recall / issues flagged with nothing injected", f"{hit}/{total} = {hit / total:.1%}; {false_issues}", "≥ pofilter's"))
    if n == 10000:
        # "Whatever the format": the formats that are not streamed item by item keep parts
        # until the end (SARIF) or spill them (HTML).
        peaks = [f"{fmt} {peak([oerlint, 'check', path, '--format', fmt], env2) / 1024:.0f}"
                 for fmt in ("sarif", "html", "human")]
        rows.append((f"N={n}: peak RSS by format, 2 threads", f"json {rss2 / 1024:.0f}, " + ", ".join(peaks) + " MiB", "< 64 MiB each"))

# The same bytes read by other tools, side by side (#16: faster than typos); the medians of
# three runs each, in turn.
path, size = corpus(10000)
others = {"oerlint": [oerlint, "check", path, "--format", "json"]}
if shutil.which("typos"):
    others["typos"] = ["typos", path]
if shutil.which("rg"):
    others["ripgrep"] = ["rg", "-c", "[0-9]{4}|January|février|يناير", path]
walls = {k: [] for k in others}
for _ in range(3):
    for k, c in others.items():
        walls[k].append(timed(c, env2)[0])
med = {k: statistics.median(v) for k, v in walls.items()}
line = ", ".join(f"{k} {size / 1e6 / w:.1f} MB/s" for k, w in med.items())
ratios = ", ".join(f"oerlint ×{w / med['oerlint']:.2f} {k}'s speed" for k, w in med.items() if k != "oerlint")
rows.append((f"N=10000: the same bytes, median of 3 in turn", f"{line}; {ratios or 'typos and rg not installed'}", "faster than typos"))

# The real corpus (../shared/corpus, when it is there): MB/s and findings.
real = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "corpus")
if os.path.isdir(real):
    rsize = sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(real) for f in fs
                if f.endswith((".md", ".mdx", ".markdown")))
    rw = [timed([oerlint, "check", real, "--format", "json"], env2) for _ in range(5)]
    wall = statistics.median(w for w, _ in rw)
    found = len(json.loads(rw[0][1])["diagnostics"])
    rows.append(("the real corpus (../shared/corpus), median of 5", f"{rsize / 1e6:.2f} MB in {wall:.2f} s: {rsize / 1e6 / wall:.1f} MB/s; {found} findings", "reported"))

# pofilter on the same aligned segment pairs (N=1,000).
path, size = corpus(1000)
po_dir = os.path.join(work, "po-1000")
shutil.rmtree(po_dir, ignore_errors=True)
subprocess.run([oerlint, "align", path, "--format", "po", "-o", po_dir], check=True)
po_bytes = sum(os.path.getsize(os.path.join(po_dir, f)) for f in os.listdir(po_dir))
out_dir = os.path.join(work, "pofilter-out")
shutil.rmtree(out_dir, ignore_errors=True)
t = time.perf_counter()
subprocess.run([pofilter, "--progress=none", "-t", "numbers", "-t", "emails", "-t", "urls", po_dir, out_dir],
               check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
pf_wall = time.perf_counter() - t
# Recall of pofilter: an injected error counts when the translation's PO file of that issue
# has a failing unit.
inj = [json.loads(l) for l in open(os.path.join(path, "injected.jsonl"))]
flagged = set()
for f in os.listdir(out_dir) if os.path.exists(out_dir) else []:
    text = open(os.path.join(out_dir, f), encoding="utf-8").read()
    if "msgid" in text.replace('msgid ""', "", 1):
        flagged.add(f)
def po_name(issue, lang):
    name = "".join(c if c.isalnum() or c in "-." else "_" for c in issue)
    return f"{name}.{lang}.po"
pf_hit = sum(1 for i in inj if po_name(i["issue"], i["lang"]) in flagged)
ol_wall, out = timed([oerlint, "check", path, "--format", "json"], env2)
hit, total, _ = recall_oerlint(path, out)
rows.append(("N=1000: pofilter (numbers, emails, urls) on the aligned pairs", f"{pf_wall:.2f} s for {po_bytes / 1e6:.1f} MB of PO; recall {pf_hit}/{total} = {pf_hit / total:.1%}", ""))
rows.append(("N=1000: oerlint, align + all rules, same issues", f"{ol_wall:.2f} s; recall {hit}/{total} = {hit / total:.1%}; ×{pf_wall / ol_wall:.0f} pofilter's throughput", "≥ ×30 (#16), recall ≥ pofilter's"))

print("| measure | result | target |")
print("|---|---|---|")
for r in rows:
    print(f"| {r[0]} | {r[1]} | {r[2]} |")
