#!/usr/bin/env node
/*
 * Bytes a cold query downloads from a built kbgen site: runtime + manifest + shards + document
 * tables (+ facets when filtering), gzipped (level 9), for each query of a list, each query in a
 * fresh runtime with nothing cached. Replays the runtime's own file requests.
 *
 *   node bench/cold-query.js SITE_DIR LANG QUERIES.txt
 *
 * Prints one line per query and the median and maximum.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { loadRuntime } = require('../src/test/js/parity.js');

function gz(file) {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

async function main([siteDir, lang, queriesFile]) {
  const site = path.resolve(siteDir);
  const runtimeFile = fs.readdirSync(path.join(site, 'search')).find((f) => f.startsWith('kbgen-search.'));
  const runtimeBytes = gz(path.join(site, 'search', runtimeFile));
  const queries = fs.readFileSync(queriesFile, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  const realRead = fs.readFileSync;
  const sizes = [];
  for (const q of queries) {
    const loaded = new Set();
    fs.readFileSync = function (file, ...rest) {
      const f = String(file);
      if (f.startsWith(path.join(site, 'search'))) loaded.add(f);
      return realRead.call(fs, file, ...rest);
    };
    const ctx = loadRuntime(site);
    const t0 = process.hrtime.bigint();
    const r = await ctx.kbgen.search(q, { lang, limit: 10 });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    fs.readFileSync = realRead;
    let bytes = runtimeBytes;
    for (const f of loaded) bytes += gz(f);
    sizes.push(bytes);
    console.log(`${(bytes / 1024).toFixed(1).padStart(7)} KiB  ${String(loaded.size).padStart(3)} files  ${String(r.results.length).padStart(2)} results  ${ms.toFixed(0).padStart(5)} ms  ${q}`);
  }
  sizes.sort((a, b) => a - b);
  const median = sizes.length % 2 ? sizes[(sizes.length - 1) / 2] : (sizes[sizes.length / 2 - 1] + sizes[sizes.length / 2]) / 2;
  console.log(`${lang}: ${queries.length} cold queries, median ${(median / 1024).toFixed(1)} KiB, max ${(sizes[sizes.length - 1] / 1024).toFixed(1)} KiB (gzip -9; runtime ${(runtimeBytes / 1024).toFixed(1)} KiB included)`);
}

main(process.argv.slice(2)).catch((e) => { console.error(e); process.exit(1); });
