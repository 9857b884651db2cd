/*! kbgen search runtime. One classic script (no modules, fetch, XHR, eval or inline handlers), so it
    works from file:// and under a CSP script-src 'self'. The analysis, scoring and file formats follow
    docs/search-format.md (shared with the Java build side: dev.kbgen.search); keep both sides in step. */
(function (W) {
  'use strict';
  var D = W.document;

  /* ---------------- 1. Analysis (search-format §1) ---------------- */

  /* Lucene's English stop words, then the words that ask or say whose or how much (§1, 3a) */
  var STOP = new Set(('a an and are as at be but by for if in into is it no not of on or such that the ' +
    'their then there these they this to was will with ' +
    'how what why which who when where i me my we our you your its them those always already some any only ' +
    'just also can could do does did should would because so').split(' '));
  var HAN = /\p{Script=Han}/u, RUNS = /\p{Script=Han}+|\P{Script=Han}+/gu;
  var CODE_WORDS = ['error', 'code', '错误', '误码', '误代', '代码', '报错', '提示', '~错误', '~代码', '~报错', '~提示'];
  /* an error code's term (§2, Codes): 3+ ASCII digits that are not a year, as a word or after "#";
     or "#" with 3+ digits and something else */
  function isCode(x) {
    var t = x.charAt(0) === '#' ? x.slice(1) : x;
    if (/^[0-9]+$/.test(t)) return t.length > 2 && !/^(?:19|20)[0-9]{2}$/.test(t);
    return x.charAt(0) === '#' && (t.match(/\p{Nd}/gu) || []).length > 2;
  }
  var IDRE = /[\p{L}\p{N}]+(?:[._:/\\-]+[\p{L}\p{N}]+)*/gu, SEPS = /[._:/\\-]+/u, HEX = /^0[xX][0-9a-fA-F]+$/;
  var ND = /\p{Nd}/u, LET = /\p{L}/u, LL = /\p{Ll}/u, LU = /\p{Lu}/u, LOWER = /\p{Lowercase}/u, UPPER = /\p{Uppercase}/u;
  var LETTERS = /^\p{L}+$/u, ALNUM = /[\p{L}\p{N}]/u, ASCII = /^[\0-\x7f]*$/, PICT;
  try { PICT = new RegExp('\\p{Extended_Pictographic}|\\p{Regional_Indicator}', 'u'); } catch (e) { PICT = /[\u{1f000}-\u{1faff}\u2600-\u27bf]/u; }
  var WS = '[\\t-\\r\\x1c-\\x20\\u1680\\u2000-\\u2006\\u2008-\\u200a\\u2028\\u2029\\u205f\\u3000]+';
  var STRIP = new RegExp('^' + WS + '|' + WS + '$', 'g');
  var SEG = {};

  function seg(loc) {
    if (!(loc in SEG)) {
      try { SEG[loc] = new Intl.Segmenter(loc, { granularity: 'word' }); } catch (e) { SEG[loc] = null; }
    }
    return SEG[loc];
  }

  /* UAX#29 WB6/7 and WB11/12: letters joined by MidLetter/MidNumLet, digits by MidNum/MidNumLet.
     Chromium's ICU breaks "java.lang", "a:b" and "e.g" (stock ICU and Lucene do not): join them again. */
  var MIDL = ':\u00b7\u0387\u055f\u05f4\u2027\ufe13\ufe55\uff1a', MIDNL = '.\u2018\u2019\u2024\ufe52\uff07\uff0e\'';
  var MIDN = ',;\u037e\u0589\u060c\u060d\u066c\u07f8\u2044\ufe10\ufe14\ufe50\ufe54\uff0c\uff1b';
  var NOTAL = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Khmer}]/u;
  function wb(ch) { return ND.test(ch) ? 'N' : LET.test(ch) && !NOTAL.test(ch) ? 'L' : ''; }
  function joins(a, c, b) {
    var x = Array.from(a.replace(/[\p{M}\p{Cf}]+$/u, '')).pop() || '', y = String.fromCodePoint(b.codePointAt(0));
    var k = wb(x);
    return k !== '' && k === wb(y) && c.length === 1 && (MIDNL.indexOf(c) >= 0 || (k === 'L' ? MIDL : MIDN).indexOf(c) >= 0);
  }

  /* UAX#29 words ({segment, index}); Lucene's StandardTokenizer also keeps emoji. */
  function words(text, loc) {
    var s = seg(loc), out = [], all, i, x, p;
    if (s) {
      all = Array.from(s.segment(text));
      for (i = 0; i < all.length; i++) {
        x = all[i]; p = out[out.length - 1];
        if (loc === 'en' && p && !x.isWordLike && all[i + 1] && all[i + 1].isWordLike && p.index + p.segment.length === x.index &&
          joins(p.segment, x.segment, all[i + 1].segment)) {
          out[out.length - 1] = { segment: p.segment + x.segment + all[i + 1].segment, index: p.index, isWordLike: true };
          i++;
        } else if ((x.isWordLike && ALNUM.test(x.segment)) || (loc === 'en' && PICT.test(x.segment))) out.push(x);
      }
    } else if (loc === 'en') {
      text.replace(/[\p{L}\p{N}\p{M}_]+(?:['’.][\p{L}\p{N}\p{M}_]+)*/gu, function (m, i) { out.push({ segment: m, index: i }); });
    }
    return out;
  }

  /* Lucene LowerCaseFilter: Character.toLowerCase per code point (simple case mapping). */
  function lower(s) {
    return ASCII.test(s) ? s.toLowerCase() : Array.from(s, function (c) { return c === '\u0130' ? 'i' : c.toLowerCase(); }).join('');
  }

  /* Faithful port of org.apache.lucene.analysis.en.PorterStemmer (k0 = 0; b is the char buffer). */
  var S3 = ('ational ate tional tion enci ence anci ance izer ize bli ble alli al entli ent eli e ousli ous ' +
    'ization ize ation ate ator ate alism al iveness ive fulness ful ousness ous aliti al iviti ive biliti ble logi log').split(' ');
  var S4 = 'icate ic ative - alize al iciti ic ical ic ful - ness -'.split(' ');
  var S5 = 'al ance ence er ic able ible ant ement ment ent ion ou ism ate iti ous ive ize'.split(' ');

  function stem(w) {
    if (w.length < 3) return w;
    var b = w.split(''), k = b.length - 1, j = 0, i;
    function cons(i) {
      var c = b[i];
      if (c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u') return false;
      return c === 'y' ? (i === 0 ? true : !cons(i - 1)) : true;
    }
    function m() {
      var n = 0, i = 0;
      for (;;) { if (i > j) return n; if (!cons(i)) break; i++; }
      i++;
      for (;;) {
        for (;;) { if (i > j) return n; if (cons(i)) break; i++; }
        i++; n++;
        for (;;) { if (i > j) return n; if (!cons(i)) break; i++; }
        i++;
      }
    }
    function vowelinstem() { for (var i = 0; i <= j; i++) if (!cons(i)) return true; return false; }
    function doublec(x) { return x >= 1 && b[x] === b[x - 1] && cons(x); }
    function cvc(i) {
      if (i < 2 || !cons(i) || cons(i - 1) || !cons(i - 2)) return false;
      return b[i] !== 'w' && b[i] !== 'x' && b[i] !== 'y';
    }
    function ends(s) {
      var l = s.length, o = k - l + 1;
      if (o < 0) return false;
      for (var i = 0; i < l; i++) if (b[o + i] !== s[i]) return false;
      j = k - l;
      return true;
    }
    function setto(s) { for (var i = 0; i < s.length; i++) b[j + 1 + i] = s[i]; k = j + s.length; }
    function r(s) { if (m() > 0) setto(s); }
    // step1: plurals, -ed, -ing
    if (b[k] === 's') {
      if (ends('sses')) k -= 2;
      else if (ends('ies')) setto('i');
      else if (b[k - 1] !== 's') k--;
    }
    if (ends('eed')) { if (m() > 0) k--; }
    else if ((ends('ed') || ends('ing')) && vowelinstem()) {
      k = j;
      if (ends('at')) setto('ate');
      else if (ends('bl')) setto('ble');
      else if (ends('iz')) setto('ize');
      else if (doublec(k)) { var ch = b[k--]; if (ch === 'l' || ch === 's' || ch === 'z') k++; }
      else if (m() === 1 && cvc(k)) setto('e');
    }
    // step2: terminal y -> i when there is another vowel in the stem
    if (ends('y') && vowelinstem()) b[k] = 'i';
    // step3: double suffixes (each suffix's second-to-last char is its switch case in Lucene)
    if (k !== 0) for (i = 0; i < S3.length; i += 2) if (ends(S3[i])) { r(S3[i + 1]); break; }
    // step4: -ic-, -full, -ness
    for (i = 0; i < S4.length; i += 2) if (ends(S4[i])) { r(S4[i + 1] === '-' ? '' : S4[i + 1]); break; }
    // step5: -ant, -ence, ... in <c>vcvc<v>
    if (k !== 0) {
      for (i = 0; i < S5.length; i++) {
        if (ends(S5[i]) && (S5[i] !== 'ion' || (j >= 0 && (b[j] === 's' || b[j] === 't')))) { if (m() > 1) k = j; break; }
      }
    }
    // step6: final -e, -ll
    j = k;
    if (b[k] === 'e') { var a = m(); if (a > 1 || (a === 1 && !cvc(k - 1))) k--; }
    if (b[k] === 'l' && doublec(k) && m() > 1) k--;
    return b.slice(0, k + 1).join('');
  }

  /* Negative contractions typed without the apostrophe read as contractions ("wont" -> "won't"). */
  var CONTRACTED = new Map(('aren\'t can\'t couldn\'t didn\'t doesn\'t don\'t hadn\'t hasn\'t haven\'t isn\'t ' +
    'mustn\'t needn\'t shouldn\'t wasn\'t weren\'t won\'t wouldn\'t').split(' ').map(function (w) { return [w.replace('\'', ''), w]; }));

  /* Class W: StandardTokenizer words -> possessive -> lowercase -> contractions -> stop -> Porter.
     emit(term, token). */
  function wordTerms(text, emit) {
    words(text, 'en').forEach(function (x) {
      for (var s = x.segment, i = 0; i < s.length; i += 255) { // StandardTokenizer chops at 255 chars
        var t = s.slice(i, i + 255), n = t.length;
        if (n > 1 && '\'’＇'.indexOf(t[n - 2]) >= 0 && (t[n - 1] === 's' || t[n - 1] === 'S')) t = t.slice(0, n - 2);
        t = lower(t).replace(/\u2019/g, '\'');
        t = CONTRACTED.get(t) || t;
        if (!STOP.has(t)) emit(stem(t), t);
      }
    });
  }

  function isIdent(tok) {
    var dg = 0, lt = 0, sp = 0, us = 0, cm = 0, n = 0, pl = false;
    for (var c of tok) {
      n++;
      if (ND.test(c)) dg = 1;
      else if (LET.test(c)) { lt = 1; if (pl && UPPER.test(c)) cm = 1; }
      else if (c === '_') us = 1;
      else sp = 1;
      pl = LOWER.test(c);
    }
    return !!((sp && dg) || us || (lt && dg) || (!lt && dg && !sp && n > 2) || cm);
  }

  /* An identifier segment's parts: split before Lu after Ll, and before Lu+Ll after Lu ("HTTPServer" ->
     HTTP, Server); with digits (not for a hexadecimal number), also where letters meet digits
     ("HTTP502" -> HTTP, 502). */
  function camel(s, digits) {
    var c = Array.from(s), out = [], cur = '';
    c.forEach(function (ch, i) {
      if (i && ((LL.test(c[i - 1]) && LU.test(ch)) || (LU.test(c[i - 1]) && LU.test(ch) && i + 1 < c.length && LL.test(c[i + 1])) ||
          (digits && ((LET.test(c[i - 1]) && ND.test(ch)) || (ND.test(c[i - 1]) && LET.test(ch)))))) {
        out.push(cur); cur = '';
      }
      cur += ch;
    });
    out.push(cur);
    return out;
  }

  /* "#" + an identifier with separators and a digit without its separators ("#orbsync1301"), or null */
  function joinedTerm(tok) {
    return SEPS.test(tok) && ND.test(tok) ? '#' + tok.split(SEPS).join('').toLowerCase() : null;
  }

  /* A code typed with spaces for its separators ("ORB SYNC 1301", §2 Codes): for each token of a
     non-Han run of the NFKC text with 3+ digits that is not a year, the 1, 2 and 3 tokens before it,
     each followed by spaces only, joined with it: [{text, term}] in order. */
  function spacedCodes(t) {
    var out = [];
    (t.match(RUNS) || []).forEach(function (r) {
      if (HAN.test(r)) return;
      var toks = [], m, re = new RegExp(IDRE.source, 'gu');
      while ((m = re.exec(r))) toks.push({ s: m.index, e: m.index + m[0].length });
      toks.forEach(function (x, i) {
        var last = r.slice(x.s, x.e);
        if ((last.match(/\p{Nd}/gu) || []).length < 3 || /^(?:19|20)[0-9]{2}$/.test(last)) return;
        for (var k = 1; k <= 3 && i - k >= 0; k++) {
          if (!/^ +$/.test(r.slice(toks[i - k].e, toks[i - k + 1].s))) break;
          var text = r.slice(toks[i - k].s, x.e);
          out.push({ text: text, term: '#' + text.replace(/ /g, '').split(SEPS).join('').toLowerCase() });
        }
      });
    });
    return out;
  }

  /* the Chinese characters typed alone in a query (Han runs of one character), folded, distinct */
  function loneChars(q) {
    var out = [];
    (q.normalize('NFKC').match(RUNS) || []).forEach(function (r) {
      if (HAN.test(r) && cps(r) === 1 && out.indexOf(fold(r)) < 0) out.push(fold(r));
    });
    return out;
  }

  function cnorm(s) { return s.normalize('NFKC').toLowerCase().replace(/[ \t\n\v\f\r]+/g, ' ').replace(STRIP, ''); }

  function cps(s) { return Array.from(s).length; }

  /* Traditional -> simplified Chinese (§1, 4): null until a query needs it (prepare), then
     {traditional: simplified} for U+3400-U+9FFF */
  var FOLD = null;
  function fold(r) { return FOLD ? r.replace(/[\u3400-\u9fff]/g, function (c) { return FOLD[c] || c; }) : r; }

  /* Chinese fillers: cut out of a Han run where they start and end at segment boundaries (§1, 4). */
  var FILLERS = ('一直 总是 老是 怎么办 怎么样 怎么 咋办 为什么 为啥 如何 什么 请问 是不是 有没有 能不能 可不可以 ' +
    '还是 一下 已经 然后 但是 因为 所以 如果 的话 我们 你们 他们 这个 那个 这些 那些').split(' ');
  /* and, in a query with an indexed code (§2 Codes), the words written around it */
  var CODE_FILLERS = FILLERS.concat('错误 错误码 错误代码 代码 报错 提示'.split(' '));

  function bigrams(p, add) {
    var c = Array.from(p), i;
    if (c.length === 1) add(p);
    for (i = 0; i + 1 < c.length; i++) add(c[i] + c[i + 1]);
  }

  /* Class B bigrams of the pieces between fillers, then class C words (§1, 4) */
  function hanTerms(r, add, fillers) {
    var s = words(r, 'zh'), b = {}, cut = {}, at = 0, from = 0, exact, i, e, k;
    s.forEach(function (x) { if (at >= 0 && x.index === at) { b[at] = true; at += x.segment.length; } else at = -1; });
    exact = at === r.length && s.length > 0;
    b[r.length] = exact;
    for (i = 0; exact && i < r.length; i++) {
      e = i;
      if (b[i]) fillers.forEach(function (f) { if (i + f.length > e && b[i + f.length] && r.startsWith(f, i)) e = i + f.length; });
      if (e > i) {
        bigrams(r.slice(from, i), add);
        for (k = i; k < e; k++) cut[k] = true;
        from = e; i = e - 1;
      }
    }
    bigrams(r.slice(from), add);
    s.forEach(function (x) { if (cps(x.segment) > 1 && !(exact && cut[x.index])) add('~' + x.segment); });
  }

  /* analyze(text, "doc"|"query"). In doc mode, meta (optional array) receives per term the word token
     of step 3a it came from (lowercased, possessive stripped), or null: typo eligibility. code: the
     Chinese words written around a code are fillers too (§2 Codes). */
  function analyze(text, mode, meta, code) {
    var t = String(text == null ? '' : text).normalize('NFKC'), out = [], tk = [], ids = [];
    function add(term, tok) { out.push(term); tk.push(tok || null); }
    function part(p) { if (cps(p) > 1) wordTerms(p, function (term) { add(term); }); }
    (t.match(RUNS) || []).forEach(function (r) {
      if (HAN.test(r)) {
        hanTerms(fold(r), add, code ? CODE_FILLERS : FILLERS);
        return;
      }
      wordTerms(r, add);
      (r.match(IDRE) || []).forEach(function (tok) {
        if (!isIdent(tok)) return;
        ids.push(tok);
        add('#' + tok.toLowerCase());
        // a code with separators, also found typed without them ("3D" for "3-D") or with spaces
        var j = joinedTerm(tok);
        if (j) add(j);
        tok.split(SEPS).forEach(function (s) {
          if (!s) return;
          var hex = HEX.test(s);
          if (hex) add('#' + s.slice(2).toLowerCase());
          var p = camel(s, !hex);
          if (p.length > 1) part(s);
          p.forEach(part);
        });
      });
    });
    if (mode === 'query') {
      var w = cnorm(t), seen = new Set(), o2 = [];
      if (w) add('!' + w);
      ids.forEach(function (i) { add('!' + i.toLowerCase()); });
      spacedCodes(t).forEach(function (c) { add(c.term); });
      out.forEach(function (term) { if (!seen.has(term)) { seen.add(term); o2.push(term); } });
      return o2;
    }
    if (meta) tk.forEach(function (x) { meta.push(x); });
    return out;
  }

  /* ---------------- 2. Loading (search-format §3) ---------------- */

  var cfg = { root: '', lang: 'en', manifests: {}, inject: inject };
  var data = Object.create(null), loads = Object.create(null), states = Object.create(null);

  function put(key, v) {
    data[key] = v;
    var l = loads[key];
    if (l) { delete loads[key]; l.ok(v); }
  }

  W.__kb = {
    manifest: function (lang, m) { put('m' + lang, m); },
    shard: function (lang, i, s) { put('t' + lang + '/' + i, s); },
    docs: function (lang, i, rows) { put('d' + lang + '/' + i, rows); },
    vocab: function (lang, i, s) { put('v' + lang + '/' + i, s); },
    facets: function (lang, rows, keys) { put('f' + lang, { rows: rows, keys: keys }); },
    fold: function (lang, pairs) { put('k' + lang, pairs); }
  };

  function inject(url, ok, fail) {
    var s = D.createElement('script');
    s.src = url;
    s.async = true;
    s.onload = function () { s.remove(); ok(); };
    s.onerror = function () { s.remove(); fail(); };
    (D.head || D.documentElement).appendChild(s);
  }

  /* Promise of the data that the script at url registers under key; deduped; a failed load rejects. */
  function need(key, url) {
    if (key in data) return Promise.resolve(data[key]);
    if (loads[key]) return loads[key].p;
    var l = loads[key] = {};
    l.p = new Promise(function (ok, no) { l.ok = ok; l.no = no; });
    function fail(why) {
      return function () { if (loads[key] === l) { delete loads[key]; l.no(new Error('kbgen: ' + why + ' ' + url)); } };
    }
    cfg.inject(url, fail('no data in'), fail('cannot load'));
    return l.p;
  }

  function state(lang) {
    var path = cfg.manifests[lang];
    if (!path) return Promise.reject(new Error('kbgen: no search index for ' + lang));
    return need('m' + lang, cfg.root + path).then(function (m) {
      return states[lang] || (states[lang] = {
        lang: lang, m: m, base: cfg.root + path.slice(0, path.lastIndexOf('/') + 1), sh: [], vo: [],
        bounds: unfront(m.bounds || ''), vocab: Array.from(m.vocab || '')
      });
    });
  }

  /* The manifest's shard bounds: per bound a char ('@' + code units shared with the previous bound)
     and the rest, separated by \n. Shard i holds the terms t with bounds[i] <= t < bounds[i + 1]. */
  function unfront(s) {
    var prev = '';
    return s.split('\n').map(function (e) { return (prev = prev.slice(0, e.charCodeAt(0) - 64) + e.slice(1)); });
  }

  /* the URL of file i of a numbered set (t: shards, d: document tables, v: vocabulary) */
  function file(st, set, i) { return st.base + set + i + '.' + st.m[{ t: 'shardHash', d: 'docHash', v: 'vocabHash' }[set]] + '.js'; }

  /* base64 -> bytes */
  var B64 = new Int16Array(128).fill(-1);
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach(function (c, i) { B64[c.charCodeAt(0)] = i; });
  B64[45] = 62; B64[95] = 63; // URL-safe alphabet too
  function unb64(s) {
    var o = new Uint8Array((s.length * 3) >> 2), n = 0, acc = 0, bits = 0;
    for (var i = 0; i < s.length; i++) {
      var v = B64[s.charCodeAt(i) & 127];
      if (v < 0) continue;
      acc = ((acc << 6) | v) & 0xffffff; bits += 6;
      if (bits >= 8) { bits -= 8; o[n++] = (acc >> bits) & 255; }
    }
    return o.subarray(0, n);
  }

  /* Shard: varint count; per term: varint prefixLen (UTF-16 units), varint suffixLen (UTF-8 bytes),
     suffix, varint df, df x (varint docDelta, impact byte). Postings are decoded on use. */
  function decode(b64) {
    var by = unb64(b64), p = 0, terms = [], df = [], off = [], prev = '';
    function vi() { var x = 0, s = 0, c; do { c = by[p++]; x += (c & 127) * Math.pow(2, s); s += 7; } while (c & 128 && p < by.length); return x; }
    for (var n = vi(), i = 0; i < n && p < by.length; i++) {
      var pl = vi(), sl = vi(), e = p + sl, s = '';
      while (p < e) {
        var c = by[p++];
        if (c > 127) { var k = c >= 240 ? 3 : c >= 224 ? 2 : 1; c &= 63 >> k; while (k--) c = (c << 6) | (by[p++] & 63); }
        s += String.fromCodePoint(c > 0x10ffff ? 0xfffd : c);
      }
      prev = prev.slice(0, pl) + s;
      terms.push(prev); df.push(vi()); off.push(p);
      for (var d = df[i]; d > 0; d--) { vi(); p++; }
    }
    return { terms: terms, df: df, off: off, by: by };
  }

  function postings(sh, i, fn) {
    var by = sh.by, p = sh.off[i], doc = 0;
    for (var d = sh.df[i]; d > 0; d--) {
      var x = 0, s = 0, c;
      do { c = by[p++]; x += (c & 127) * Math.pow(2, s); s += 7; } while (c & 128);
      doc += x;
      fn(doc, by[p++]);
    }
  }

  /* last index i with a[i] <= t (-1 if none) */
  function floor(a, t) {
    var lo = 0, hi = a.length - 1, r = -1;
    while (lo <= hi) { var mid = (lo + hi) >> 1; if (a[mid] <= t) { r = mid; lo = mid + 1; } else hi = mid - 1; }
    return r;
  }

  function loadShards(st, list) {
    return Promise.all(list.map(function (i) {
      if (st.sh[i]) return st.sh[i];
      return need('t' + st.lang + '/' + i, file(st, 't', i)).then(function (s) {
        return st.sh[i] || (st.sh[i] = decode(s));
      });
    }));
  }

  /* the shard that would hold a term */
  function shardOf(st, term) { return Math.max(0, floor(st.bounds, term)); }

  /* {sh, i} of an indexed term (its shard must be loaded), or null */
  function find(st, term) {
    var sh = st.sh[shardOf(st, term)];
    if (!sh) return null;
    var i = floor(sh.terms, term);
    return i >= 0 && sh.terms[i] === term ? { sh: sh, i: i } : null;
  }

  /* Vocabulary file of the words of letters only that start with code point c: "<shared><rest><df>,..."
     front-coded in term order, each followed by its spellings in the documents, "/<shared with the
     term><rest>" each. Resolves to {terms, df, forms} (forms[j]: the spellings of terms[j], or the
     term itself when it has none), or null when no word starts with c. */
  function loadVocab(st, c) {
    var i = st.vocab.indexOf(c);
    if (i < 0) return Promise.resolve(null);
    if (st.vo[i]) return Promise.resolve(st.vo[i]);
    return need('v' + st.lang + '/' + i, file(st, 'v', i)).then(function (s) {
      if (st.vo[i]) return st.vo[i];
      var v = { terms: [], df: [], forms: [] }, prev = '';
      s.split(',').forEach(function (e) {
        var parts = e.split('/'), m = /^(\d+)(\D+)(\d+)$/.exec(parts[0]);
        if (!m) return;
        var term = prev = prev.slice(0, +m[1]) + m[2], forms = [];
        parts.slice(1).forEach(function (f) {
          var n = /^(\d+)(\D*)$/.exec(f);
          if (n) forms.push(term.slice(0, +n[1]) + n[2]);
        });
        v.terms.push(term);
        v.df.push(+m[3]);
        v.forms.push(forms.length ? forms : [term]);
      });
      return (st.vo[i] = v);
    });
  }

  function first(s) { return String.fromCodePoint(s.codePointAt(0)); }

  function preload(lang) {
    return state(lang || cfg.lang).then(function (st) {
      if (st.bounds.length <= 64) return loadShards(st, st.bounds.map(function (x, i) { return i; }));
    });
  }

  /* optimal string alignment distance over code points, or k + 1 when it exceeds k */
  function osa(a, b, k) {
    var n = a.length, m = b.length, d = [], i, j;
    if (Math.abs(n - m) > k) return k + 1;
    for (i = 0; i <= n; i++) d.push([i]);
    for (j = 1; j <= m; j++) d[0][j] = j;
    for (i = 1; i <= n; i++) {
      var low = k + 1;
      for (j = 1; j <= m; j++) {
        var v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
        d[i][j] = v;
        if (v < low) low = v;
      }
      if (low > k) return k + 1;
    }
    return d[n][m];
  }

  /* whether an alternative's terms (~ terms aside, at least one) all pass the test */
  function holds(alt, has) {
    var any = false;
    return alt.every(function (t) { return t.charAt(0) === '~' || (any = true, has(t)); }) && any;
  }

  /* ---------------- 3. Search (search-format §2, §4) ---------------- */

  /* The class-W terms of the query's identifiers with a digit whose "#" term is indexed, less those
     the rest of the query (each such identifier replaced by a space) gives too */
  function codeParts(st, q) {
    var t = q.normalize('NFKC'), rest = t, parts = [];
    (t.match(RUNS) || []).forEach(function (r) {
      if (HAN.test(r)) return;
      (r.match(IDRE) || []).forEach(function (tok) {
        var j = joinedTerm(tok);
        if (!isIdent(tok) || !/\p{Nd}/u.test(tok) || !(find(st, '#' + tok.toLowerCase()) || (j && find(st, j)))) return;
        analyze(tok, 'query').forEach(function (x) { if ('#~!'.indexOf(x.charAt(0)) < 0 && parts.indexOf(x) < 0) parts.push(x); });
        rest = rest.split(tok).join(' ');
      });
    });
    // a code typed with spaces for its separators ("ORB SYNC 1301"): the longest in the index
    var spaced = spacedCodes(t);
    for (var i = spaced.length - 1; i >= 0; i--) {
      var c = spaced[i];
      if (!find(st, c.term) || rest.indexOf(c.text) < 0) continue;
      analyze(c.text, 'query').forEach(function (x) { if ('#~!'.indexOf(x.charAt(0)) < 0 && parts.indexOf(x) < 0) parts.push(x); });
      rest = rest.split(c.text).join(' ');
    }
    if (!parts.length) return parts;
    var keep = analyze(rest, 'query');
    return parts.filter(function (x) { return keep.indexOf(x) < 0; });
  }

  /* Loads the folding pairs when the text has a character that the language's manifest marks as
     folded (its "fold" bits); without them (no Chinese pages, or the file failed) text is not folded. */
  function prepare(st, text) {
    var m = st.m, t = String(text == null ? '' : text).normalize('NFKC'), bits, i, c, hit = false;
    if (FOLD || !m.fold || !m.foldFile) return Promise.resolve();
    bits = st.foldBits || (st.foldBits = unb64(m.fold));
    for (i = 0; i < t.length && !hit; i++) {
      c = t.charCodeAt(i) - 0x3400;
      hit = c >= 0 && c < 0x6c00 && ((bits[c >> 3] >> (c & 7)) & 1) === 1;
    }
    if (!hit) return Promise.resolve();
    return need('k' + st.lang, st.base + m.foldFile).then(function (pairs) {
      if (FOLD) return;
      var f = Object.create(null);
      for (var j = 0; j + 1 < pairs.length; j += 2) f[pairs[j]] = pairs[j + 1];
      FOLD = f;
    }, function () {});
  }

  function search(query, o) {
    o = o || {};
    var lang = o.lang || cfg.lang, limit = o.limit == null ? 10 : o.limit, f = o.filters || {};
    var q = String(query == null ? '' : query), terms, last = null, code = null, meta = [], typo = new Map(), lones = [];
    // typo-eligible: a step-3a word token of letters only, 4+ chars; the first one for each term
    analyze(q, 'doc', meta).forEach(function (term, i) {
      var tok = meta[i];
      if (tok && !typo.has(term) && LETTERS.test(tok) && cps(tok) > 3) typo.set(term, tok);
    });
    if (o.prefix && !/\s$/u.test(q)) {
      var t = q.normalize('NFKC'), ws = words(t, 'en'), x = ws[ws.length - 1];
      if (x && x.index + x.segment.length === t.length && LETTERS.test(x.segment) && !HAN.test(x.segment) && cps(x.segment) > 1) {
        var mine = analyze(x.segment, 'doc'), rest = analyze(t.slice(0, x.index), 'doc');
        last = { tok: lower(x.segment), drop: mine.filter(function (m) { return rest.indexOf(m) < 0; }) };
      } else {
        // or a code being typed ("0x8007" of 0x80070005): its identifier, completed below
        // (after the last Chinese character: "报错0x8007" types 0x8007)
        var ids = t.replace(/^[\s\S]*\p{Script=Han}/u, '').match(IDRE) || [], id = ids[ids.length - 1];
        if (id && t.slice(-id.length) === id && /\p{Nd}/u.test(id) && !HAN.test(id) && cps(id) > 2) {
          var mc = analyze(id, 'doc'), rc = analyze(t.slice(0, t.length - id.length), 'doc');
          code = { id: '#' + lower(id), drop: mc.filter(function (m) { return rc.indexOf(m) < 0; }) };
        }
      }
    }
    return state(lang).then(function (st) {
      return prepare(st, q).then(function () { return st; });
    }).then(function (st) {
      terms = analyze(q, 'query');
      // the terms with the words around a code cut out, used when the query has an indexed code
      var codeTerms = analyze(q, 'query', null, true);
      // and the shards of the pairs of characters that a Chinese character typed alone starts
      var range = [];
      lones = loneChars(q);
      lones.forEach(function (c) { for (var i = shardOf(st, c), e = shardOf(st, c + '\uffff'); i <= e; i++) range.push(i); });
      // 1. the shards of the query terms (and the vocabulary of the word being typed)
      return Promise.all([loadShards(st, terms.concat(codeTerms, code ? [code.id] : []).map(function (term) { return shardOf(st, term); }).concat(range)),
        last ? loadVocab(st, first(last.tok)) : null]).then(function (got) {
        // the words that only the query's indexed error codes give are left out (§2, Codes)
        var parts = codeParts(st, q);
        // and the words written around an indexed code (§2, Codes)
        // (and the Chinese ones cut out like fillers, bigrams across them too)
        if (terms.some(function (x) { return isCode(x) && find(st, x); })) {
          parts = parts.concat(CODE_WORDS);
          terms = codeTerms;
        }
        terms = terms.filter(function (term) { return parts.indexOf(term) < 0; });
        // 2. typo candidates: class-W terms not in the index, from letter-only tokens of 4+ chars;
        //    corrections come from the vocabulary of their first letter
        //    (the word being typed only if no word starts with it: see the type-ahead below)
        var fix = [];
        terms.forEach(function (term, i) {
          var tok = typo.get(term);
          if (o.typos === false || !tok || find(st, term)) return;
          fix.push({ i: i, tok: tok, typing: !!last && last.drop.indexOf(term) >= 0 });
        });
        return Promise.all(fix.map(function (x) { return loadVocab(st, first(terms[x.i])); })).then(function (vs) {
          return { fix: fix, vs: vs, typed: got[1], parts: parts };
        });
      }).then(function (g) {
        var corrected = null, suggested = null, final = terms.slice(), more = [], typing = [];
        function apply(x) {
          // a word corrected to one the query leaves out ("eror 1301") stays out
          final[x.i] = g.parts.indexOf(x.best) < 0 ? x.best : null;
          more.push(x.best);
          (corrected = corrected || {})[x.tok] = x.best;
          (suggested = suggested || {})[x.tok] = x.word;
        }
        g.fix.forEach(function (x, n) {
          // the typed word against each candidate's spellings; the closest spelling is shown
          var a = Array.from(x.tok), k = cps(x.tok) >= 8 ? 2 : 1, best = null, word = null, bd = k + 1, bdf = -1, v = g.vs[n];
          var end = a[a.length - 1];
          for (var j = 0; v && j < v.terms.length; j++) {
            var dist = k + 1, w = null;
            v.forms[j].forEach(function (f) {
              var fa = Array.from(f), d = osa(a, fa, k);
              // of two spellings as close, one that ends as the typed word does
              if (d < dist || (d === dist && w !== null && Array.from(w).pop() !== end && fa[fa.length - 1] === end)) { dist = d; w = f; }
            });
            if (dist <= k && (dist < bd || (dist === bd && v.df[j] > bdf))) { best = v.terms[j]; word = w; bd = dist; bdf = v.df[j]; }
          }
          if (best === null) return;
          var c = { i: x.i, tok: x.tok, best: best, word: word };
          if (x.typing) typing.push(c); else apply(c);
        });
        if (last && g.typed) {
          // type-ahead: the word of letters with a spelling that starts with the typed word, best by
          // df * 0.85^(letters its shortest such spelling adds)
          var tok = last.tok, tv = g.typed, bestT = null, bw = -1;
          for (var p = 0; p < tv.terms.length; p++) {
            var sp = tv.forms[p].filter(function (f) { return f.slice(0, tok.length) === tok; })[0];
            var w = sp === undefined ? -1 : tv.df[p] * Math.pow(0.85, sp.length - tok.length);
            if (w > bw) { bw = w; bestT = tv.terms[p]; }
          }
          if (bestT !== null) {
            final = final.filter(function (term) { return last.drop.indexOf(term) < 0; });
            final.push(bestT);
            more.push(bestT);
            typing = [];
          }
        }
        // a word being typed that no word starts with is corrected as when the search is sent
        // ("sesion" finds what the results page finds for it)
        typing.forEach(apply);
        // a code being typed that is not in the index: the indexed code that starts with it, of
        // the most documents (in the shard that would hold it)
        if (code && !find(st, code.id)) {
          var cs = st.sh[shardOf(st, code.id)], bc = null, bcdf = -1;
          for (var ci = cs ? floor(cs.terms, code.id) + 1 : 0; cs && ci < cs.terms.length && cs.terms[ci].slice(0, code.id.length) === code.id; ci++) {
            if (cs.df[ci] > bcdf) { bcdf = cs.df[ci]; bc = cs.terms[ci]; }
          }
          if (bc !== null) {
            final = final.filter(function (term) {
              return code.drop.indexOf(term) < 0 && (!isCode(bc) || CODE_WORDS.indexOf(term) < 0);
            });
            final.push(bc);
          }
        }
        final = final.filter(function (term) { return term !== null; });
        // a Chinese character typed alone stands for the pairs it starts, the 64 of most documents
        var groups = [], pre = [];
        lones.forEach(function (c) {
          if (final.indexOf(c) < 0) return;
          var cand = [];
          for (var i = shardOf(st, c), e = shardOf(st, c + '\uffff'); i <= e; i++) {
            var sh = st.sh[i];
            if (sh) sh.terms.forEach(function (x, j) { if (x !== c && x.slice(0, c.length) === c) cand.push({ t: x, df: sh.df[j] }); });
          }
          cand.sort(function (a, b) { return b.df - a.df || (a.t < b.t ? -1 : a.t > b.t ? 1 : 0); });
          var group = [c].concat(cand.slice(0, 64).map(function (x) { return x.t; }));
          groups.push(group);
          group.forEach(function (t) { if (final.indexOf(t) < 0 && pre.indexOf(t) < 0) pre.push(t); });
        });
        // synonyms: an alternative whose terms (~ terms aside) all are query terms adds the others'
        var extra = [], uses = [];
        (st.m.syn || []).forEach(function (group) {
          group.forEach(function (alt, a) {
            if (!holds(alt, function (t) { return final.indexOf(t) >= 0; })) return;
            var others = group.filter(function (o, b) { return b !== a; });
            uses.push({ matched: alt, others: others });
            others.forEach(function (other) {
              other.forEach(function (t) { if (final.indexOf(t) < 0 && pre.indexOf(t) < 0 && extra.indexOf(t) < 0) { extra.push(t); more.push(t); } });
            });
          });
        });
        // 3. the shards of the corrected, completed and synonym terms
        return loadShards(st, more.map(function (term) { return shardOf(st, term); })).then(function () {
          return { final: final, corrected: corrected, suggested: suggested, extra: extra, uses: uses, groups: groups, pre: pre };
        });
      }).then(function (g) {
        var final = g.final, corrected = g.corrected, suggested = g.suggested, extra = g.extra;
        final = final.filter(function (term, i) { return final.indexOf(term) === i; });
        // impact sums times squared coverage: summed w = ln(1 + N/df) of the query terms a doc has,
        // plus the weight of a used synonym alternative when it has another, over the query's (max 1)
        var n = st.m.n || 0, sc = new Float64Array(n), cov = new Float64Array(n), seen = new Uint8Array(n), hits = [], total = 0;
        function weight(term) { var h = find(st, term); return h ? Math.log(1 + n / h.sh.df[h.i]) : 0; }
        // a lone character and its pairs count as one term, held by the docs that have any of them
        var heads = g.groups.map(function (grp) { return grp[0]; });
        g.groups.forEach(function (grp) {
          var any = new Uint8Array(n), cnt = 0;
          grp.forEach(function (t) { var h = find(st, t); if (h) postings(h.sh, h.i, function (d) { if (!any[d]) { any[d] = 1; cnt++; } }); });
          var w = cnt ? Math.log(1 + n / cnt) : 0;
          total += w;
          for (var d = 0; d < n; d++) if (any[d]) cov[d] += w;
        });
        final.concat(g.pre, extra).forEach(function (term, k) {
          var h = find(st, term);
          if (!h) return;
          var w = k < final.length && heads.indexOf(term) < 0 ? weight(term) : 0;
          total += w;
          postings(h.sh, h.i, function (d, imp) { if (!seen[d]) { seen[d] = 1; hits.push(d); } sc[d] += imp; cov[d] += w; });
        });
        // a used synonym group weighs as its heaviest alternative (the query's terms count the used
        // one's weight): the total gets the rest, and so does a doc that has the used alternative
        function altWeight(alt) {
          var w = 0;
          alt.filter(function (t, i) { return alt.indexOf(t) === i; }).forEach(function (t) { w += weight(t); });
          return w;
        }
        function addWhereHeld(alt, w) {
          var count = new Uint16Array(n), need = 0;
          alt.filter(function (t, i) { return alt.indexOf(t) === i && t.charAt(0) !== '~'; }).forEach(function (t) {
            need++;
            var h = find(st, t);
            if (h) postings(h.sh, h.i, function (d) { count[d]++; });
          });
          for (var d = 0; need > 0 && d < n; d++) if (count[d] === need) cov[d] += w;
        }
        g.uses.forEach(function (u) {
          var used = altWeight(u.matched), credit = used;
          u.others.forEach(function (other) { credit = Math.max(credit, altWeight(other)); });
          total += credit - used;
          if (credit > used) addWhereHeld(u.matched, credit - used);
          u.others.forEach(function (other) { addWhereHeld(other, credit); });
        });
        hits.forEach(function (d) { var c = total === 0 ? 1 : Math.min(1, cov[d] / total); sc[d] *= c * c; });
        final = final.concat(g.pre, extra);
        var filtered = f.product || f.tag || f.type;
        return (filtered ? need('f' + lang, st.base + st.m.facets) : Promise.resolve(null)).then(function (fc) {
          if (fc) {
            var K = fc.keys;
            hits = hits.filter(function (d) {
              var row = fc.rows[d] || [];
              return (!f.product || K.products[row[0]] === f.product) && (!f.type || K.types[row[1]] === f.type) &&
                (!f.tag || (row[2] || []).some(function (ti) { return K.tags[ti] === f.tag; }));
            });
          }
          hits.sort(function (a, b) { return sc[b] - sc[a] || a - b; });
          var top = hits.slice(0, limit), chunk = st.m.docChunk || 4;
          return Promise.all(top.map(function (d) {
            var c = Math.floor(d / chunk);
            return need('d' + lang + '/' + c, file(st, 'd', c)).then(function (rows) {
              var r = rows[d - c * chunk] || [];
              return { id: r[0], url: cfg.root + r[2], title: r[1], summary: r[3], score: sc[d], excerpt: r[7] || '',
                product: r[4], productName: (st.m.products || {})[r[4]] || r[4] || '', type: r[5],
                typeName: (st.m.types || {})[r[5]] || r[5] || '', tags: r[6] || [], doc: d };
            });
          })).then(function (results) {
            return { results: results, total: hits.length, corrected: corrected, suggested: suggested, terms: final, lang: lang };
          });
        });
      });
    });
  }

  /* ---------------- 4. Highlighting ---------------- */

  /* [start, end) ranges of text whose words produce one of the query terms */
  function matches(text, set) {
    var out = [], re = /\p{Script=Han}+|\P{Script=Han}+/gu, r;
    while ((r = re.exec(text))) {
      var run = r[0], at = r.index;
      if (HAN.test(run)) {
        var c = Array.from(fold(run)), pos = at; // folding keeps each character's length
        for (var i = 0; i < c.length; i++) {
          var two = c[i] + (c[i + 1] || '');
          if (c[i + 1] && set.has(two)) out.push([pos, pos + two.length]);
          else if (set.has(c[i])) out.push([pos, pos + c[i].length]);
          pos += c[i].length;
        }
      } else {
        words(run, 'en').forEach(function (x) {
          if (analyze(x.segment, 'doc').some(function (t) { return set.has(t); })) out.push([at + x.index, at + x.index + x.segment.length]);
        });
        run.replace(IDRE, function (m, i) { if (set.has('#' + m.toLowerCase())) out.push([at + i, at + i + m.length]); });
        out.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
      }
    }
    return out;
  }

  function highlight(el, text, set) {
    text = String(text || '');
    var at = 0;
    matches(text, set).forEach(function (m) {
      if (m[0] < at) { if (m[1] <= at) return; m[0] = at; }
      if (m[0] > at) el.appendChild(D.createTextNode(text.slice(at, m[0])));
      var mk = D.createElement('mark');
      mk.textContent = text.slice(m[0], m[1]);
      el.appendChild(mk);
      at = m[1];
    });
    if (at < text.length) el.appendChild(D.createTextNode(text.slice(at)));
    return el;
  }

  /* ---------------- 5. UI ---------------- */

  var T = {}, live = null, liveTimer = 0;

  function h(tag, cls, text) {
    var e = D.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  /* Fill el with template tpl: {name} is replaced by vars[name] (a string or a DOM node). */
  function fill(el, tpl, vars) {
    String(tpl || '').split(/(\{\w+\})/).forEach(function (p) {
      var v = /^\{\w+\}$/.test(p) ? vars[p.slice(1, -1)] : p;
      if (v == null) v = p;
      el.appendChild(typeof v === 'object' ? v : D.createTextNode(String(v)));
    });
    return el;
  }

  function text(tpl, vars) { return fill(h('span'), tpl, vars).textContent; }

  function countText(n) { return text(n === 1 ? T.resultsOne : T.resultsOther, { count: n }); }

  function announce(msg) {
    if (!live) return;
    clearTimeout(liveTimer);
    liveTimer = setTimeout(function () { live.textContent = ''; setTimeout(function () { live.textContent = msg; }, 50); }, 600);
  }

  function termSet(r) { return new Set(r.terms); }

  function otherLang() {
    return Object.keys(cfg.manifests).filter(function (l) { return l !== cfg.lang; })[0];
  }

  function searchUrl(lang, q) { return cfg.root + lang + '/search/index.html?q=' + encodeURIComponent(q); }

  /* The spelling in the case of the word as typed: all capitals (two letters or more), a capital
     first letter, or as spelled. */
  function cased(typed, spelling) {
    var c = Array.from(typed);
    if (c.length > 1 && typed === typed.toUpperCase() && typed !== typed.toLowerCase()) return spelling.toUpperCase();
    if (UPPER.test(c[0])) { var f = Array.from(spelling); return f[0].toUpperCase() + f.slice(1).join(''); }
    return spelling;
  }

  /* A display form of the corrected query: each corrected word replaced by the spelling of its
     correction that is closest to it, in the case it was typed in. */
  function suggestion(q, r) {
    if (!r.suggested) return null;
    var s = q.normalize('NFKC');
    Object.keys(r.suggested).forEach(function (tok) {
      var rep = r.suggested[tok];
      s = s.replace(new RegExp('(^|[^\\p{L}])(' + tok.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + ')(?![\\p{L}])', 'giu'),
        function (m, pre, typed) { return pre + cased(typed, rep); });
    });
    return s;
  }

  /* Header and home search: results as you type in an ARIA combobox listbox. */
  function combo(input) {
    var form = input.form, id = input.id + '-listbox', seq = 0, active = -1, opts = [];
    var box = h('div', 'search-popup'), list = h('ul', 'search-options'), note = h('p', 'search-popup-note');
    box.hidden = true; note.hidden = true;
    list.id = id;
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', T.suggestionsLabel || '');
    box.appendChild(note); box.appendChild(list);
    form.classList.add('has-popup');
    input.parentNode.appendChild(box);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', id);
    input.setAttribute('aria-expanded', 'false');
    box.addEventListener('mousedown', function (e) { e.preventDefault(); }); // keep focus in the input

    function open(on) {
      box.hidden = !on;
      input.setAttribute('aria-expanded', on ? 'true' : 'false');
      if (!on) select(-1);
    }
    function select(i) {
      if (opts[active]) opts[active].setAttribute('aria-selected', 'false');
      active = i;
      if (opts[i]) {
        opts[i].setAttribute('aria-selected', 'true');
        input.setAttribute('aria-activedescendant', opts[i].id);
        if (opts[i].scrollIntoView) opts[i].scrollIntoView({ block: 'nearest' });
      } else input.removeAttribute('aria-activedescendant');
    }
    function option(href, cls, i) {
      var li = h('li'), a = h('a', 'search-option ' + cls);
      li.setAttribute('role', 'none');
      a.href = href; a.id = id + '-' + i; a.tabIndex = -1;
      a.setAttribute('role', 'option'); a.setAttribute('aria-selected', 'false');
      li.appendChild(a); list.appendChild(li); opts.push(a);
      return a;
    }
    function say(msg) { note.textContent = msg; note.hidden = !msg; }
    function run() {
      var q = input.value, my = ++seq;
      if (!q.trim()) { open(false); return; }
      search(q, { limit: 8, prefix: true }).then(function (r) {
        if (my !== seq) return;
        list.textContent = ''; opts = []; active = -1;
        input.removeAttribute('aria-activedescendant');
        var set = termSet(r);
        r.results.forEach(function (x, i) {
          var a = option(x.url, '', i);
          highlight(a.appendChild(h('span', 'search-option-title')), x.title, set);
          var meta = [x.productName, x.typeName].filter(Boolean).join(' · ');
          if (meta) a.appendChild(h('span', 'search-option-meta', meta));
        });
        say(r.total ? '' : text(T.noResults, { query: q.trim() }));
        if (r.total) option(form.getAttribute('action') + '?q=' + encodeURIComponent(q), 'search-option--all', r.results.length)
          .textContent = text(T.seeAll, { query: q.trim(), count: r.total });
        open(true);
        announce(r.total ? countText(r.total) : note.textContent);
      }, function () {
        if (my !== seq) return;
        list.textContent = ''; opts = [];
        say(T.error || '');
        open(true);
      });
    }
    /* An input method's composition (pinyin before it becomes Chinese) is not yet the query:
       the search runs when the text is committed. */
    input.addEventListener('input', function (e) { if (!e.isComposing) run(); });
    input.addEventListener('compositionend', run);
    input.addEventListener('focus', function () { preload().catch(function () {}); if (input.value.trim() && box.hidden) run(); });
    input.addEventListener('blur', function () { open(false); });
    input.addEventListener('keydown', function (e) {
      if (e.isComposing || e.keyCode === 229) return; // IME composition (Chinese input)
      var k = e.key, n = opts.length;
      if (k === 'ArrowDown' || k === 'ArrowUp') {
        e.preventDefault();
        if (box.hidden) { run(); return; }
        if (n) select(k === 'ArrowDown' ? (active + 1) % n : (active <= 0 ? n - 1 : active - 1));
      } else if (k === 'Enter') {
        if (!box.hidden && opts[active]) { e.preventDefault(); W.location.href = opts[active].href; }
      } else if (k === 'Escape') {
        if (!box.hidden) { e.preventDefault(); open(false); }
      } else if (k === 'Tab') open(false);
    });
  }

  /* The results page: ?q=&product=&tag=&type=, filters, live status, no-results suggestions. */
  function page(input) {
    var byId = function (x) { return D.getElementById(x); };
    var res = byId('search-results'), status = byId('search-status'), empty = byId('search-empty');
    var suggest = byId('search-suggest'), other = byId('search-other-lang'), clear = byId('search-clear-filters');
    var filters = byId('search-filters'), seq = 0, timer = 0, sel = {}, ready = false;
    var params = new URLSearchParams(W.location.search);
    ['product', 'tag', 'type'].forEach(function (k) { sel[k] = byId('search-filter-' + k); });
    input.value = params.get('q') || '';

    /* The language switch leads to the other language's results for the same words. */
    var switches = Array.prototype.filter.call(D.querySelectorAll('.lang-switch a[hreflang]'), function (a) {
      return !a.hasAttribute('aria-current') && /\/search\/index\.html$/.test(a.getAttribute('href'));
    });
    switches.forEach(function (a) { a.setAttribute('data-search-href', a.getAttribute('href')); });
    function switchLanguage(q) {
      switches.forEach(function (a) {
        var base = a.getAttribute('data-search-href');
        a.setAttribute('href', q.trim() ? base + '?q=' + encodeURIComponent(q) : base);
      });
    }
    function value(k) { return ready && sel[k] ? sel[k].value : params.get(k) || ''; }
    function setStatus(msg) { if (status) status.textContent = msg; }
    function show(el, on) { if (el) el.hidden = !on; }
    function update() {
      var q = input.value, f = { product: value('product'), tag: value('tag'), type: value('type') }, my = ++seq;
      var u = new URLSearchParams();
      if (q) u.set('q', q);
      Object.keys(f).forEach(function (k) { if (f[k]) u.set(k, f[k]); });
      params = u;
      try { W.history.replaceState(null, '', '?' + u); } catch (e) { /* some browsers refuse it on file:// */ }
      switchLanguage(q);
      show(suggest, false); show(other, false); show(empty, false);
      if (!q.trim()) { res.textContent = ''; setStatus(''); return; }
      setStatus(T.loading || '');
      // a code typed in part ("0x8007", the last word, with a digit) is completed as in the box,
      // whose "see all" leads here: the search sent finds what the box showed
      search(q, { limit: 50, filters: f, prefix: /\p{Nd}\S*$/u.test(q) }).then(function (r) {
        if (my !== seq) return;
        res.textContent = '';
        var set = termSet(r), s = suggestion(q, r), list = h('ol', 'search-result-list');
        r.results.forEach(function (x) {
          var li = h('li', 'search-result'), ttl = h('h2', 'search-result-title'), a = h('a'), meta = h('p', 'search-result-meta');
          a.href = x.url;
          ttl.appendChild(highlight(a, x.title, set));
          li.appendChild(ttl);
          if (x.productName) meta.appendChild(h('span', 'badge badge--product', x.productName));
          if (x.typeName) meta.appendChild(h('span', 'badge badge--type badge--type-' + x.type, x.typeName));
          if (meta.firstChild) li.appendChild(meta);
          li.appendChild(highlight(h('p', 'search-result-excerpt'), x.excerpt || x.summary, set));
          list.appendChild(li);
        });
        if (r.results.length) res.appendChild(list);
        setStatus(r.total ? countText(r.total) : text(T.noResults, { query: q.trim() }));
        if (s && suggest && s !== q) {
          var link = h('a', '', s), su = new URLSearchParams(u);
          su.set('q', s); // the same filters, the corrected words
          link.href = '?' + su;
          suggest.textContent = '';
          fill(suggest, T.didYouMean, { suggestion: link });
          show(suggest, true);
        }
        // The other language is offered when nothing was found here, or when words had to be
        // corrected that it has as typed (English words on the Chinese site are no typos of the
        // English the Chinese articles happen to have).
        var fixed = r.corrected ? Object.keys(r.corrected) : [];
        if (r.total && !fixed.length) return;
        if (!r.total) {
          show(empty, true);
          show(clear, !!(f.product || f.tag || f.type));
        }
        var ol = otherLang();
        if (ol && other && !(f.product || f.tag || f.type)) {
          Promise.all(fixed.map(function (w) { return search(w, { lang: ol, limit: 1, typos: false }); }))
            .then(function (rs) {
              if (!rs.every(function (x) { return x.total > 0; })) return null;
              return search(q, { lang: ol, limit: 1, typos: !fixed.length });
            })
            .then(function (o2) {
              if (!o2 || my !== seq || !o2.total) return;
              var link = h('a', '', T.otherLangLink || ol);
              link.href = searchUrl(ol, q);
              link.hreflang = ol;
              other.textContent = '';
              fill(other, T.otherLang, { count: o2.total, link: link });
              show(other, true);
            }, function () {});
        }
      }, function () {
        if (my === seq) setStatus(T.error || '');
      });
    }

    input.form.addEventListener('submit', function (e) {
      e.preventDefault(); clearTimeout(timer); update();
      // On a touch screen the keyboard would stay over the results.
      if (W.matchMedia && W.matchMedia('(pointer: coarse)').matches) input.blur();
    });
    function later() { clearTimeout(timer); timer = setTimeout(update, 200); }
    input.addEventListener('input', function (e) { if (!e.isComposing) later(); });
    input.addEventListener('compositionend', later);
    if (clear) clear.addEventListener('click', function () {
      Object.keys(sel).forEach(function (k) { if (sel[k]) sel[k].value = ''; });
      params = new URLSearchParams(input.value ? { q: input.value } : {});
      // the button hides with the empty state: the focus goes to the first filter, before the
      // results, rather than to the page
      var to = Object.keys(sel).map(function (k) { return sel[k]; })
        .filter(function (s) { return s && !s.parentNode.hidden; })[0] || input;
      to.focus();
      update();
    });
    state(cfg.lang).then(function (st) {
      var names = { product: st.m.products, tag: st.m.tags, type: st.m.types }, any = false, dropped = false;
      Object.keys(sel).forEach(function (k) {
        var s = sel[k], map = names[k] || {}, keys = Object.keys(map);
        if (!s) return;
        keys.forEach(function (key) { var op = h('option', '', map[key]); op.value = key; s.appendChild(op); });
        s.value = params.get(k) || '';
        // a filter in the address that this language does not offer is dropped, not applied unseen
        if (s.value !== (params.get(k) || '')) dropped = true;
        if (!keys.length) s.parentNode.hidden = true; else any = true;
        s.addEventListener('change', update);
      });
      ready = true;
      if (filters && any) filters.hidden = false;
      if (dropped) update();
    }).catch(function () {});
    preload().catch(function () {});
    if (input.value.trim()) update();
  }

  function initUI() {
    live = D.getElementById('kbgen-live');
    ['search-input', 'home-search'].forEach(function (x) {
      var i = D.getElementById(x);
      if (i && i.form) combo(i);
    });
    var p = D.getElementById('search-page-input');
    if (p && p.form && D.getElementById('search-results')) page(p);
  }

  /* ---------------- 6. Setup and public API ---------------- */

  function configure(o) {
    Object.keys(o || {}).forEach(function (k) { cfg[k] = o[k]; });
    return cfg;
  }

  var me = D && (D.currentScript || (D.querySelector && D.querySelector('script[data-manifests]')));
  if (me && me.getAttribute) {
    T = me.dataset || {};
    cfg.root = me.getAttribute('data-root') || '';
    cfg.lang = me.getAttribute('data-lang') || cfg.lang;
    try { cfg.manifests = JSON.parse(me.getAttribute('data-manifests') || '{}'); } catch (e) { cfg.manifests = {}; }
  }

  W.kbgen = W.kbgen || {};
  W.kbgen.search = search;
  W.kbgen.analyze = function (text, mode) { return analyze(text, mode === 'query' ? 'query' : 'doc'); };
  W.kbgen.stem = stem;
  W.kbgen.preload = preload;
  W.kbgen.configure = configure;
  W.kbgen.prepare = function (lang, text) { return state(lang).then(function (st) { return prepare(st, text); }); };
  W.kbgen.highlight = highlight;

  if (D && D.getElementById) {
    if (D.readyState === 'loading') D.addEventListener('DOMContentLoaded', initUI);
    else initUI();
  }
}(typeof window !== 'undefined' ? window : this));
