'use strict';
/*
 * Tests of the browser search runtime (src/main/resources/dev/kbgen/search/kbgen-search.js), loaded
 * into a vm context with a minimal window/document. Run: node --test src/test/js/
 *
 * The Porter pairs below were produced by Lucene 9.12.3's PorterStemFilter (the Java side's stemmer);
 * the analysis vectors follow docs/search-format.md §1.
 */
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const vm = require('vm');
const { spawnSync } = require('child_process');

const RUNTIME = path.join(__dirname, '..', '..', 'main', 'resources', 'dev', 'kbgen', 'search', 'kbgen-search.js');
const PARITY = path.join(__dirname, 'parity.js');

/** A fresh runtime; loads (script injection) are served from dir when given. */
function runtime(dir, manifests) {
  const document = {
    readyState: 'complete', currentScript: null,
    querySelector: () => null, getElementById: () => null, addEventListener() {}
  };
  const ctx = { Intl, Promise, setTimeout, clearTimeout, URLSearchParams, document, loaded: [] };
  ctx.window = ctx;
  vm.createContext(ctx);
  vm.runInContext(fs.readFileSync(RUNTIME, 'utf8'), ctx, { filename: RUNTIME });
  if (dir) {
    ctx.kbgen.configure({
      root: '', manifests,
      inject(url, ok, fail) {
        ctx.loaded.push(url);
        setImmediate(() => {
          let code;
          try { code = fs.readFileSync(path.join(dir, url), 'utf8'); } catch (e) { fail(); return; }
          vm.runInContext(code, ctx);
          ok();
        });
      }
    });
  }
  return ctx;
}

const kb = runtime().kbgen;
const plain = (x) => JSON.parse(JSON.stringify(x)); // arrays from the vm realm -> this realm

/* word -> Lucene PorterStemFilter output */
const PORTER = `
  caresses caress ponies poni ties ti caress caress cats cat feed feed agreed agre disabled disabl
  matting mat mating mate meeting meet milling mill messing mess meetings meet gateway gatewai key kei
  deploy deploi agree agre generalizations gener generalization gener oscillators oscil happy happi sky sky
  relational relat conditional condit rational ration valenci valenc hesitanci hesit digitizer digit
  conformabli conform radicalli radic differentli differ vileli vile analogousli analog
  vietnamization vietnam predication predic operator oper feudalism feudal decisiveness decis
  hopefulness hope callousness callous formaliti formal sensitiviti sensit sensibiliti sensibl
  triplicate triplic formative form formalize formal electriciti electr electrical electr hopeful hope
  goodness good revival reviv allowance allow inference infer airliner airlin gyroscopic gyroscop
  adjustable adjust defensible defens irritant irrit replacement replac adjustment adjust dependent depend
  adoption adopt homologou homolog communism commun activate activ angulariti angular homologous homolog
  effective effect bowdlerize bowdler probate probat rate rate cease ceas controll control roll roll yes ye
  says sai syzygy syzygi by by toy toi toys toi enjoying enjoi played plai player player plays plai
  buyers buyer aed a eed eed oed o ion ion ions ion sion sion filing file failing fail fizzing fizz
  hissing hiss falling fall sized size bled bled plastered plaster motoring motor sing sing conflated conflat
  troubled troubl hoping hope hopping hop tanned tan fizzed fizz syncing sync synchronization synchron
  redirects redirect sign sign signing sign login login logged log expired expir cookies cooki memory memori
  downloads download certificate certif certificates certif proxy proxi denied deni access access
  subscription subscript invoices invoic declined declin throttled throttl webhooks webhook delivery deliveri
  retries retri applies appli countries countri easily easili daily daili dying dy lying ly tying ty
  studies studi studying studi replies repli employee employe employees employe journey journei
  valleys vallei obey obei obeyed obei buy bui buying bui stay stai stayed stai staying stai yearly yearli
  keys kei deployed deploi deploying deploi deployment deploy gateways gatewai dry dry universal univers
  limitations limit vmsubnetlist vmsubnetlist omelxfulness omelx vduedofment vduedof yicfa yicfa tiant tiant
  ltoarkiti ltoarkiti lightbox lightbox mying my vasilp vasilp oys oi disallowed disallow
  dfsrbacklog dfsrbacklog uaikleys uaiklei namespace namespac matter matter pscript pscript posing pose
  transferleader transferlead dialects dialect bpf bpf ldiagio ldiagio
  generatedfrompackageid generatedfrompackageid consoles consol bmoement bmoement oaced oac ueeetion ueeetion
  workers worker runstmt runstmt pwfutqtion pwfutqtion aofant aofant pator pator isnillable isnil
  linger linger rctxxxx rctxxxx spatialindex spatialindex powfmaant powfmaant rabuhokeli rabuhok cul cul
  process process adjustment adjust uomeasoat uomeasoat nonoverlapping nonoverlap automated autom
  august august alpha alpha discardable discard weizkuntional weizkunt eoaive eoaiv people peopl ajax ajax
  tfsuant tfsuant lqezenci lqezenc hasquxive hasqux kyouells kyouell paicate paicat utilities util
  dlulxeal dlulxeal networklist networklist embedded embed qical qical freshness fresh mshtmled mshtmled
  abb abb refund refund bhiciti bhiciti loaderexceptions loaderexcept rduucuuion rduucuuion ffaf ffaf
  iyiuijk iyiuijk ofuwjpiviti ofuwjp yobmruyalize yobmruy userprofilepolicyid userprofilepolicyid
  beoyeience beoyeienc seclib seclib euia euia gooikbl gooikbl succession success eiypational eiypat
  nated nate foldername foldernam aiyolih aiyolih ayoence ayoenc ooahruyed ooahrui systemlocale systemlocal
  cascaded cascad iuiiient iuiiient carry carri uvd uvd form form involvedobject involvedobject awenci awenc
  zsmrousness zsmrous adshlp adshlp uwaoance uwaoanc rmdir rmdir aaaou aaaou eamat eamat dxpywauyed dxpywaui
  yizer yizer xwaoyyyant xwaoyyy aruynwative aruynw magazines magazin infomsg infomsg
  securesecondaries securesecondari istransferredindetail istransferredindetail jplesuk jplesuk
  azurermaccount azurermaccount ooyousness ooyous prvreadmailbox prvreadmailbox doesnotexist doesnotexist
  thank thank resolution resolut eyzwanci eyzwanc hostconnectionparameters hostconnectionparamet
  bioapxwment bioapxwment gimxioant gimxioant himeed hime adlockoptimistic adlockoptimist jalize jaliz
  café café naïve naïv résumés résumé übers über façades façad αβγs αβγ
`.trim().split(/\s+/);

