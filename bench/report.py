#!/usr/bin/env python3
"""report.py RESULTS_DIR

Renders the measurements bench/run.sh wrote into RESULTS_DIR as the Markdown tables of
docs/benchmarks.md (medians over the runs), on stdout.
"""
import glob
import os
import re
import statistics
import sys


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def gnu_time(path):
    """wall s, cpu s (user + sys), peak RSS bytes from /usr/bin/time -v."""
    t = read(path)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", t).group(1)
    secs = 0.0
    for part in wall.split(":"):
        secs = secs * 60 + float(part)
    user = float(re.search(r"User time \(seconds\): (\S+)", t).group(1))
    sys_ = float(re.search(r"System time \(seconds\): (\S+)", t).group(1))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) * 1024
    return secs, user + sys_, rss


def med(xs):
    return statistics.median(xs) if xs else None


def pairs(n):
    return f"{n:,} pairs"


def secs(s):
    return f"{s:.1f} s" if s >= 10 else f"{s:.2f} s"


def mem(b):
    return f"{b / 2**30:.2f} GiB" if b >= 2**30 else f"{b / 2**20:.0f} MiB"


def size(b):
    return f"{b / 2**20:.1f} MiB" if b >= 2**20 else f"{b / 2**10:.1f} KiB"


def ratio(a, b):
    return f"{a / b:.2f}" if a is not None and b else "-"


def cold(path):
    if not os.path.exists(path):
        return None
    m = re.search(r"median ([\d.]+) KiB, max ([\d.]+) KiB", read(path))
    return (float(m.group(1)), float(m.group(2))) if m else None


