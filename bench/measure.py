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
    """Wall time and peak RSS (KiB) of one run of a command (that process's own peak, from
    wait4, not the largest of all children so far), and its standard output."""
    with tempfile.TemporaryFile() as out:
        t = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL, env=env)
        _, _, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t
        p.returncode = 0
        out.seek(0)
        return wall, usage.ru_maxrss, out.read()


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
        wall, rss, out = timed([oerlint, "check", path, "--format", "json"], env)
        res[label] = (wall, rss, out)
    w2, rss2, out2 = res["2 threads"]
    w1 = res["1 thread"][0]
    hit, total, false_issues = recall_oerlint(path, out2)
    rows.append((f"N={n}: {mb:.1f} MB, 2 threads", f"{mb / w2:.1f} MB/s, {n / w2:.0f} issues/s ({w2:.2f} s)", "≥ 25 MB/s at N=10000 (#16)"))
    rows.append((f"N={n}: 1 thread", f"{mb / w1:.1f} MB/s ({w1:.2f} s); speed-up ×{w1 / w2:.2f}", "both cores busy"))
    rows.append((f"N={n}: peak RSS", f"{rss2 / 1024:.0f} MiB", "< 64 MiB, flat in N"))
    rows.append((f"N={n}: oerlint recall / issues flagged with nothing injected", f"{hit}/{total} = {hit / total:.1%}; {false_issues}", "≥ pofilter's"))
    if n == 10000:
        # "Whatever the format": the formats that are not streamed item by item keep parts
        # until the end (SARIF) or spill them (HTML).
        peaks = [f"{fmt} {timed([oerlint, 'check', path, '--format', fmt], env2)[1] / 1024:.0f}"
                 for fmt in ("sarif", "html", "human")]
        rows.append((f"N={n}: peak RSS by format, 2 threads", f"json {rss2 / 1024:.0f}, " + ", ".join(peaks) + " MiB", "< 64 MiB each"))

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
ol_wall, _, out = timed([oerlint, "check", path, "--format", "json"], env2)
hit, total, _ = recall_oerlint(path, out)
rows.append(("N=1000: pofilter (numbers, emails, urls) on the aligned pairs", f"{pf_wall:.2f} s for {po_bytes / 1e6:.1f} MB of PO; recall {pf_hit}/{total} = {pf_hit / total:.1%}", ""))
rows.append(("N=1000: oerlint, align + all rules, same issues", f"{ol_wall:.2f} s; recall {hit}/{total} = {hit / total:.1%}; ×{pf_wall / ol_wall:.0f} pofilter's throughput", "≥ ×30 (#16), recall ≥ pofilter's"))

print("| measure | result | target |")
print("|---|---|---|")
for r in rows:
    print(f"| {r[0]} | {r[1]} | {r[2]} |")