test('Porter stemmer matches Lucene PorterStemmer', () => {
  assert.ok(PORTER.length > 500);
  for (let i = 0; i < PORTER.length; i += 2) {
    assert.equal(kb.stem(PORTER[i]), PORTER[i + 1], PORTER[i]);
  }
  // words of 1-2 chars are never stemmed; y handling differs from other Porter ports
  for (const [w, s] of [['as', 'as'], ['ys', 'ys'], ['yy', 'yy'], ['yyy', 'yyi'], ['says', 'sai'], ['syzygy', 'syzygi'],
    ['deploying', 'deploi'], ['keys', 'kei'], ['gateways', 'gatewai'], ['ion', 'ion'], ['aed', 'a']]) {
    assert.equal(kb.stem(w), s, w);
  }
});

const VECTORS = [
  ['0x80070005', 'doc', ['0x80070005', '#0x80070005', '#80070005', '0x80070005']],
  ['0x80070005', 'query', ['0x80070005', '#0x80070005', '#80070005', '!0x80070005']],
  ['ERR_TOO_MANY_REDIRECTS', 'doc', ['err_too_many_redirect', '#err_too_many_redirects', 'err', 'too', 'mani', 'redirect']],
  ['ERR_TOO_MANY_REDIRECTS', 'query',
    ['err_too_many_redirect', '#err_too_many_redirects', 'err', 'too', 'mani', 'redirect', '!err_too_many_redirects']],
  ['java.lang.OutOfMemoryError', 'doc',
    ['java.lang.outofmemoryerror', '#java.lang.outofmemoryerror', 'java', 'lang', 'outofmemoryerror', 'out', 'memori', 'error']],
  ['java.lang.OutOfMemoryError', 'query',
    ['java.lang.outofmemoryerror', '#java.lang.outofmemoryerror', 'java', 'lang', 'outofmemoryerror', 'out', 'memori', 'error',
      '!java.lang.outofmemoryerror']],
  ['HTTP 502', 'doc', ['http', '502', '#502', '502']],
  ['HTTP 502', 'query', ['http', '502', '#502', '!http 502', '!502', '#http502']],
  // a code with separators and a digit is also indexed without them; a query's words typed with
  // spaces before a number of 3+ digits (not a year) are also read joined, up to three of them
  ['ORB-SYNC-1042', 'doc', ['orb', 'sync', '1042', '#orb-sync-1042', '#orbsync1042', 'orb', 'sync', '1042']],
  ['ORB-SYNC-1042', 'query', ['orb', 'sync', '1042', '#orb-sync-1042', '#orbsync1042', '!orb-sync-1042']],
  ['3-D Secure', 'doc', ['3', 'd', 'secur', '#3-d', '#3d']],
  ['see ORB SYNC 1301, Windows Server 2019', 'query', ['see', 'orb', 'sync', '1301', 'window', 'server', '2019', '#1301',
    '#2019', '!see orb sync 1301, windows server 2019', '!1301', '!2019', '#sync1301', '#orbsync1301', '#seeorbsync1301']],
  ['同步 ORB-SYNC 1301', 'query', ['同步', '~同步', 'orb', 'sync', '1301', '#1301', '!同步 orb-sync 1301', '!1301', '#orbsync1301']],
  // NFKC: full-width input from Chinese input methods
  ['０ｘ８００７０００５', 'doc', ['0x80070005', '#0x80070005', '#80070005', '0x80070005']],
  ['０ｘ８００７０００５', 'query', ['0x80070005', '#0x80070005', '#80070005', '!0x80070005']],
  // Han / non-Han boundary: the code is not glued to the Han run (ICUTokenizer would cut 码0 | x80070005)
  ['错误码0x80070005', 'doc', ['错误', '误码', '~错误', '0x80070005', '#0x80070005', '#80070005', '0x80070005']],
  ['错误码0x80070005', 'query',
    ['错误', '误码', '~错误', '0x80070005', '#0x80070005', '#80070005', '!错误码0x80070005', '!0x80070005']],
  ['同步失败', 'doc', ['同步', '步失', '失败', '~同步', '~失败']],
  ['登', 'doc', ['登']],
  ['登录 同步', 'query', ['登录', '~登录', '同步', '~同步', '!登录 同步']],
  // camelCase parts; HTTPServer alone is not an identifier (no lowercase+uppercase pair)
  ['HTTPServer getHTTPResponseCode', 'doc',
    ['httpserver', 'gethttpresponsecod', '#gethttpresponsecode', 'gethttpresponsecod', 'get', 'http', 'respons', 'code']],
  // possessives, stop words, apostrophes
  ['The user’s files aren\'t syncing', 'doc', ['user', 'file', 'aren\'t', 'sync']],
  // contractions typed without the apostrophe, or with U+2019, read as contractions
  ['Files wont sync, CANT log in; it won’t, Doesnt', 'doc', ['file', 'won\'t', 'sync', 'can\'t', 'log', 'won\'t', 'doesn\'t']],
  ['cannot went', 'doc', ['cannot', 'went']],
  ['Wi-Fi sync e1001 12 123', 'query', ['wi', 'fi', 'sync', 'e1001', '12', '123', '#e1001', '1001', '#123', '!wi-fi sync e1001 12 123', '!e1001', '!123',
    '#synce1001', '#wifisynce1001', '#12123', '#e100112123', '#synce100112123']],
  // letters and digits run together read as their parts too ("HTTP502" as "HTTP 502"); a one-letter
  // part is no term; a hexadecimal number keeps its digits and letters together
  ['HTTP502', 'doc', ['http502', '#http502', 'http502', 'http', '502']],
  ['HTTP502 win10', 'query', ['http502', 'win10', '#http502', 'http', '502', '#win10', 'win', '10', '!http502 win10', '!http502', '!win10']],
  ['ERR404-Page v2', 'doc', ['err404', 'page', 'v2', '#err404-page', '#err404page', 'err404', 'err', '404', 'page', '#v2', 'v2']],
  ['0x8007000E', 'doc', ['0x8007000e', '#0x8007000e', '#8007000e', '0x8007000e']],
  ['C:\\Users\\x  ', 'query', ['c', 'user', 'x', '!c:\\users\\x']],
  // Chinese fillers make no terms and cut the bigrams where the segmentation has them as words
  // ("为什么" "同步" "一直" "失败"; "怎么" "办"), not inside other words ("统一" "下" "发")
  ['为什么同步一直失败', 'query', ['同步', '失败', '~同步', '~失败', '!为什么同步一直失败']],
  ['怎么办', 'doc', []],
  ['统一下发', 'doc', ['统一', '一下', '下发', '~统一']],
  ['', 'query', []],
  ['   ', 'doc', []]
];