def main():
    out = sys.argv[1]
    sizes = sorted(int(os.path.basename(d)) for d in glob.glob(os.path.join(out, "[0-9]*")))
    lines = []
    p = lines.append
    machine = read(os.path.join(out, "machine.txt")).strip().splitlines()
    p("Machine and versions:")
    p("")
    for m in machine:
        p(f"- {m}")
    p("")

    builds = {}
    for n in sizes:
        d = os.path.join(out, str(n))
        runs = {}
        for tool in ("kbgen", "floor", "hugo", "pagefind"):
            files = sorted(glob.glob(os.path.join(d, f"{tool}-*.time")))
            runs[tool] = [gnu_time(f) for f in files]
        pages = []
        stages = {}
        for f in sorted(glob.glob(os.path.join(d, "kbgen-*.log"))):
            t = read(f)
            m = re.search(r"built (\d+) articles, (\d+) pages, (\d+) files", t)
            if m:
                pages.append(int(m.group(2)))
            for name, ms in re.findall(r"^  (\S+)\s+(\d+) ms$", t, re.M):
                stages.setdefault(name, []).append(int(ms))
        hugo_pages = [int(read(f).strip()) for f in sorted(glob.glob(os.path.join(d, "hugo-*.pages")))]
        builds[n] = (runs, pages, stages, hugo_pages)

    p(f"Build, median of {len(builds[sizes[0]][0]['kbgen'])} runs per size, run alternately, each into a new empty folder:")
    p("")
    p("| corpus | tool | wall | CPU (user + sys) | peak RSS | pages | pages/s |")
    p("|---|---|---|---|---|---|---|")
    summary = {}
    for n in sizes:
        runs, pages, _, hugo_pages = builds[n]
        row = {}
        for tool, label, count in (("kbgen", "kbgen build", med(pages)),
                                   ("floor", "its libraries alone (`bench/LibraryFloor.java`)", None),
                                   ("hugo", "Hugo (pages only, no search)", med(hugo_pages)),
                                   ("pagefind", "Pagefind (indexing Hugo's output)", None)):
            r = runs[tool]
            if not r:
                continue
            wall, cpu, rss = med([x[0] for x in r]), med([x[1] for x in r]), med([x[2] for x in r])
            row[tool] = (wall, cpu, rss)
            rate = f"{count / wall:,.0f}" if count else "-"
            p(f"| {pairs(n)} | {label} | {secs(wall)} | {secs(cpu)} | {mem(rss)} | {f'{count:,.0f}' if count else '-'} | {rate} |")
        if "hugo" in row and "pagefind" in row:
            both = [(h[0] + f[0], h[1] + f[1], max(h[2], f[2])) for h, f in zip(runs["hugo"], runs["pagefind"])]
            row["both"] = (med([x[0] for x in both]), med([x[1] for x in both]), med([x[2] for x in both]))
            w, c, s = row["both"]
            p(f"| {pairs(n)} | Hugo + Pagefind | {secs(w)} | {secs(c)} | {mem(s)} | - | - |")
        summary[n] = row
    p("")
    if any("hugo" in summary[n] for n in sizes):
        p("Ratios (medians; below 1 means kbgen is faster or smaller):")
        p("")
        p("| corpus | kbgen / Hugo: wall | CPU | peak RSS | kbgen / (Hugo + Pagefind): wall | CPU | peak RSS |")
        p("|---|---|---|---|---|---|---|")
        for n in sizes:
            row = summary[n]
            if "hugo" not in row:
                continue
            k, h, b = row["kbgen"], row["hugo"], row.get("both")
            p(f"| {pairs(n)} | {ratio(k[0], h[0])} | {ratio(k[1], h[1])} | {ratio(k[2], h[2])} | "
              f"{ratio(k[0], b[0]) if b else '-'} | {ratio(k[1], b[1]) if b else '-'} | {ratio(k[2], b[2]) if b else '-'} |")
        p("")
        floors = [f"{pairs(n)} {ratio(summary[n]['floor'][0], summary[n]['hugo'][0])}"
                  for n in sizes if "floor" in summary[n] and "hugo" in summary[n]]
        if floors:
            p("kbgen's libraries alone (files read, front matter loaded with SnakeYAML, bodies parsed and")
            p("rendered with flexmark and tokenized with Lucene, on the same JVM, without anything of kbgen's")
            p("own) against Hugo's whole build, wall: " + ", ".join(floors) + ".")
            p("")

    p("kbgen build stages (`build --timings`, median ms):")
    p("")
    p("| stage | " + " | ".join(pairs(n) for n in sizes) + " |")
    p("|---|" + "---|" * len(sizes))
    names = list(builds[sizes[0]][2].keys())
    for name in names:
        p(f"| {name} | " + " | ".join(f"{med(builds[n][2].get(name, [])):,.0f}" if builds[n][2].get(name) else "-" for n in sizes) + " |")
    p("")

    p("Search payload (the last build of each size; gzip -9 file by file; cold queries: the 20 English")
    p("and 20 Chinese queries of `bench/queries-*.txt`, runtime included):")
    p("")
    p("| corpus | language | index files | raw | gzipped | gzipped per article | cold query median | max | Pagefind cold query median | max |")
    p("|---|---|---|---|---|---|---|---|---|---|")
    for n in sizes:
        d = os.path.join(out, str(n))
        for line in read(os.path.join(d, "index.tsv")).strip().splitlines():
            lang, files, raw, gz, count = line.split("\t")
            c = cold(os.path.join(d, f"cold-{lang}.txt"))
            pf = cold(os.path.join(d, f"pagefind-cold-{lang}.txt"))
            p(f"| {pairs(n)} | {lang} | {int(files):,} | {size(int(raw))} | {size(int(gz))} | "
              f"{int(gz) / int(count) / 1024:.2f} KiB | {f'{c[0]:.1f} KiB' if c else '-'} | {f'{c[1]:.1f} KiB' if c else '-'} | "
              f"{f'{pf[0]:.1f} KiB' if pf else '-'} | {f'{pf[1]:.1f} KiB' if pf else '-'} |")
    p("")
    for n in sizes:
        f = os.path.join(out, str(n), "pagefind-index.tsv")
        if os.path.exists(f):
            _, files, total = read(f).strip().split("\t")
            p(f"- Pagefind's index at {pairs(n)}: {int(files):,} files, {size(int(total))} (both languages, as written: already compressed).")
    p("")

    for n in sizes:
        d = os.path.join(out, str(n))
        lat = {lang: read(os.path.join(d, f"latency-{lang}.txt")) for lang in ("en", "zh")
               if os.path.exists(os.path.join(d, f"latency-{lang}.txt"))}
        if lat:
            p(f"Query latency in headless Chromium at {pairs(n)} (`bench/browser-latency.sh`, each query once to load its files, then 5 times):")
            p("")
            p("| language | median | p95 | max |")
            p("|---|---|---|---|")
            for lang, t in lat.items():
                m = re.search(r"median=([\d.]+) p95=([\d.]+) max=([\d.]+)", t)
                p(f"| {lang} | {m.group(1)} ms | {m.group(2)} ms | {m.group(3)} ms |" if m else f"| {lang} | failed | | |")
            p("")
        sf = os.path.join(d, "serve.txt")
        if os.path.exists(sf):
            t = read(sf)
            first = re.search(r"^serve: first build and start ([\d.]+) s", t, re.M)
            p(f"Incremental rebuild in `kbgen serve` at {pairs(n)} (from the file write to the live-reload event; the server's own \"rebuilt in\" in brackets):")
            p("")
            p("| edit | first | median of the next |")
            p("|---|---|---|")
            for kind, label in (("article", "one article (English)"), ("template", "one template (`article.peb`)")):
                m = re.search(rf"^SERVE {kind}: first (\d+) ms \(server (\d+) ms\), median of next (\d+) (\d+) ms \(server (\d+) ms\)", t, re.M)
                if m:
                    p(f"| {label} | {int(m.group(1)):,} ms ({int(m.group(2)):,} ms) | {int(m.group(4)):,} ms ({int(m.group(5)):,} ms), {m.group(3)} edits |")
            if first:
                p("")
                p(f"- First build and start of `serve`: {first.group(1)} s.")
            p("")

    if len(sizes) >= 2:
        a, b = sizes[0], sizes[-1]
        parts = []
        for tool, label in (("kbgen", "kbgen"), ("hugo", "Hugo"), ("pagefind", "Pagefind")):
            if tool in summary[a] and tool in summary[b]:
                x, y = summary[a][tool], summary[b][tool]
                parts.append(f"{label} {y[0] / x[0]:.1f}x wall, {y[1] / x[1]:.1f}x CPU, {y[2] / x[2]:.1f}x peak RSS")
        p(f"From {a:,} to {b:,} pairs ({b / a:.0f}x the articles): " + "; ".join(parts) + ".")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
