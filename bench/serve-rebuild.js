#!/usr/bin/env node
/*
 * Incremental rebuild time of `kbgen serve`: starts the preview server, opens its live-reload
 * stream (/__kbgen/events) like a browser tab, then edits one file at a time and measures from the
 * write to the first `reload` event (this includes the watcher and its 50 ms quiet period), and reads
 * the server's own lines: "updated PAGE in N ms" (a body edit's quick update of its page, which the
 * first reload follows) and "rebuilt in N ms" (the full build after it). Every edited file gets its original bytes back at the end.
 *
 *   node bench/serve-rebuild.js JAR CONTENT_DIR TEMPLATES_DIR ARTICLE.md TEMPLATE.peb [EDITS]
 *
 * EDITS (default 6) edits of the article, then of the template; the first of each is reported
 * alone (cold JIT), the median of the others after it. The server runs through bin/kbgen, the
 * launcher, with the JVM settings it gives `serve` (KBGEN_JAR names the jar).
 */
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');
const { spawn } = require('child_process');

const [jar, content, templates, article, template, editsArg] = process.argv.slice(2);
if (!template) {
  console.error('usage: node bench/serve-rebuild.js JAR CONTENT_DIR TEMPLATES_DIR ARTICLE.md TEMPLATE.peb [EDITS]');
  process.exit(2);
}
const edits = Number(editsArg || 6);
const originals = new Map([[article, fs.readFileSync(article)], [template, fs.readFileSync(template)]]);
const restore = () => originals.forEach((data, file) => fs.writeFileSync(file, data));

const launcher = path.join(__dirname, '..', 'bin', 'kbgen');
const serve = spawn(launcher, ['serve', '--content', content, '--templates', templates, '--port', '0'], {
  stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...process.env, KBGEN_JAR: path.resolve(jar) },
});
let stdoutBuf = '';
const lineWaiters = [];
const pendingLines = [];
serve.stdout.setEncoding('utf8');
serve.stdout.on('data', (chunk) => {
  stdoutBuf += chunk;
  let nl;
  while ((nl = stdoutBuf.indexOf('\n')) >= 0) {
    const line = stdoutBuf.slice(0, nl);
    stdoutBuf = stdoutBuf.slice(nl + 1);
    const w = lineWaiters.findIndex((x) => x.re.test(line));
    if (w >= 0) lineWaiters.splice(w, 1)[0].resolve(line);
    else pendingLines.push(line);
  }
});
serve.stderr.on('data', () => {}); // problems (warnings about the corpus) are not measured
serve.on('exit', (code) => {
  restore();
  if (!finished) {
    console.error(`kbgen serve exited (${code}) before the measurement finished`);
    process.exit(1);
  }
});
function nextLine(re) {
  const i = pendingLines.findIndex((l) => re.test(l));
  if (i >= 0) return Promise.resolve(pendingLines.splice(i, 1)[0]);
  return new Promise((resolve) => lineWaiters.push({ re, resolve }));
}

let eventWaiter = null;
function openEvents(url) {
  return new Promise((resolve, reject) => {
    http.get(new URL('/__kbgen/events', url), (res) => {
      res.setEncoding('utf8');
      let buf = '';
      res.on('data', (chunk) => {
        buf += chunk;
        let end;
        while ((end = buf.indexOf('\n\n')) >= 0) {
          const message = buf.slice(0, end);
          buf = buf.slice(end + 2);
          if (/^event: reload$/m.test(message) && eventWaiter) {
            const w = eventWaiter;
            eventWaiter = null;
            w(process.hrtime.bigint());
          }
        }
      });
      resolve(res);
    }).on('error', reject);
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function measure(file, suffix) {
  const reload = new Promise((resolve) => { eventWaiter = resolve; });
  const rebuilt = nextLine(/^rebuilt in \d+ ms/);
  const t0 = process.hrtime.bigint();
  fs.writeFileSync(file, Buffer.concat([originals.get(file), Buffer.from(suffix)]));
  const t1 = await reload;
  const line = await rebuilt;
  // a body edit is first served by a quick update of its page ("updated PAGE in N ms"), then the
  // full build follows: the first reload event is the quick one
  const q = pendingLines.findIndex((l) => /^updated \S+ in \d+ ms/.test(l));
  const quick = q >= 0 ? Number(/ in (\d+) ms/.exec(pendingLines.splice(q, 1)[0])[1]) : null;
  return { wall: Number(t1 - t0) / 1e6, server: Number(/rebuilt in (\d+) ms/.exec(line)[1]), quick };
}

let finished = false;
async function main() {
  const t0 = Date.now();
  const first = await nextLine(/^serving /);
  const url = /serving (\S+)/.exec(first)[1];
  const built = pendingLines.find((l) => l.startsWith('built ')) || '';
  console.log(`serve: first build and start ${((Date.now() - t0) / 1000).toFixed(1)} s (${built})`);
  const events = await openEvents(url);
  await sleep(500);
  const kinds = [['article', article, (i) => `\nOne more sentence for edit ${i}.\n`],
    ['template', template, (i) => `\n{# edit ${i} #}\n`]];
  const summary = [];
  for (const [kind, file, suffix] of kinds) {
    const runs = [];
    for (let i = 1; i <= edits; i++) {
      const r = await measure(file, suffix(i));
      runs.push(r);
      console.log(`${kind} edit ${i}: reload event after ${r.wall.toFixed(0)} ms (server:${r.quick === null ? '' : ` page updated in ${r.quick} ms,`} rebuilt in ${r.server} ms)`);
      await sleep(300);
    }
    await measure(file, ''); // restores the original bytes, which rebuilds once more
    await sleep(1000); // the full build's reload after a quick update must not count for the next
    const rest = runs.slice(1);
    summary.push(`${kind}: first ${runs[0].wall.toFixed(0)} ms (server ${runs[0].server} ms), median of next ${rest.length} ${median(rest.map((r) => r.wall)).toFixed(0)} ms (server ${median(rest.map((r) => r.server)).toFixed(0)} ms)`);
  }
  summary.forEach((l) => console.log('SERVE ' + l));
  finished = true;
  events.destroy();
  serve.kill('SIGTERM');
}

main().catch((e) => {
  console.error(e);
  restore();
  serve.kill('SIGTERM');
  process.exit(1);
});