test('analysis vectors (identifiers, bigrams, NFKC, Han boundary, curated terms)', () => {
  for (const [text, mode, want] of VECTORS) {
    assert.deepEqual(plain(kb.analyze(text, mode)), want, `${mode}: ${text}`);
  }
});

test('identifier rules', () => {
  const ids = (t) => plain(kb.analyze(t, 'doc')).filter((x) => x[0] === '#');
  assert.deepEqual(ids('0x80070005'), ['#0x80070005', '#80070005']);
  assert.deepEqual(ids('ERR_TOO_MANY_REDIRECTS'), ['#err_too_many_redirects']);
  assert.deepEqual(ids('java.lang.OutOfMemoryError'), ['#java.lang.outofmemoryerror']);
  assert.deepEqual(ids('HTTP 502'), ['#502']);
  assert.deepEqual(ids('ORB-SYNC-1042'), ['#orb-sync-1042', '#orbsync1042']);
  assert.deepEqual(ids('Wi-Fi sync 12 HTTP e-mail'), []); // no digit, no _, no camelCase; "12" is too short
  assert.deepEqual(ids('OutOfMemory iPhone e1001 v1.2.3 a_b'), ['#outofmemory', '#iphone', '#e1001', '#v1.2.3', '#v123', '#a_b']);
  assert.deepEqual(ids('0XABC1 0xZZ'), ['#0xabc1', '#abc1', '#0xzz']);
});

test('bigrams count code points (supplementary Han is one char)', () => {
  assert.deepEqual(plain(kb.analyze('𠀀', 'doc')), ['𠀀']);
  const t = plain(kb.analyze('𠀀文件', 'doc'));
  assert.deepEqual(t.slice(0, 2), ['𠀀文', '文件']);
});

test('stop words and the English stop set', () => {
  const stop = 'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with';
  assert.deepEqual(plain(kb.analyze(stop, 'doc')), []);
  // and the words that ask, or say whose or how much, not what is asked about
  const fillers = 'how what why which who when where i me my we our you your its them those always already some any only ' +
    'just also can could do does did should would because so';
  assert.deepEqual(plain(kb.analyze(fillers, 'doc')), []);
  assert.deepEqual(plain(kb.analyze('How do I sync only some of my folders?', 'doc')), ['sync', 'folder']);
  assert.deepEqual(plain(kb.analyze('US sales tax, can\'t sign in', 'doc')), ['us', 'sale', 'tax', 'can\'t', 'sign']);
  assert.deepEqual(plain(kb.analyze('The Cloud', 'doc')), ['cloud']);
});

