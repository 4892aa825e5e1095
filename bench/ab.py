"""A/B timing on a busy machine: runs commands in turn, RUNS times each, and prints the
median wall time and the median CPU time (user + system, from getrusage) of each, with
MB/s over the Markdown bytes of DIR. CPU time is what to compare when other work shares
the cores. Usage:

    python3 bench/ab.py DIR RUNS OLD_OERLINT NEW_OERLINT [--typos] [--rg]

`oerlint check DIR --format json` for both binaries; `--typos` adds `typos DIR`, `--rg`
adds `rg -c '[0-9]{4}|January|février|يناير' DIR` (the same bytes read by other tools)."""
import os, resource, statistics, subprocess, sys, time

d, runs, old, new = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
cmds = {"old": [old, "check", d, "--format", "json"], "new": [new, "check", d, "--format", "json"]}
if "--typos" in sys.argv:
    cmds["typos"] = ["typos", d]
if "--rg" in sys.argv:
    cmds["rg"] = ["rg", "-c", "[0-9]{4}|January|février|يناير", d]
size = sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(d) for f in fs if f.endswith(".md"))
res = {k: ([], []) for k in cmds}
for _ in range(runs):
    for k, c in cmds.items():
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        res[k][0].append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        res[k][1].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
mb = size / 1e6
print(f"{d}: {mb:.2f} MB, {runs} runs each, in turn; load average {os.getloadavg()[0]:.1f}")
for k, (wall, cpu) in res.items():
    w, c = statistics.median(wall), statistics.median(cpu)
    print(f"{k}: wall {w * 1000:.1f} ms ({mb / w:.1f} MB/s), CPU {c * 1000:.1f} ms ({mb / c:.1f} MB/s per CPU-second)")
