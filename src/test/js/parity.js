#!/usr/bin/env node
/*
 * Ranking and analysis parity with the Lucene reference, in Node.
 *
 *   node src/test/js/parity.js SITE_DIR QUERIES_JSON OUT_JSON
 *
 * Loads the browser runtime (src/main/resources/dev/kbgen/search/kbgen-search.js, or $KBGEN_RUNTIME)
 * into a vm context with a minimal window/document, and serves its script loads from the built site:
 * every index file under SITE_DIR/search is evaluated in the same context, where it calls the runtime's
 * registrar (__kb.manifest/shard/docs/facets), exactly as a <script> element would in a browser.
 *
 * QUERIES_JSON is [{"id","lang","query"}...] or {"queries": [...], "vectors": [{"id","text","mode"}...]}.
 * Each query runs as kbgen.search(query, {lang, limit: 10, typos: true, prefix: false}); each vector as
 * kbgen.analyze(text, mode). OUT_JSON gets
 *   {"results": {id: [articleId...]}, "analysis": {id: [term...]},
 *    "docs": {id: [docNumber...]}, "scores": {id: [score...]}, "corrected": {id: {...}|null},
 *    "suggested": {id: {...}|null}, "errors": {id: msg}}
 * (results/analysis are the contract; the other keys help to explain ties and misses).
 */
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const RUNTIME = process.env.KBGEN_RUNTIME ||
  path.join(__dirname, '..', '..', 'main', 'resources', 'dev', 'kbgen', 'search', 'kbgen-search.js');

/** A vm context holding the runtime; script loads are read from siteDir (URLs are relative to it). */
function loadRuntime(siteDir) {
  const document = {
    readyState: 'complete', currentScript: null,
    querySelector: () => null, getElementById: () => null, addEventListener() {}
  };
  const ctx = { console, Intl, Promise, setTimeout, clearTimeout, URLSearchParams, document };
  ctx.window = ctx;
  vm.createContext(ctx);
  vm.runInContext(fs.readFileSync(RUNTIME, 'utf8'), ctx, { filename: RUNTIME });
  const manifests = {};
  const searchDir = path.join(siteDir, 'search');
  if (fs.existsSync(searchDir)) {
    for (const lang of fs.readdirSync(searchDir).sort()) {
      const dir = path.join(searchDir, lang);
      if (!fs.statSync(dir).isDirectory()) continue;
      const m = fs.readdirSync(dir).filter((f) => /^manifest\.[^/]*\.js$/.test(f)).sort()[0];
      if (m) manifests[lang] = 'search/' + lang + '/' + m;
    }
  }
  ctx.kbgen.configure({
    root: '',
    manifests,
    inject(url, ok, fail) {
      setImmediate(() => {
        let code;
        try {
          code = fs.readFileSync(path.join(siteDir, url), 'utf8');
        } catch (e) {
          fail();
          return;
        }
        vm.runInContext(code, ctx, { filename: url });
        ok();
      });
    }
  });
  return ctx;
}

async function main(argv) {
  if (argv.length !== 3) {
    console.error('usage: node parity.js SITE_DIR QUERIES_JSON OUT_JSON');
    return 2;
  }
  const [siteDir, queriesFile, outFile] = argv;
  const input = JSON.parse(fs.readFileSync(queriesFile, 'utf8'));
  const queries = Array.isArray(input) ? input : input.queries || [];
  const vectors = Array.isArray(input) ? [] : input.vectors || [];
  const ctx = loadRuntime(siteDir);
  const out = { results: {}, analysis: {}, docs: {}, scores: {}, corrected: {}, suggested: {}, errors: {} };
  for (const q of queries) {
    try {
      const r = await ctx.kbgen.search(q.query, { lang: q.lang, limit: 10, typos: true, prefix: false });
      out.results[q.id] = r.results.map((x) => x.id);
      out.docs[q.id] = r.results.map((x) => x.doc);
      out.scores[q.id] = r.results.map((x) => x.score);
      out.corrected[q.id] = r.corrected;
      out.suggested[q.id] = r.suggested;
    } catch (e) {
      out.results[q.id] = [];
      out.errors[q.id] = String(e && e.message || e);
    }
  }
  for (const v of vectors) {
    for (const lang of Object.keys(ctx.kbgen.configure({}).manifests)) await ctx.kbgen.prepare(lang, v.text);
    out.analysis[v.id] = Array.from(ctx.kbgen.analyze(v.text, v.mode === 'query' ? 'query' : 'doc'));
  }
  fs.writeFileSync(outFile, JSON.stringify(out, null, 1) + '\n');
  const failed = Object.keys(out.errors).length;
  console.log(`parity: ${queries.length} queries (${failed} failed), ${vectors.length} vectors -> ${outFile}`);
  return failed ? 1 : 0;
}

module.exports = { loadRuntime };

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => {
    console.error(e && e.stack || e);
    process.exitCode = 1;
  });
}