function randomString(rand) {
  const pools = [[0x20, 0x7e], [0x20, 0x7e], [0xa0, 0x24f], [0x300, 0x36f], [0x370, 0x4ff], [0x2000, 0x206f], [0x3000, 0x30ff],
    [0x4e00, 0x9fff], [0xac00, 0xd7a3], [0xd800, 0xdfff], [0xff00, 0xffef], [0x1f300, 0x1faff], [0x20000, 0x2a6df], [0x0e00, 0x0e7f]];
  let s = '';
  const n = Math.floor(rand() * 40);
  for (let i = 0; i < n; i++) {
    const [a, b] = pools[Math.floor(rand() * pools.length)];
    s += String.fromCodePoint(a + Math.floor(rand() * (b - a + 1)));
  }
  return s;
}

function mulberry32(seed) {
  return function () {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('randomised input never throws (2000 runs)', () => {
  const rand = mulberry32(20261121);
  for (let i = 0; i < 2000; i++) {
    const s = randomString(rand);
    for (const mode of ['doc', 'query']) {
      const t = kb.analyze(s, mode);
      assert.ok(Array.isArray(plain(t)), s);
      for (const term of t) assert.equal(typeof term, 'string');
    }
    kb.stem(s.toLowerCase());
  }
});

/* ---------- a tiny static index written by hand, following docs/search-format.md §3 ---------- */

function varint(n, out) {
  while (n >= 128) { out.push((n & 127) | 128); n = Math.floor(n / 128); }
  out.push(n);
}

function shardBytes(entries) { // [[term, [[doc, impact]...]]...], sorted
  const out = [];
  varint(entries.length, out);
  let prev = '';
  for (const [term, posts] of entries) {
    let p = 0;
    while (p < prev.length && p < term.length && prev[p] === term[p]) p++;
    if (p > 0 && /[\ud800-\udbff]/.test(term[p - 1])) p--; // never split a surrogate pair
    const suffix = Buffer.from(term.slice(p), 'utf8');
    varint(p, out); varint(suffix.length, out); out.push(...suffix);
    varint(posts.length, out);
    let last = 0;
    for (const [doc, imp] of posts) { varint(doc - last, out); out.push(imp); last = doc; }
    prev = term;
  }
  return Buffer.from(out).toString('base64');
}

/* shared UTF-16 units at the start, never half a surrogate pair */
function shared(a, b, max = Infinity) {
  let p = 0;
  while (p < max && p < a.length && p < b.length && a[p] === b[p]) p++;
  if (p > 0 && /[\ud800-\udbff]/.test(b[p - 1])) p--;
  return p;
}

/* docs: [{id, title, product, type, tags, terms: {term: impact}}]; writes SITE/search/<lang>/... (search-format §3):
   numbered sets t<i>/d<i>/v<i> with one hash per set, shard bounds front-coded in the manifest */
function writeIndex(site, lang, docs, perShard, chunk, forms = {}) {
  const dir = path.join(site, 'search', lang);
  fs.mkdirSync(dir, { recursive: true });
  const post = new Map();
  docs.forEach((d, n) => {
    for (const [t, imp] of Object.entries(d.terms)) {
      if (!post.has(t)) post.set(t, []);
      post.get(t).push([n, imp]);
    }
  });
  const terms = [...post.keys()].sort();
  const bounds = [];
  for (let i = 0; i < terms.length; i += perShard) {
    const part = terms.slice(i, i + perShard), n = bounds.length;
    // the shortest prefix of the first term that sorts after the previous shard's last term
    const prev = i ? terms[i - 1] : '';
    let k = 1;
    while (k < part[0].length && part[0].slice(0, k) <= prev) k++;
    bounds.push(part[0].slice(0, k));
    fs.writeFileSync(path.join(dir, `t${n}.0000000a.js`), `__kb.shard(${JSON.stringify(lang)},${n},"${shardBytes(part.map((t) => [t, post.get(t)]))}");\n`);
  }
  let prevBound = '';
  const front = bounds.map((b) => { const k = shared(prevBound, b, 62); prevBound = b; return String.fromCharCode(64 + k) + b.slice(k); }).join('\n');
  let docFiles = 0;
  for (; docFiles * chunk < docs.length; docFiles++) {
    const rows = docs.slice(docFiles * chunk, (docFiles + 1) * chunk).map((d) =>
      [d.id, d.title, `${lang}/${d.id}/index.html`, d.title + ' summary', d.product, d.type, d.tags, 'About ' + d.title]);
    fs.writeFileSync(path.join(dir, `d${docFiles}.aaaaaaaa.js`), `__kb.docs(${JSON.stringify(lang)},${docFiles},${JSON.stringify(rows)});\n`);
  }
  const byFirst = new Map();
  for (const t of terms) {
    if (!/^\p{L}+$/u.test(t) || /\p{Script=Han}/u.test(t)) continue;
    const c = String.fromCodePoint(t.codePointAt(0));
    if (!byFirst.has(c)) byFirst.set(c, []);
    byFirst.get(c).push(t);
  }
  [...byFirst.values()].forEach((list, i) => {
    let prev = '';
    const spell = (t) => (forms[t] || []).map((f) => '/' + shared(t, f) + f.slice(shared(t, f))).join('');
    const s = list.map((t) => { const k = shared(prev, t); prev = t; return k + t.slice(k) + post.get(t).length + spell(t); }).join(',');
    fs.writeFileSync(path.join(dir, `v${i}.dddddddd.js`), `__kb.vocab(${JSON.stringify(lang)},${i},${JSON.stringify(s)});\n`);
  });
  const keys = { products: [...new Set(docs.map((d) => d.product))].sort(), types: [...new Set(docs.map((d) => d.type))].sort(),
    tags: [...new Set(docs.flatMap((d) => d.tags))].sort() };
  const rows = docs.map((d) => [keys.products.indexOf(d.product), keys.types.indexOf(d.type), d.tags.map((t) => keys.tags.indexOf(t))]);
  fs.writeFileSync(path.join(dir, 'facets.bbbbbbbb.js'), `__kb.facets(${JSON.stringify(lang)},${JSON.stringify(rows)},${JSON.stringify(keys)});\n`);
  const manifest = { v: 3, lang, n: docs.length, scale: 0.1, shards: bounds.length, shardHash: '0000000a', bounds: front,
    docChunk: chunk, docFiles, docHash: 'aaaaaaaa', vocab: [...byFirst.keys()].join(''), vocabHash: 'dddddddd', facets: 'facets.bbbbbbbb.js',
    products: Object.fromEntries(keys.products.map((k) => [k, k.toUpperCase()])),
    tags: Object.fromEntries(keys.tags.map((k) => [k, k])), types: Object.fromEntries(keys.types.map((k) => [k, k])) };
  fs.writeFileSync(path.join(dir, 'manifest.cccccccc.js'), `__kb.manifest(${JSON.stringify(lang)},${JSON.stringify(manifest)});\n`);
  return `search/${lang}/manifest.cccccccc.js`;
}

/* impacts from the runtime's own analysis: title terms weigh 3x */
function doc(id, title, body, product, type, tags) {
  const terms = {};
  for (const t of kb.analyze(title, 'doc')) terms[t] = Math.min(255, (terms[t] || 0) + 30);
  for (const t of kb.analyze(body, 'doc')) terms[t] = Math.min(255, (terms[t] || 0) + 10);
  return { id, title, product, type, tags, terms };
}

function tinySite() {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'kbgen-js-'));
  const en = [
    doc('KB-1', 'Files stuck syncing', 'Sync stops with ORB-SYNC-1042 when a path is too long.', 'sync', 'troubleshooting', ['desktop']),
    doc('KB-2', 'Access is denied (0x80070005)', 'Windows reports access denied; synchronization pauses.', 'sync', 'troubleshooting', ['windows']),
    doc('KB-3', 'Card declined', 'Your payment card was declined by the bank.', 'billing', 'faq', ['payments']),
    doc('KB-4', 'Java SDK OutOfMemoryError', 'java.lang.OutOfMemoryError on large downloads; raise the heap.', 'api', 'troubleshooting', ['java-sdk']),
    doc('KB-5', 'Synchronization settings', 'Choose which folders sync. Selective sync saves disk space.', 'sync', 'how-to', ['desktop']),
    doc('KB-6', 'Sign in with SSO', 'Single sign-on with your company identity provider. 同步', 'account', 'how-to', ['sso']),
    doc('KB-7', 'Handshake fails', 'Old clients on TLS1 fail the handshake.', 'api', 'troubleshooting', ['java-sdk'])
  ];
  const zh = [
    doc('KB-1', '文件一直同步不上', '同步停止，提示 ORB-SYNC-1042。', 'sync', 'troubleshooting', ['desktop']),
    doc('KB-3', '银行卡被拒', '付款被银行拒绝。', 'billing', 'faq', ['payments'])
  ];
  const manifests = { en: writeIndex(site, 'en', en, 7, 4), zh: writeIndex(site, 'zh', zh, 50, 32) };
  return { site, manifests, en };
}

