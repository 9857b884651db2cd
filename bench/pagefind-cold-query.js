#!/usr/bin/env node
/*
 * Bytes a cold Pagefind query downloads, for comparison with bench/cold-query.js: serves SITE_DIR
 * (a site indexed by Pagefind) over local HTTP with caching disabled, and runs each query of the
 * list in headless Chromium in a fresh document: pagefind.js, its entry file, wasm, metadata, the
 * index chunks of the query's terms and the fragments of the first 10 results (result.data()).
 * Every file served under /pagefind/ is counted as it would travel gzipped: files Pagefind already
 * compressed (gzip magic) at their size, the others (pagefind.js, pagefind-entry.json, the worker)
 * gzipped at level 9.
 *
 *   node bench/pagefind-cold-query.js SITE_DIR LANG QUERIES.txt
 *
 * Prints one line per query and the median and maximum, in cold-query.js's format.
 */
'use strict';
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { spawn } = require('child_process');

const [siteArg, lang, queriesFile] = process.argv.slice(2);
if (!queriesFile) {
  console.error('usage: node bench/pagefind-cold-query.js SITE_DIR LANG QUERIES.txt');
  process.exit(2);
}
const site = path.resolve(siteArg);
const queries = fs.readFileSync(queriesFile, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
const sizeCache = new Map();
function wireBytes(file) {
  if (!sizeCache.has(file)) {
    const data = fs.readFileSync(file);
    const compressed = data.length > 2 && data[0] === 0x1f && data[1] === 0x8b;
    sizeCache.set(file, compressed ? data.length : zlib.gzipSync(data, { level: 9 }).length);
  }
  return sizeCache.get(file);
}

const page = (body) => `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>bench</title></head><body>${body}</body></html>`;
const runner = page(`<script>
const queries = ${JSON.stringify(queries)};
(async () => {
  for (let i = 0; i < queries.length; i++) {
    await fetch('/__begin?i=' + i, { cache: 'no-store' });
    const frame = document.createElement('iframe');
    const done = new Promise((resolve) => { window.onmessage = (e) => resolve(e.data); });
    frame.src = '/__one.html?i=' + i;
    document.body.appendChild(frame);
    const r = await done;
    frame.remove();
    await fetch('/__end?i=' + i + '&n=' + r.n + '&ms=' + r.ms + '&err=' + encodeURIComponent(r.err || ''), { cache: 'no-store' });
  }
  await fetch('/__done', { cache: 'no-store' });
})();
</script>`);
const one = page(`<script type="module">
const queries = ${JSON.stringify(queries)};
const i = Number(new URLSearchParams(location.search).get('i'));
try {
  const t0 = performance.now();
  const pagefind = await import('/pagefind/pagefind.js');
  await pagefind.init();
  const search = await pagefind.search(queries[i]);
  await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
  parent.postMessage({ n: search.results.length, ms: Math.round(performance.now() - t0) }, '*');
} catch (e) {
  parent.postMessage({ n: 0, ms: 0, err: String(e) }, '*');
}
</script>`);

let current = -1;
const bytes = queries.map(() => 0);
const files = queries.map(() => 0);
const lines = [];
let chromium;
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const send = (type, body) => {
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    res.end(body);
  };
  if (url.pathname === '/__bench.html') return send('text/html; charset=utf-8', runner);
  if (url.pathname === '/__one.html') return send('text/html; charset=utf-8', one);
  if (url.pathname === '/__begin') {
    current = Number(url.searchParams.get('i'));
    return send('text/plain', 'ok');
  }
  if (url.pathname === '/__end') {
    const i = Number(url.searchParams.get('i'));
    const err = url.searchParams.get('err');
    lines.push(`${(bytes[i] / 1024).toFixed(1).padStart(7)} KiB  ${String(files[i]).padStart(3)} files  ${String(url.searchParams.get('n')).padStart(4)} results  ${String(url.searchParams.get('ms')).padStart(5)} ms  ${queries[i]}${err ? '  ERROR ' + err : ''}`);
    console.log(lines[lines.length - 1]);
    current = -1;
    return send('text/plain', 'ok');
  }
  if (url.pathname === '/__done') {
    send('text/plain', 'ok');
    finish();
    return undefined;
  }
  const file = path.join(site, decodeURIComponent(url.pathname));
  if (!file.startsWith(site + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { 'Cache-Control': 'no-store' });
    return res.end();
  }
  if (current >= 0 && url.pathname.startsWith('/pagefind/')) {
    bytes[current] += wireBytes(file);
    if (process.env.PF_DEBUG) console.error(`  ${wireBytes(file)}  ${url.pathname}`);
    files[current] += 1;
  }
  const types = { '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm' };
  return send(types[path.extname(file)] || 'application/octet-stream', fs.readFileSync(file));
});

function finish() {
  if (chromium) chromium.kill();
  server.close();
  const sorted = [...bytes].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  console.log(`${lang}: ${n} cold queries, median ${(median / 1024).toFixed(1)} KiB, max ${(sorted[n - 1] / 1024).toFixed(1)} KiB (Pagefind; gzip -9 for uncompressed files; pagefind.js included)`);
  process.exit(0);
}

server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pf-chromium-'));
  chromium = spawn('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    `--user-data-dir=${profile}`, `http://127.0.0.1:${port}/__bench.html`], { stdio: 'ignore' });
  chromium.on('exit', () => { if (lines.length < queries.length) { console.error('chromium exited early'); process.exit(1); } });
  setTimeout(() => { console.error('timed out'); chromium.kill(); process.exit(1); }, 600000).unref();
});
