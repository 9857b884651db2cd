#!/usr/bin/env bash
# Query latency of the search runtime in headless Chromium, once a query's files are loaded.
#   bench/browser-latency.sh SITE_DIR LANG QUERIES.txt [REPEAT]
# Writes a temporary page into SITE_DIR, loads it from file://, prints median and p95 in ms.
set -euo pipefail
site=$(cd "$1" && pwd); lang=$2; queries=$3; repeat=${4:-5}
runtime=$(cd "$site" && ls search/kbgen-search.*.js)
manifests=$(cd "$site/search" && for d in */; do d=${d%/}; m=$(ls "$d"/manifest.*.js | head -1); printf '"%s":"search/%s",' "$d" "$m"; done)
manifests="{${manifests%,}}"
page="$site/__latency.html"
trap 'rm -f "$page" "$site/__latency.js"' EXIT
python3 - "$queries" > "$site/__latency.js" <<'PY'
import json,sys
qs=[l.strip() for l in open(sys.argv[1],encoding='utf-8') if l.strip()]
print("window.__queries=%s;" % json.dumps(qs, ensure_ascii=False))
PY
cat >> "$site/__latency.js" <<JS
(async function () {
  const lang = "$lang", repeat = $repeat, out = document.getElementById("out");
  while (!window.kbgen || !window.kbgen.search) await new Promise(r => setTimeout(r, 10));
  const times = [];
  for (const q of window.__queries) {
    await window.kbgen.search(q, {lang, limit: 10});          // cold: loads the query's files
    for (let i = 0; i < repeat; i++) {
      const t0 = performance.now();
      await window.kbgen.search(q, {lang, limit: 10});
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  const pick = p => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  const line = "runs=" + times.length + " median=" + pick(0.5).toFixed(2) + " p95=" + pick(0.95).toFixed(2) + " max=" + times[times.length - 1].toFixed(2);
  out.textContent = line;
  console.log("KBGEN-LATENCY " + line);
})().catch(e => { console.log("KBGEN-LATENCY error " + e); });
JS
cat > "$page" <<HTML
<!DOCTYPE html><html><head><meta charset="utf-8"><title>latency</title></head><body><pre id="out">running</pre>
<script src="$runtime" data-root="" data-lang="$lang" data-manifests='$manifests'></script>
<script src="__latency.js"></script></body></html>
HTML
# Real time (no virtual time budget): the page logs its result to the console, read from stderr.
log=$(mktemp)
timeout 300 chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$(mktemp -d)" \
  --enable-logging=stderr --v=0 "file://$page" 2> "$log" &
pid=$!
for _ in $(seq 1 300); do
  grep -q "KBGEN-LATENCY" "$log" && break
  sleep 1
done
kill "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
grep -o "KBGEN-LATENCY [^\"]*" "$log" | head -1 | sed "s/KBGEN-LATENCY /$lang: /"
rm -f "$log"