test('search over a hand-written index: ranking, ties, typos, prefix, filters, files', async () => {
  const { site, manifests, en } = tinySite();
  try {
    const ctx = runtime(site, manifests);
    const s = (q, o) => ctx.kbgen.search(q, o).then(plain);
    const manifest = JSON.parse(fs.readFileSync(path.join(site, 'search/en/manifest.cccccccc.js'), 'utf8').slice(19, -3));
    assert.ok(manifest.shards > 3);

    // impact sums, rank by score desc then doc number asc
    let r = await s('sync', { lang: 'en' });
    const expect = en.map((d, n) => [n, d.terms.sync || 0]).filter((x) => x[1] > 0).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    assert.deepEqual(r.results.map((x) => x.doc), expect.map((x) => x[0]));
    assert.deepEqual(r.results.map((x) => x.score), expect.map((x) => x[1]));
    assert.equal(r.total, expect.length);
    assert.equal(r.results[0].url, 'en/' + r.results[0].id + '/index.html');
    assert.equal(r.corrected, null);

    // codes, the Han boundary, NFKC
    r = await s('错误码０ｘ８００７０００５', { lang: 'en' });
    assert.equal(r.results[0].id, 'KB-2');
    r = await s('java.lang.OutOfMemoryError', { lang: 'en', limit: 1 });
    assert.deepEqual(r.results.map((x) => x.id), ['KB-4']);
    assert.ok(r.total >= 1);

    // typos: corrected to the closest class-W term with the same first letter, reported
    r = await s('decliend card', { lang: 'en' });
    assert.deepEqual(r.corrected, { decliend: 'declin' });
    assert.equal(r.results[0].id, 'KB-3');
    r = await s('decliend card', { lang: 'en', typos: false });
    assert.equal(r.corrected, null);
    assert.ok(!r.terms.includes('declin'));
    // a code typed with spaces for its separators, or without them, is the code (not its words)
    for (const q of ['orb sync 1042', 'ORBSYNC1042', 'ORB_SYNC_1042']) {
      r = await s(q, { lang: 'en' });
      assert.ok(r.terms.includes('#orbsync1042') && !r.terms.includes('sync'), q + ': ' + r.terms.join(' '));
      assert.deepEqual(r.results.map((x) => x.id), ['KB-1'], q);
    }
    r = await s('sync 1043', { lang: 'en' });
    assert.ok(r.terms.includes('sync'), r.terms.join(' '));
    // never on codes or tokens with digits
    r = await s('ORB-SYNC-1043', { lang: 'en' });
    assert.equal(r.corrected, null);
    // candidates are words of letters only: "tls1" (one edit away) is not one
    r = await s('tlsx handshake', { lang: 'en' });
    assert.equal(r.corrected, null);
    assert.deepEqual(r.results.map((x) => x.id), ['KB-7']);
    // a correction loads the vocabulary file of its first letter and the corrected term's shard, no other shard
    const cold = runtime(site, manifests);
    r = plain(await cold.kbgen.search('decliend card', { lang: 'en' }));
    assert.deepEqual(r.corrected, { decliend: 'declin' });
    const vocab = manifest.vocab;
    assert.deepEqual(cold.loaded.filter((u) => /\/v\d+\./.test(u)), [`search/en/v${Array.from(vocab).indexOf('d')}.dddddddd.js`]);
    assert.ok(cold.loaded.filter((u) => /\/t\d+\./.test(u)).length <= 4, cold.loaded.join(' '));
    assert.ok(!vocab.includes('0') && !vocab.includes('#') && !vocab.includes('同'), vocab);

    // type-ahead: the last word is expanded by prefix (df * 0.85^extra letters)
    r = await s('synchr', { lang: 'en', prefix: true });
    assert.ok(r.terms.includes('synchron'), r.terms.join(' '));
    assert.deepEqual(new Set(r.results.map((x) => x.id)), new Set(['KB-2', 'KB-5']));
    r = await s('synchr ', { lang: 'en', prefix: true });
    assert.equal(r.total, 0);
    r = await s('card decl', { lang: 'en', prefix: true });
    assert.deepEqual(plain(r.terms), ['card', '!card decl', 'declin']);
    r = await s('card qx', { lang: 'en', prefix: true });
    assert.equal(r.results[0].id, 'KB-3');

    // filters after scoring (facets file), doc tables in chunks
    r = await s('sync', { lang: 'en', filters: { type: 'how-to' } });
    assert.deepEqual(r.results.map((x) => x.id).sort(), ['KB-5']);
    r = await s('sync', { lang: 'en', filters: { product: 'sync', tag: 'desktop' } });
    assert.deepEqual(r.results.map((x) => x.id).sort(), ['KB-1', 'KB-5']);
    assert.ok(ctx.loaded.some((u) => /facets/.test(u)));
    assert.ok(ctx.loaded.includes('search/en/d1.aaaaaaaa.js'));

    // Chinese: bigrams and words
    r = await s('同步', { lang: 'zh' });
    assert.deepEqual(r.results.map((x) => x.id), ['KB-1']);
    r = await s('同步', { lang: 'en' });
    assert.deepEqual(r.results.map((x) => x.id), ['KB-6']);
    // with an indexed code, the Chinese words around it are cut out like fillers: no bigram across
    r = await s('同步报错 ORB-SYNC-1042', { lang: 'zh' });
    assert.ok(r.terms.includes('同步') && !r.terms.includes('步报') && !r.terms.includes('报错'), r.terms.join(' '));
    assert.deepEqual(r.results.map((x) => x.id), ['KB-1']);
    r = await s('同步报错', { lang: 'zh' });
    assert.ok(r.terms.includes('步报'), r.terms.join(' '));
    // a character typed alone finds the pairs it starts (the index holds pairs)
    r = await s('拒', { lang: 'zh' });
    assert.deepEqual(r.results.map((x) => x.id), ['KB-3']);
    assert.ok(r.terms.includes('拒绝'), r.terms.join(' '));
    r = await s('同 拒', { lang: 'zh' });
    assert.deepEqual(r.results.map((x) => x.id).sort(), ['KB-1', 'KB-3']);

    // loads are deduped; a missing file rejects
    const before = ctx.loaded.length;
    await Promise.all([s('card', { lang: 'en' }), s('card', { lang: 'en' })]);
    assert.equal(ctx.loaded.filter((u) => /en\/manifest/.test(u)).length, 1);
    assert.ok(ctx.loaded.length - before <= 2);
    fs.unlinkSync(path.join(site, 'search/zh/d0.aaaaaaaa.js'));
    const ctx2 = runtime(site, manifests);
    await assert.rejects(ctx2.kbgen.search('银行', { lang: 'zh' }), /cannot load/);
    await assert.rejects(ctx2.kbgen.search('x', { lang: 'fr' }), /no search index/);

    // preload loads every shard of a small index
    const ctx3 = runtime(site, manifests);
    await ctx3.kbgen.preload('en');
    assert.equal(ctx3.loaded.filter((u) => /\/t\d+\./.test(u)).length, manifest.shards);
  } finally {
    fs.rmSync(site, { recursive: true, force: true });
  }
});

