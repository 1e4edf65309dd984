/*
 * The site's search (index: scripts/papersite/search/). Loaded by site.js when the search box is first
 * used; loads the manifest (search/meta.js) at the first query, then only the gram shards (g/N.js) of
 * each query and the text chunks (t/N.js) of the results on screen. Every data file is a script that
 * calls __papersiteSearch.add(name, data), so this works from file:// as well as under any sub-path.
 *
 * Matching is exact on folded text (Traditional -> Simplified per character, case, width, accents):
 * a passage is a result when it contains the folded query, found from the positions of the query's
 * character pairs and Latin words (a word of the query is a prefix of a word of the text). Names (concept terms, aliases, other script, English, pinyin; paper titles and
 * authors) put their page first. Everything shown is set as text (textContent, DOM nodes).
 */
(function () {
  "use strict";
  var box = document.querySelector(".papersite-search");
  if (!box || window.__papersiteSearchEngine) return;
  window.__papersiteSearchEngine = true;
  var ROOT = box.getAttribute("data-search-root"), BASE = ROOT.replace(/search\/$/, "");
  var input = box.querySelector(".md-search__input");
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var toggle = document.getElementById("__search");
  var LANG = document.documentElement.lang === "en" ? "en" : (document.documentElement.lang === "zh-Hant" ? "zh-Hant" : "zh-Hans");
  var T = {
    "zh-Hans": {hint: "输入要查找的字词", wait: "正在搜索…", none: "没有段落包含“%q”。", partial: "没有段落包含“%q”。以下是部分匹配（“%p”），不是完整结果：",
      count: "%n 处匹配，共 %p 个页面", name: "名称匹配", more: "本页另有 %n 处", next: "显示更多页面（还有 %n 个）",
      types: {paper: "论文", concept: "概念", guide: "阅读指南", teaching: "教学", page: "页面"}, hits: "%n 处", failed: "搜索数据加载失败"},
    "zh-Hant": {hint: "輸入要查找的字詞", wait: "正在搜尋…", none: "沒有段落包含「%q」。", partial: "沒有段落包含「%q」。以下是部分匹配（「%p」），不是完整結果：",
      count: "%n 處匹配，共 %p 個頁面", name: "名稱匹配", more: "本頁另有 %n 處", next: "顯示更多頁面（還有 %n 個）",
      types: {paper: "論文", concept: "概念", guide: "閱讀指南", teaching: "教學", page: "頁面"}, hits: "%n 處", failed: "搜尋資料載入失敗"},
    "en": {hint: "Type a word or phrase", wait: "Searching…", none: "No passage contains “%q”.", partial: "No passage contains “%q”. Partial matches (“%p”), not the full phrase:",
      count: "%n matches on %p pages", name: "Name match", more: "%n more on this page", next: "Show more pages (%n more)",
      types: {paper: "Paper", concept: "Concept", guide: "Reading guide", teaching: "Teaching", page: "Page"}, hits: "%n", failed: "The search data could not be loaded"}
  }[LANG];
  var GROUPS = 10, PER_GROUP = 3;
  var KIND_WEIGHT = {t: 8, h: 4, p: 2, n: 1, x: 1.5};
  // site.js may have created the registry and requested meta.js alongside this file (one round trip, not two).
  var S = window.__papersiteSearch = window.__papersiteSearch || {files: {}, waiting: {}};
  S.files = S.files || {};
  S.waiting = S.waiting || {};
  S.failed = S.failed || {};
  S.add = function (name, data) {
    S.files[name] = data;
    (S.waiting[name] || []).forEach(function (w) { w[0](data); });
    delete S.waiting[name];
  };
  var loading = {};
  function load(name) {
    if (S.files[name]) return Promise.resolve(S.files[name]);
    if (loading[name]) return loading[name];
    var requested = S.requested && S.requested[name];
    if (requested) delete S.requested[name];
    return (loading[name] = new Promise(function (ok, fail) {
      (S.waiting[name] = S.waiting[name] || []).push([ok, fail]);
      if (requested && !S.failed[name]) {   // already on its way (site.js): wait for it, or for its failure
        requested.addEventListener("error", function () { delete loading[name]; fail(new Error(name)); });
        return;
      }
      var s = document.createElement("script");
      s.src = ROOT + name + ".js";
      s.async = true;
      s.onerror = function () { delete loading[name]; fail(new Error(name)); };
      document.head.appendChild(s);
    }));
  }

  // ---- folding (scripts/papersite/search/fold.py does the same) -------------------------------------
  var FOLD = null, M = null, NAMES = null;
  var SPACE_LIKE = /^[ \t\n\r\f\v\u00a0\u200b\u3000!-\/:-@\[-`{-~]$/;
  var HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
  function foldChar(c) {
    var t = FOLD[c];
    if (t) c = t;
    var cp = c.codePointAt(0);
    if (cp >= 0xFF01 && cp <= 0xFF5E) { c = String.fromCharCode(cp - 0xFEE0); cp = c.charCodeAt(0); }
    if (cp >= 0xC0 && cp <= 0x24F) { var b = c.normalize("NFD")[0]; if (/[A-Za-z]/.test(b)) c = b; }
    if (c >= "A" && c <= "Z") c = c.toLowerCase();
    return SPACE_LIKE.test(c) ? " " : c;
  }
  function fold(text) { var out = ""; for (var ch of text) out += foldChar(ch); return out; }
  function isWord(c) { return /^[a-z0-9]$/i.test(c); }
  function queryForm(raw) {
    var q = raw.replace(/[\s\u3000]+/g, " ").trim();
    q = q.replace(/([\u3400-\u9fff\uf900-\ufaff]) (?=[\u3400-\u9fff\uf900-\ufaff])/g, "$1");
    return fold(q).replace(/^ +| +$/g, "");
  }
  function nameKey(text) { return fold(text).replace(/ /g, ""); }

  function hash(gram) {
    var h = 0x811C9DC5;
    for (var ch of gram) h = Math.imul(h ^ ch.codePointAt(0), 0x01000193) >>> 0;
    return h;
  }

  function init() {
    return load("meta").then(function (m) {
      if (M) return M;
      M = m;
      FOLD = Object.create(null);
      var pairs = Array.from(m.fold);
      for (var i = 0; i + 1 < pairs.length; i += 2) FOLD[pairs[i]] = pairs[i + 1];
      NAMES = m.names.map(function (n) {
        return {page: n[0], kind: n[1], forms: n[2], keys: n[2].map(nameKey)};
      });
      return M;
    });
  }

  // ---- postings -------------------------------------------------------------------------------------
  var parsed = {};
  function postings(gram) {
    if (parsed[gram]) return Promise.resolve(parsed[gram]);
    return load("g/" + (hash(gram) % M.shards)).then(function (shard) {
      // pid -> its positions, still as text: a common gram's long list is only scanned for its passages;
      // positions are read (positionsOf) for the passages that hold every gram of the query.
      var map = new Map(), text = shard[gram] || "", pid = 0, at = 0;
      while (at < text.length) {
        var colon = text.indexOf(":", at), end = text.indexOf(";", colon);
        if (end < 0) end = text.length;
        pid += +text.slice(at, colon);
        map.set(pid, text.slice(colon + 1, end));
        at = end + 1;
      }
      return (parsed[gram] = map);
    });
  }

  function positionsOf(list, pid) {
    var v = list.get(pid);
    if (typeof v !== "string") return v;
    var pos = v.split(","), at = 0, arr = new Array(pos.length);
    for (var i = 0; i < pos.length; i++) { at += +pos[i]; arr[i] = at; }
    list.set(pid, arr);
    return arr;
  }

  function covering(chars) {
    // (gram, offset) pairs whose presence at consecutive offsets means the query is there
    // (scripts/papersite/search/index.py, grams_at). A Latin word of the query starts a word of the text
    // (the query's first one by the rule, the others after a character that is not a letter), so it is
    // one gram, ^ + the word, the prefix of the text's word; every other character is covered by a pair
    // with its neighbour (never two letters, nor two spaces) or, failing that, by itself.
    var need = [], covered = [], n = chars.length, i, j;
    for (i = 0; i < n; i = j) {
      for (j = i; j < n && isWord(chars[j]); j++) covered[j] = true;
      if (j > i) need.push(["^" + chars.slice(i, j).join(""), i]);
      else j = i + 1;
    }
    function pair(a) { return a >= 0 && a + 1 < n && chars[a] + chars[a + 1] !== "  " && !(isWord(chars[a]) && isWord(chars[a + 1])); }
    for (i = 0; i < n; i++) {
      if (covered[i]) continue;
      if (pair(i)) { need.push([chars[i] + chars[i + 1], i]); covered[i + 1] = true; }
      else if (pair(i - 1)) need.push([chars[i - 1] + chars[i], i - 1]);
      else if (chars[i] !== " ") need.push([chars[i], i]);
    }
    return need;
  }

  function has(sorted, x) {
    var lo = 0, hi = sorted.length - 1;
    while (lo <= hi) { var mid = (lo + hi) >> 1; if (sorted[mid] === x) return true; if (sorted[mid] < x) lo = mid + 1; else hi = mid - 1; }
    return false;
  }

  function match(q) {
    // pid -> number of occurrences of the folded query q.
    var chars = Array.from(q), need = covering(chars);
    return Promise.all(need.map(function (n) { return postings(n[0]); })).then(function (lists) {
      var order = lists.map(function (_, i) { return i; }).sort(function (a, b) { return lists[a].size - lists[b].size; });
      var first = order[0], hits = new Map();
      lists[first].forEach(function (_, pid) {
        for (var k = 1; k < order.length; k++) if (!lists[order[k]].has(pid)) return;
        var count = 0, positions = positionsOf(lists[first], pid);
        for (var i = 0; i < positions.length; i++) {
          var start = positions[i] - need[first][1], ok = true;
          for (var j = 0; j < need.length && ok; j++) {
            if (j !== first) ok = has(positionsOf(lists[j], pid), start + need[j][1]);
          }
          if (ok) count++;
        }
        if (count) hits.set(pid, count);
      });
      return hits;
    });
  }

  // ---- names ----------------------------------------------------------------------------------------
  function nameHits(q) {
    var key = q.replace(/ /g, ""), out = new Map(), han = HAN.test(key);
    if (!key) return out;
    NAMES.forEach(function (n) {
      var best = 0, form = null;
      n.keys.forEach(function (k, i) {
        var s = 0;
        if (k === key) s = n.kind === "concept" ? 1010 : 1000;
        else if (key.length >= 2 && k.indexOf(key) === 0 && (han || key.length >= 3)) s = n.kind === "concept" ? 510 : 500;
        else if (n.kind === "paper" && key.length >= (han ? 4 : 6) && k.indexOf(key) > 0) s = 20;
        if (s > best) { best = s; form = n.forms[i]; }
      });
      if (best && (!out.has(n.page) || out.get(n.page).score < best)) out.set(n.page, {score: best, form: form});
    });
    return out;
  }

  // A page the query names comes first: the text chunk that opens it (its title and first passages, the
  // passages ranked first) is requested along with the posting lists, not after them.
  function prefetchNamed(named) {
    var best = 0, pages = [], chunks = [];
    named.forEach(function (n, p) {
      if (n.score > best) { best = n.score; pages = [p]; }
      else if (n.score === best) pages.push(p);
    });
    // Two chunks: the first two of a page (a concept page has about two), or the first of two pages.
    pages.slice(0, 2).forEach(function (p) {
      var page = M.pages[p], c = chunkOf(page[3]);
      if (!page[4]) return;
      chunks.push(c);
      if (pages.length === 1 && c + 1 < M.chunks.length && M.chunks[c + 1] < page[3] + page[4].length) chunks.push(c + 1);
    });
    chunks.forEach(function (c) { load("t/" + c).catch(function () { /* requested again when shown */ }); });
  }

  // ---- ranking --------------------------------------------------------------------------------------
  function pageOf(pid) {
    var pages = M.pages, lo = 0, hi = pages.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (pages[mid][3] <= pid) lo = mid; else hi = mid - 1; }
    return lo;
  }
  function chunkOf(pid) {
    var c = M.chunks, lo = 0, hi = c.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (c[mid] <= pid) lo = mid; else hi = mid - 1; }
    return lo;
  }

  function rank(hits, names) {
    var groups = new Map();
    hits.forEach(function (count, pid) {
      var p = pageOf(pid), page = M.pages[p], kind = page[4].charAt(pid - page[3]);
      var g = groups.get(p);
      if (!g) groups.set(p, g = {page: p, passages: [], count: 0, score: 0});
      g.passages.push({pid: pid, count: count, score: (KIND_WEIGHT[kind] || 1) * (1 + Math.log(count))});
      g.count += count;
    });
    names.forEach(function (n, p) {
      var g = groups.get(p);
      if (!g) groups.set(p, g = {page: p, passages: [], count: 0, score: 0});
      g.name = n;
    });
    var out = [];
    groups.forEach(function (g) {
      g.passages.sort(function (a, b) { return b.score - a.score || a.pid - b.pid; });
      var best = g.passages.length ? g.passages[0].score : 0;
      g.score = (g.name ? g.name.score : 0) + best + 0.5 * Math.log(1 + g.passages.length);
      out.push(g);
    });
    out.sort(function (a, b) { return b.score - a.score || a.page - b.page; });
    return out;
  }

  // ---- partial matches ------------------------------------------------------------------------------
  function partial(q) {
    var chars = Array.from(q);
    if (isWord(chars[0]) || / /.test(q)) {
      var words = q.split(" ").filter(function (w) { return w.length >= 2; });
      if (words.length < 2) return Promise.resolve(null);
      return Promise.all(words.map(match)).then(function (all) {
        var merged = new Map(), used = [];
        all.forEach(function (h, i) { if (h.size) used.push(words[i]); h.forEach(function (c, pid) { merged.set(pid, (merged.get(pid) || 0) + c); }); });
        return merged.size ? {hits: merged, parts: used} : null;
      });
    }
    var min = chars.length === 2 ? 1 : 2;
    function tryLength(n) {
      if (n < min) return Promise.resolve(null);
      var subs = [];
      for (var i = 0; i + n <= chars.length; i++) {
        var s = chars.slice(i, i + n).join("");
        if (s.trim().length === n && subs.indexOf(s) < 0) subs.push(s);
      }
      return Promise.all(subs.map(match)).then(function (all) {
        var merged = new Map(), used = [];
        all.forEach(function (h, i) { if (h.size) used.push(subs[i]); h.forEach(function (c, pid) { merged.set(pid, (merged.get(pid) || 0) + c); }); });
        return merged.size ? {hits: merged, parts: used, needles: used} : tryLength(n - 1);
      });
    }
    return tryLength(chars.length - 1);
  }

  // ---- rendering ------------------------------------------------------------------------------------
  function fmt(s, vals) { return s.replace(/%(\w)/g, function (_, k) { return vals[k]; }); }
  // On en/ pages, Chinese in a result (a snippet, a title, a name) is marked as such: each run of Chinese
  // text is a <span lang="zh-Hans"> (or zh-Hant when it has Traditional characters), so that screen
  // readers and fonts treat it as Chinese. Still text only.
  var CJK_RUN = /[\u2e80-\u303f\u3400-\u9fff\uf900-\ufaff\uff01-\uff5e]+/g;
  function chineseLang(run) {
    for (var ch of run) if (FOLD && FOLD[ch] && HAN.test(ch)) return "zh-Hant";
    return "zh-Hans";
  }
  function addText(parent, text) {
    if (LANG !== "en" || !HAN.test(text)) { parent.appendChild(document.createTextNode(text)); return parent; }
    var at = 0, m;
    CJK_RUN.lastIndex = 0;
    while ((m = CJK_RUN.exec(text))) {
      if (!HAN.test(m[0])) continue;
      if (m.index > at) parent.appendChild(document.createTextNode(text.slice(at, m.index)));
      var span = document.createElement("span");
      span.lang = chineseLang(m[0]);
      span.textContent = m[0];
      parent.appendChild(span);
      at = m.index + m[0].length;
    }
    if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
    return parent;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) addText(e, String(text));
    return e;
  }
  function url(page, anchor) { return BASE + M.pages[page][0] + (anchor ? "#" + anchor : ""); }

  function occurrences(text, needles) {
    // [start, end) of every match of any needle in the displayed text (found on its folded form).
    var folded = "", map = [];
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i);
      folded += (c >= "\ud800" && c <= "\udfff") ? c : foldChar(c);
      map.push(i);
    }
    var out = [];
    needles.forEach(function (n) {
      var from = 0, at;
      while ((at = folded.indexOf(n, from)) >= 0) {
        if (!isWord(n.charAt(0)) || at === 0 || !isWord(folded.charAt(at - 1))) out.push([at, at + n.length]);
        from = at + 1;
      }
    });
    return out.sort(function (a, b) { return a[0] - b[0]; });
  }

  function snippet(text, needles) {
    var p = el("p", "papersite-search__snippet"), spans = occurrences(text, needles);
    var start = 0, end = Math.min(text.length, 120);
    if (spans.length) {
      start = Math.max(0, spans[0][0] - 30);
      end = Math.min(text.length, Math.max(spans[0][1] + 80, start + 120));
    }
    if (start > 0) p.appendChild(document.createTextNode("…"));
    var at = start;
    spans.forEach(function (s) {
      if (s[0] < at || s[1] > end) return;
      addText(p, text.slice(at, s[0]));
      p.appendChild(el("mark", null, text.slice(s[0], s[1])));
      at = s[1];
    });
    addText(p, text.slice(at, end) + (end < text.length ? "…" : ""));
    return p;
  }

  function passageItems(group, from, to, needles) {
    var wanted = group.passages.slice(from, to);
    var chunks = {};
    wanted.forEach(function (w) { chunks[chunkOf(w.pid)] = true; });
    return Promise.all(Object.keys(chunks).map(function (c) { return load("t/" + c); })).then(function () {
      return wanted.map(function (w) {
        var c = chunkOf(w.pid), data = S.files["t/" + c], i = w.pid - M.chunks[c];
        var a = el("a", "md-search-result__link papersite-search__passage");
        a.href = url(group.page, data.a[i]);
        a.setAttribute("data-pid", w.pid);
        var article = el("article", "md-search-result__article md-typeset");
        var label = data.l[i];
        var p = snippet(data.x[i], needles);
        if (label) p.insertBefore(el("span", "papersite-search__address", label + " "), p.firstChild);
        article.appendChild(p);
        a.appendChild(article);
        return a;
      });
    });
  }

  function renderGroup(group, needles) {
    var page = M.pages[group.page];
    var li = el("li", "md-search-result__item papersite-search__group");
    var head = el("a", "md-search-result__link");
    head.href = url(group.page, "");
    var article = el("article", "md-search-result__article md-search-result__article--document md-typeset");
    article.appendChild(el("h1", null, page[1]));
    var info = (T.types[page[2]] || T.types.page) + (group.count ? " · " + fmt(T.hits, {n: group.count}) : "");
    if (group.name) info += " · " + T.name + ": " + group.name.form;
    article.appendChild(el("p", "papersite-search__info", info));
    head.appendChild(article);
    li.appendChild(head);
    return passageItems(group, 0, PER_GROUP, needles).then(function (items) {
      items.forEach(function (a) { li.appendChild(a); });
      var rest = group.passages.length - PER_GROUP;
      if (rest > 0) {
        var more = el("button", "md-search-result__more papersite-search__more", fmt(T.more, {n: rest}));
        more.type = "button";
        more.addEventListener("click", function () {
          more.disabled = true;
          passageItems(group, PER_GROUP, group.passages.length, needles).then(function (all) {
            all.forEach(function (a) { li.insertBefore(a, more); });
            more.remove();
          });
        });
        li.appendChild(more);
      }
      return li;
    });
  }

  var shown = null;
  function renderGroups(from, first) {
    // Each page of results is shown as soon as its text chunks are there and the pages ranked above it
    // are shown: the first result does not wait for the tenth. ``first`` is called after the first one.
    var state = shown, slice = state.groups.slice(from, from + GROUPS);
    // The first screen appears page by page; "more pages" (from > 0) adds its pages together. The
    // best-ranked page's text chunks are requested alone, the others' once it is shown: the first result's
    // few small files do not queue behind twenty others (six connections per host, one main thread).
    var pending, release, released = new Promise(function (ok) { release = ok; });
    if (from) pending = [Promise.all(slice.map(function (g) { return renderGroup(g, state.needles); }))];
    else pending = slice.map(function (g, i) {
      return i ? released.then(function () { return renderGroup(g, state.needles); }) : renderGroup(g, state.needles);
    });
    var chain = Promise.resolve();
    pending.forEach(function (item, i) {
      chain = chain.then(function () { return item; }).then(function (li) {
        if (shown !== state) return;
        if (i === 0) {
          var old = list.querySelector(".papersite-search__next");
          if (old) old.parentNode.remove();
        }
        [].concat(li).forEach(function (item) { list.appendChild(item); });
        if (i === 0 && first) first();
        if (i === 0) release();
      });
    });
    return chain.then(function () {
      if (shown !== state) return;
      if (!slice.length && first) first();
      var left = state.groups.length - from - GROUPS;
      if (left > 0) {
        var li = el("li", "md-search-result__item"), next = el("button", "md-search-result__more papersite-search__next", fmt(T.next, {n: left}));
        next.type = "button";
        next.addEventListener("click", function () { next.disabled = true; renderGroups(from + GROUPS); });
        li.appendChild(next);
        list.appendChild(li);
      }
    });
  }

  var sequence = 0;
  function run() {
    // S.timing (scripts/benchmark.py): where the time of the last query went, in ms from its start:
    // manifest there, posting lists there, matches ranked, first result shown, all results shown.
    var raw = input.value, mine = ++sequence, t0 = performance.now(), timing = {};
    function mark(k) { timing[k] = Math.round((performance.now() - t0) * 10) / 10; }
    if (!raw.trim()) { shown = null; list.textContent = ""; meta.textContent = T.hint; box.removeAttribute("data-search-state"); return Promise.resolve(); }
    box.setAttribute("data-search-state", "busy");
    box.removeAttribute("data-search-first");
    return init().then(function () {
      mark("manifest_ms");
      var q = queryForm(raw);
      if (!q) return null;
      var named = nameHits(q), matching = match(q);   // the posting lists are requested first
      prefetchNamed(named);
      return matching.then(function (hits) {
        mark("postings_ms");
        var names = HAN.test(q) ? new Map() : named;
        if (HAN.test(q)) named.forEach(function (n, p) {
          // A Chinese name only reorders pages that contain it (every result contains the query).
          var page = M.pages[p], has = false;
          hits.forEach(function (_, pid) { if (pid >= page[3] && pid < page[3] + page[4].length) has = true; });
          if (has) names.set(p, n);
        });
        if (hits.size || names.size) return {q: q, groups: rank(hits, names), needles: [q], partial: null};
        return partial(q).then(function (part) {
          return {q: q, groups: part ? rank(part.hits, new Map()) : [], needles: part ? part.parts : [], partial: part};
        });
      });
    }).then(function (result) {
      if (mine !== sequence) return;
      mark("ranked_ms");
      list.textContent = "";
      if (!result) { meta.textContent = T.hint; box.removeAttribute("data-search-state"); return; }
      var total = 0;
      result.groups.forEach(function (g) { total += g.count; });
      if (result.partial) { meta.textContent = ""; addText(meta, fmt(T.partial, {q: raw.trim(), p: result.partial.parts.join("”“")})); }
      else if (!result.groups.length) { meta.textContent = ""; addText(meta, fmt(T.none, {q: raw.trim()})); }
      else meta.textContent = fmt(T.count, {n: total, p: result.groups.length});
      box.setAttribute("data-search-result", result.partial ? "partial" : (result.groups.length ? "exact" : "none"));
      shown = result;
      return renderGroups(0, function () {
        mark("first_ms");
        if (mine === sequence) box.setAttribute("data-search-first", "shown");
      }).then(function () {
        mark("done_ms");
        S.timing = timing;
        if (mine === sequence) box.setAttribute("data-search-state", "done");
      });
    }).catch(function () {
      if (mine !== sequence) return;
      meta.textContent = T.failed;
      box.setAttribute("data-search-state", "done");
    });
  }

  // ---- interaction ----------------------------------------------------------------------------------
  var timer = null;
  input.addEventListener("input", function () { run(); });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      ev.preventDefault();
      var first = list.querySelector("a[href]");
      if (first) first.click();
    } else if (ev.key === "ArrowDown") {
      var a = list.querySelector("a[href], button");
      if (a) { ev.preventDefault(); a.focus(); }
    }
  });
  list.addEventListener("keydown", function (ev) {
    if (ev.key !== "ArrowDown" && ev.key !== "ArrowUp") return;
    var items = Array.prototype.slice.call(list.querySelectorAll("a[href], button:not([disabled])"));
    var i = items.indexOf(document.activeElement);
    if (i < 0) return;
    ev.preventDefault();
    if (ev.key === "ArrowUp" && i === 0) input.focus();
    else if (items[i + (ev.key === "ArrowDown" ? 1 : -1)]) items[i + (ev.key === "ArrowDown" ? 1 : -1)].focus();
  });
  box.querySelector("form").addEventListener("reset", function () { setTimeout(function () { run(); input.focus(); }, 0); });
  box.querySelector("form").addEventListener("submit", function (ev) { ev.preventDefault(); });
  list.addEventListener("click", function (ev) {
    var a = ev.target.closest ? ev.target.closest("a[href]") : null;
    if (a && toggle) toggle.checked = false;   // a result on the same page: close the search and jump
  });
  window.__papersiteSearch.run = run;
  meta.textContent = T.hint;
  // The box has been focused (site.js loads this file then): fetch the manifest now, not at the first key.
  if (input.value.trim()) run(); else init().catch(function () { /* reported at the first query */ });
})();