test('a synonym that no document uses weighs as much as the one they use', async () => {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'kbgen-js-'));
  try {
    const zh = [
      doc('KB-1', '下载大文件时内存溢出', '把整个文件读进内存，内存用完后进程退出。', 'api', 'troubleshooting', []),
      doc('KB-2', '清理磁盘', '磁盘空间不足时，同步暂停。', 'sync', 'troubleshooting', []),
      doc('KB-3', '安装客户端', '下载并运行安装程序。', 'sync', 'how-to', [])
    ];
    const manifest = writeIndex(site, 'zh', zh, 50, 32);
    const file = path.join(site, manifest), text = fs.readFileSync(file, 'utf8');
    const alt = (p) => [...new Set(plain(kb.analyze(p, 'doc')))];
    const m = JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1));
    m.syn = [[alt('内存'), alt('记忆体')]];
    fs.writeFileSync(file, `__kb.manifest("zh",${JSON.stringify(m)});\n`);
    const ctx = runtime(site, { zh: manifest });
    const r = plain(await ctx.kbgen.search('记忆体不足', { lang: 'zh' }));
    assert.ok(r.terms.includes('内存'), r.terms.join(' '));
    assert.equal(r.results[0].id, 'KB-1');
    assert.ok(r.results[0].score > 0);
  } finally {
    fs.rmSync(site, { recursive: true, force: true });
  }
});

test('typos are compared with how the documents spell a word, and shown that way', async () => {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'kbgen-js-'));
  try {
    const en = [
      doc('KB-1', 'Access denied', 'Access is denied to the share.', 'sync', 'troubleshooting', []),
      doc('KB-2', 'ACL editor', 'Edit the ACL of a share. ACL entries. ACL order.', 'sync', 'how-to', []),
      doc('KB-3', 'Configuration', 'Configure the client; the configured client connects.', 'sync', 'how-to', [])
    ];
    const forms = { access: ['access'], acl: ['acl'], configur: ['configure', 'configured', 'configuration'] };
    const spelled = runtime(site, { en: writeIndex(site, 'en', en, 50, 4, forms) });
    // "acces" stems to "acc": one edit from "acl", three from "access"; the typed word is one edit from
    // the spelling "access"
    let r = plain(await spelled.kbgen.search('acces denied', { lang: 'en' }));
    assert.deepEqual(r.corrected, { acces: 'access' });
    assert.deepEqual(r.suggested, { acces: 'access' });
    assert.equal(r.results[0].id, 'KB-1');
    // the spelling shown is the closest one; the term searched for is the index's
    r = plain(await spelled.kbgen.search('configuraton', { lang: 'en' }));
    assert.deepEqual(r.corrected, { configuraton: 'configur' });
    assert.deepEqual(r.suggested, { configuraton: 'configuration' });
    // type-ahead completes by spellings: "configura" is no prefix of the term "configur"
    r = plain(await spelled.kbgen.search('configura', { lang: 'en', prefix: true }));
    assert.ok(r.terms.includes('configur'), r.terms.join(' '));
    assert.equal(r.results[0].id, 'KB-3');
    // without spellings a term is compared as it is: "configuraton" is four edits from "configur"
    const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'kbgen-js-'));
    try {
      const terms = runtime(bare, { en: writeIndex(bare, 'en', en, 50, 4) });
      r = plain(await terms.kbgen.search('configuraton', { lang: 'en' }));
      assert.equal(r.corrected, null);
      r = plain(await terms.kbgen.search('acces denied', { lang: 'en' }));
      assert.deepEqual(r.suggested, { acces: 'access' });
    } finally {
      fs.rmSync(bare, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(site, { recursive: true, force: true });
  }
});

test('a contraction typed without its apostrophe is no typo', async () => {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'kbgen-js-'));
  try {
    const en = [
      doc('KB-1', 'Files won\'t sync', 'The client won’t sync; you can\'t sign in.', 'sync', 'troubleshooting', []),
      doc('KB-2', 'Where the files went', 'You can sync files. They went online.', 'sync', 'how-to', [])
    ];
    const forms = { went: ['went'], can: ['can'], sync: ['sync'], file: ['files'] };
    const ctx = runtime(site, { en: writeIndex(site, 'en', en, 50, 4, forms) });
    for (const q of ['files wont sync', 'Files WONT sync', 'files won\'t sync']) {
      const r = plain(await ctx.kbgen.search(q, { lang: 'en' }));
      assert.equal(r.corrected, null, q);
      assert.equal(r.suggested, null, q);
      assert.ok(r.terms.includes('won\'t') && !r.terms.includes('went'), r.terms.join(' '));
      assert.equal(r.results[0].id, 'KB-1', q);
    }
    let r = plain(await ctx.kbgen.search('cant sync', { lang: 'en' }));
    assert.equal(r.corrected, null);
    assert.ok(r.terms.includes('can\'t') && !r.terms.includes('can'), r.terms.join(' '));
    r = plain(await ctx.kbgen.search('isnt syncing', { lang: 'en' }));
    assert.equal(r.corrected, null);
  } finally {
    fs.rmSync(site, { recursive: true, force: true });
  }
});

test('parity.js CLI over a hand-written index', () => {
  const { site } = tinySite();
  try {
    const queries = path.join(site, 'queries.json');
    const out = path.join(site, 'out.json');
    fs.writeFileSync(queries, JSON.stringify({
      queries: [{ id: 'q1', lang: 'en', query: 'card declined' }, { id: 'q2', lang: 'zh', query: '同步' },
        { id: 'q3', lang: 'en', query: 'nothing matches this' }],
      vectors: [{ id: 'v1', text: 'HTTP 502', mode: 'query' }, { id: 'v2', text: '错误码0x80070005', mode: 'doc' }]
    }));
    const p = spawnSync(process.execPath, [PARITY, site, queries, out], { encoding: 'utf8' });
    assert.equal(p.status, 0, p.stderr + p.stdout);
    const o = JSON.parse(fs.readFileSync(out, 'utf8'));
    assert.equal(o.results.q1[0], 'KB-3');
    assert.deepEqual(o.results.q2, ['KB-1']);
    assert.deepEqual(o.results.q3, []);
    assert.deepEqual(o.analysis.v1, ['http', '502', '#502', '!http 502', '!502', '#http502']);
    assert.deepEqual(o.analysis.v2, ['错误', '误码', '~错误', '0x80070005', '#0x80070005', '#80070005', '0x80070005']);
  } finally {
    fs.rmSync(site, { recursive: true, force: true });
  }
});

test('highlighting builds <mark> elements, never HTML from data', () => {
  const made = [];
  const fakeDoc = {
    readyState: 'complete', currentScript: null, querySelector: () => null, getElementById: () => null, addEventListener() {},
    createTextNode: (t) => ({ text: t }),
    createElement: (tag) => { const e = { tag, textContent: '' }; made.push(e); return e; }
  };
  const ctx = { Intl, Promise, setTimeout, clearTimeout, URLSearchParams, document: fakeDoc };
  ctx.window = ctx;
  vm.createContext(ctx);
  vm.runInContext(fs.readFileSync(RUNTIME, 'utf8'), ctx);
  const parts = [];
  const el = { appendChild: (n) => { parts.push(n); return n; } };
  ctx.kbgen.highlight(el, 'Files <b>stuck</b> syncing: 文件同步失败', new Set(['sync', 'stuck', '同步']));
  const marks = parts.filter((p) => p.tag === 'mark').map((p) => p.textContent);
  assert.deepEqual(marks, ['stuck', 'syncing', '同步']);
  assert.equal(parts.map((p) => p.text || p.textContent).join(''), 'Files <b>stuck</b> syncing: 文件同步失败');
});

test('Chromium segmentation ("java" "." "lang") is joined back to UAX#29 words like Lucene\'s', () => {
  // Intl.Segmenter('en') output recorded in headless Chromium 156, whose ICU breaks at "." and ":" between letters
  const recorded = new Map([
    ['e.g. java.lang.OutOfMemoryError a:b 3.14', [['e', 1], ['.', 0], ['g', 1], ['.', 0], [' ', 0], ['java', 1], ['.', 0],
      ['lang', 1], ['.', 0], ['OutOfMemoryError', 1], [' ', 0], ['a', 1], [':', 0], ['b', 1], [' ', 0], ['3.14', 1]]],
    ['user@example.com x...y k.1', [['user', 1], ['@', 0], ['example', 1], ['.', 0], ['com', 1], [' ', 0], ['x', 1], ['...', 0],
      ['y', 1], [' ', 0], ['k', 1], ['.', 0], ['1', 1]]]
  ]);
  class ChromiumSegmenter {
    constructor(loc, o) { this.real = new Intl.Segmenter(loc, o); this.loc = loc; }
    segment(t) {
      const r = this.loc === 'en' && recorded.get(t);
      if (!r) return this.real.segment(t);
      let index = 0;
      return r.map(([segment, w]) => { const o = { segment, index, isWordLike: !!w }; index += segment.length; return o; });
    }
  }
  const ctx = { Intl: Object.assign(Object.create(Intl), { Segmenter: ChromiumSegmenter }), Promise, setTimeout, clearTimeout,
    document: { readyState: 'complete', currentScript: null, querySelector: () => null, getElementById: () => null, addEventListener() {} } };
  ctx.window = ctx;
  vm.createContext(ctx);
  vm.runInContext(fs.readFileSync(RUNTIME, 'utf8'), ctx);
  for (const text of recorded.keys()) {
    assert.deepEqual(plain(ctx.kbgen.analyze(text, 'doc')), plain(kb.analyze(text, 'doc')), text);
  }
  assert.deepEqual(plain(ctx.kbgen.analyze('user@example.com x...y k.1', 'doc')).slice(0, 6), ['user', 'example.com', 'x', 'y', 'k', '1']);
});
