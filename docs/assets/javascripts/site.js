/* Small site helpers: the "include answers when printing" choice, the printed pages' running head, copying
   a paragraph's address when its ¶ number is clicked, "cite this paragraph", concept previews and the switch
   for concept links, a language switcher that always leads to the twin page, the search box (opening,
   keyboard shortcuts, loading search.js the first time it is used), and starting Material's bundle at the
   first use of the page. No network, no dependencies. */
(function () {
  "use strict";
  // The site's scripts run: papers.css shows the search box and its header button, which Material hides
  // until its bundle starts. Marked on them, not on <html>: a class there restyles the whole page.
  var searchParts = document.querySelectorAll(".papersite-search, label.md-header__button[for='__search']");
  for (var j = 0; j < searchParts.length; j++) searchParts[j].setAttribute("data-js", "");
  // The "include answers when printing" choice. Its default is the checkbox's own (concept pages print
  // the answers, a reading pack leaves its answer key out: data-print-answers="pack"); each kind of page
  // remembers the reader's choice under its own key.
  function answerBoxes() { return document.querySelectorAll("input[data-print-answers]"); }

  function answerKey() {
    var box = answerBoxes()[0], scope = box ? box.getAttribute("data-print-answers") : "";
    return "papersite.printAnswers" + (scope ? "." + scope : "");
  }

  function choice() {
    var box = answerBoxes()[0], fallback = box ? box.defaultChecked : true;
    try {
      var stored = localStorage.getItem(answerKey());
      return stored === null ? fallback : stored !== "no";
    } catch (e) { return fallback; }
  }

  function apply(on) {
    document.documentElement.setAttribute("data-print-answers", on ? "yes" : "no");
    var boxes = answerBoxes();
    for (var i = 0; i < boxes.length; i++) boxes[i].checked = on;
  }

  document.addEventListener("change", function (ev) {
    var box = ev.target;
    if (!box.matches || !box.matches("input[data-print-answers]")) return;
    try { localStorage.setItem(answerKey(), box.checked ? "yes" : "no"); } catch (e) { /* private mode */ }
    apply(box.checked);
  });

  // The running head of printed pages (papers.css, @page): the page's title, as a CSS string. Set when
  // printing begins, not at load: a custom property on <html> is inherited by every element, so setting
  // it restyles the whole page, the largest part of this file's work at load on a paper page.
  function setRunningHead() {
    var title = document.title.replace(/[\\"]/g, "\\$&").replace(/\s+/g, " ");
    document.documentElement.style.setProperty("--papersite-running-head", '"' + title + '"');
  }

  // The whole concept map (concept index): pointing at a concept's box, or moving to it with the keyboard,
  // marks its arcs and the boxes at their other ends (papers.css fades the rest).
  function mapFocus(ev) {
    var a = ev.target.closest ? ev.target.closest("svg.concept-map-all a[data-key]") : null;
    if (!a && ev.target.closest && ev.target.closest("svg.concept-map-all")) return;  // between boxes: as it was
    var map = a ? a.closest("svg") : document.querySelector("svg.concept-map-all.map-focus");
    if (!map) return;
    var on = map.querySelectorAll(".map-on");
    for (var i = 0; i < on.length; i++) on[i].classList.remove("map-on");
    map.classList.toggle("map-focus", !!a);
    if (!a) return;
    var key = a.getAttribute("data-key"), edges = map.querySelectorAll("path.map-edge"), ends = {};
    ends[key] = true;
    for (var k = 0; k < edges.length; k++) {
      var x = edges[k].getAttribute("data-a"), y = edges[k].getAttribute("data-b");
      if (x === key || y === key) { edges[k].classList.add("map-on"); ends[x] = ends[y] = true; }
    }
    var boxes = map.querySelectorAll("a[data-key]");
    for (var m = 0; m < boxes.length; m++) if (ends[boxes[m].getAttribute("data-key")]) boxes[m].classList.add("map-on");
  }
  document.addEventListener("mouseover", mapFocus);
  document.addEventListener("focusin", mapFocus);

  document.addEventListener("click", function (ev) {
    var a = ev.target.closest ? ev.target.closest("a.para-num") : null;
    if (!a || !navigator.clipboard || !window.isSecureContext) return;
    navigator.clipboard.writeText(a.href).then(function () {
      a.classList.add("copied");
      setTimeout(function () { a.classList.remove("copied"); }, 1500);
    }, function () { /* the address bar still shows the link */ });
  });

  // "Cite this paragraph": next to every ¶ link that carries the passage's GB/T 7714 citation (data-cite,
  // written at build time from the paper's one citation record), a small button copies that citation with
  // the paragraph's address in the variant the reader is in. Its label is drawn by CSS from data-label, so
  // the paragraph's text stays the article's; where the clipboard is not available (a page opened from
  // disk), the citation is shown, as text (textContent), for copying by hand.
  var CITE = {"zh-Hans": ["引用", "复制第 {n} 段的引文"], "zh-Hant": ["引用", "複製第 {n} 段的引文"],
              "en": ["cite", "Copy the citation of paragraph {n}"]};

  function paragraphCitation(a) {
    return a.getAttribute("data-cite") + " " + new URL(a.getAttribute("href"), location.href).href;
  }

  function addCiteButtons() {
    var words = CITE[document.documentElement.lang] || CITE.en;
    var marks = document.querySelectorAll(".md-content a.para-num[data-cite]");
    for (var i = 0; i < marks.length; i++) {
      var a = marks[i];
      if (a.nextElementSibling && a.nextElementSibling.classList.contains("para-cite")) continue;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "para-cite";
      button.setAttribute("data-label", words[0]);
      button.setAttribute("aria-label", words[1].replace("{n}", a.getAttribute("data-n") || ""));
      a.insertAdjacentElement("afterend", button);
    }
  }

  function showCitation(button, text) {
    var box = button.nextElementSibling;
    if (!box || !box.classList.contains("para-cite-text")) {
      box = document.createElement("span");
      box.className = "para-cite-text";
      box.setAttribute("role", "status");
      button.insertAdjacentElement("afterend", box);
    }
    box.textContent = text;
    var range = document.createRange();
    range.selectNodeContents(box);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  document.addEventListener("click", function (ev) {
    var button = ev.target.closest ? ev.target.closest("button.para-cite") : null;
    if (!button) return;
    var a = button.previousElementSibling;
    if (!a || !a.matches("a.para-num[data-cite]")) return;
    var text = paragraphCitation(a);
    if (!navigator.clipboard || !window.isSecureContext) { showCitation(button, text); return; }
    navigator.clipboard.writeText(text).then(function () {
      button.classList.add("copied");
      setTimeout(function () { button.classList.remove("copied"); }, 1500);
    }, function () { showCitation(button, text); });
  });

  // Material intercepts clicks on the language links and looks the twin page up in sitemap.xml; without
  // a site_url the sitemap is empty, so whenever it has loaded before the click, Material sends the
  // reader to the other variant's home instead of the twin. Every variant has the same page paths
  // (overrides/partials/alternate.html), so the link itself is right: let the browser follow it.
  // The twin link keeps the reader's place: the part of the page being read (#p-4, a heading) goes with it.
  document.addEventListener("click", function (ev) {
    var link = ev.target.closest ? ev.target.closest(".md-select__link[hreflang]") : null;
    if (!link) return;
    ev.stopPropagation();
    if (location.hash && link.hash !== location.hash) link.hash = location.hash;
  }, true);

  // Material also requests sitemap.xml beside every <link rel="alternate"> for that lookup. The page's alternates
  // are its twins (overrides/main.html), not the variants' roots, so those would be requests for files that do
  // not exist (papers/sitemap.xml); the lookup is not used (above): they are sent to this variant's own sitemap,
  // or, from disk (where the browser refuses to read files by script), given an empty one.
  var ownSitemap = "data:application/xml," + encodeURIComponent('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>');
  try {
    if (location.protocol !== "file:")
      ownSitemap = new URL(JSON.parse(document.getElementById("__config").textContent).base + "/sitemap.xml", location.href).href;
  } catch (e) { /* keep the empty one */ }
  var alternateSitemaps = {};
  var alternates = document.querySelectorAll("link[rel=alternate][hreflang]");
  for (var k = 0; k < alternates.length; k++) alternateSitemaps[new URL("sitemap.xml", alternates[k].href).href] = true;
  var openRequest = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    try { if (alternateSitemaps[new URL(String(url), location.href).href]) args[1] = ownSitemap; } catch (e) { /* as asked */ }
    return openRequest.apply(this, args);
  };

  // Concept previews. A concept link in a paper carries the concept's term and short definition
  // (data-term, data-gloss); hovering it, focusing it, or a first tap on a touch screen shows them in a
  // box with a link to the concept page. Everything is set with textContent: the data is only ever text.
  var OPEN = {"zh-Hans": "打开概念页", "zh-Hant": "開啟概念頁", "en": "Open the concept page"};
  var preview = null, owner = null, hideTimer = null, lastPointer = "mouse", openAtPointerDown = null;

  function previewBox() {
    if (preview) return preview;
    preview = document.createElement("div");
    preview.className = "concept-preview";
    preview.id = "concept-preview";
    preview.setAttribute("role", "tooltip");
    preview.hidden = true;
    ["p", "p", "a"].forEach(function (tag, i) {
      var el = document.createElement(tag);
      el.className = ["concept-preview__term", "concept-preview__gloss", "concept-preview__link"][i];
      preview.appendChild(el);
    });
    preview.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    preview.addEventListener("mouseleave", function () { hideSoon(); });
    preview.addEventListener("focusout", function (ev) {
      if (!preview.contains(ev.relatedTarget) && ev.relatedTarget !== owner) hideSoon();
    });
    document.body.appendChild(preview);
    return preview;
  }

  function showPreview(link) {
    var box = previewBox();
    clearTimeout(hideTimer);
    if (owner && owner !== link) owner.removeAttribute("aria-describedby");
    box.children[0].textContent = link.getAttribute("data-term") || link.textContent;
    box.children[1].textContent = link.getAttribute("data-gloss") || "";
    box.children[2].textContent = OPEN[document.documentElement.lang] || OPEN.en;
    box.children[2].setAttribute("href", link.getAttribute("href"));
    box.hidden = false;
    owner = link;
    link.setAttribute("aria-describedby", box.id);
    var r = link.getBoundingClientRect(), width = box.offsetWidth;
    var left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - width - 8));
    box.style.left = (left + window.scrollX) + "px";
    box.style.top = (r.bottom + window.scrollY + 6) + "px";
  }

  function hidePreview() {
    if (!preview) return;
    preview.hidden = true;
    if (owner) owner.removeAttribute("aria-describedby");
    owner = null;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hidePreview, 300);
  }

  function conceptLink(ev) {
    return ev.target.closest ? ev.target.closest("a.concept-link[data-gloss][href]") : null;
  }

  // The reader's switch for concept links: a labelled checkbox before a paper's first paragraph. Turned
  // off, the links become plain text (their href is set aside in data-href, so they are neither styled,
  // focused nor followed); the choice is remembered.
  var LINKS_KEY = "papersite.conceptLinks";
  var SHOW_LINKS = {"zh-Hans": "显示概念链接（虚线下划线，指向概念页）", "zh-Hant": "顯示概念連結（虛線底線，指向概念頁）",
                    "en": "Show concept links (dotted underline, leading to the concept pages)"};

  function conceptLinksOn() {
    try { return localStorage.getItem(LINKS_KEY) !== "off"; } catch (e) { return true; }
  }

  function applyConceptLinks(on) {
    document.documentElement.setAttribute("data-concept-links", on ? "on" : "off");
    var links = document.querySelectorAll(".md-content a.concept-link");
    for (var i = 0; i < links.length; i++) {
      var a = links[i];
      if (!on && a.hasAttribute("href")) { a.setAttribute("data-href", a.getAttribute("href")); a.removeAttribute("href"); }
      if (on && a.hasAttribute("data-href")) { a.setAttribute("href", a.getAttribute("data-href")); a.removeAttribute("data-href"); }
    }
    if (!on) hidePreview();
  }

  function addConceptLinkSwitch() {
    var first = document.querySelector(".md-content p.para a.concept-link");
    if (!first || document.querySelector(".concept-link-switch")) return;
    var p = document.createElement("p"), label = document.createElement("label"), box = document.createElement("input");
    p.className = "concept-link-switch";
    box.type = "checkbox";
    box.setAttribute("data-concept-links", "");
    box.checked = conceptLinksOn();
    label.appendChild(box);
    label.appendChild(document.createTextNode(SHOW_LINKS[document.documentElement.lang] || SHOW_LINKS.en));
    p.appendChild(label);
    var para = first.closest("p.para");
    para.parentNode.insertBefore(p, para);
    applyConceptLinks(box.checked);
  }

  document.addEventListener("change", function (ev) {
    var box = ev.target;
    if (!box.matches || !box.matches("input[data-concept-links]")) return;
    try { localStorage.setItem(LINKS_KEY, box.checked ? "on" : "off"); } catch (e) { /* private mode */ }
    applyConceptLinks(box.checked);
  });

  document.addEventListener("pointerdown", function (ev) {
    lastPointer = ev.pointerType || "mouse";
    // Which link's preview was open before this touch (a tap also focuses the link, which opens it).
    openAtPointerDown = preview && !preview.hidden ? owner : null;
  }, true);
  document.addEventListener("mouseover", function (ev) {
    var link = conceptLink(ev);
    if (link && lastPointer === "mouse") showPreview(link);
  });
  document.addEventListener("mouseout", function (ev) {
    var link = conceptLink(ev);
    if (link && !(ev.relatedTarget && preview && preview.contains(ev.relatedTarget))) hideSoon();
  });
  document.addEventListener("focusin", function (ev) {
    var link = conceptLink(ev);
    if (link) showPreview(link);
  });
  document.addEventListener("focusout", function (ev) {
    var link = conceptLink(ev);
    if (link && !(preview && preview.contains(ev.relatedTarget))) hideSoon();
  });
  // On a touch screen the first tap on a concept link shows its preview; the preview's link (or a second
  // tap) opens the concept page.
  document.addEventListener("click", function (ev) {
    var link = conceptLink(ev);
    if (link && lastPointer !== "mouse" && openAtPointerDown !== link) {
      ev.preventDefault();
      showPreview(link);
    } else if (!link && preview && !preview.hidden && !preview.contains(ev.target)) {
      hidePreview();
    }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && preview && !preview.hidden) {
      var back = owner;
      hidePreview();
      if (back && preview.contains(document.activeElement)) back.focus();
    }
  });

  // Search. A page that is only read loads nothing for it: search.js (and, at the first query, the index)
  // is loaded when the box is focused or typed in. Material's search plugin is not used, so its shortcuts
  // are kept here: "/", "s" or "f" open the search, Escape closes it.
  function searchBox() { return document.querySelector(".papersite-search"); }
  function loadSearch() {
    // The engine and the manifest are requested together (search.js picks meta.js up from S.requested).
    var box = searchBox();
    if (!box || box.getAttribute("data-search-loading")) return;
    box.setAttribute("data-search-loading", "yes");
    var S = window.__papersiteSearch = window.__papersiteSearch || {files: {}, waiting: {}, requested: {}, failed: {}};
    if (!S.add) S.add = function (name, data) { S.files[name] = data; };
    [box.getAttribute("data-search-engine"), box.getAttribute("data-search-root") + "meta.js"].forEach(function (src, i) {
      var s = document.createElement("script");
      s.src = src;
      if (i) {
        S.requested.meta = s;
        s.onerror = function () { S.failed.meta = true; };
      }
      document.head.appendChild(s);
    });
  }
  function openSearch() {
    var toggle = document.getElementById("__search"), box = searchBox();
    if (!box) return;
    if (toggle && !toggle.checked) toggle.checked = true;
    var input = box.querySelector(".md-search__input");
    if (document.activeElement !== input) input.focus();
  }
  function closeSearch() {
    var toggle = document.getElementById("__search"), box = searchBox();
    if (toggle) toggle.checked = false;
    if (box && box.contains(document.activeElement)) document.activeElement.blur();
  }
  document.addEventListener("focusin", function (ev) {
    if (ev.target.matches && ev.target.matches(".papersite-search .md-search__input")) { loadSearch(); openSearch(); }
  });
  document.addEventListener("input", function (ev) {
    if (ev.target.matches && ev.target.matches(".papersite-search .md-search__input")) loadSearch();
  });
  document.addEventListener("change", function (ev) {
    if (ev.target.id === "__search" && ev.target.checked) openSearch();
  });
  // A pointer on the search box or its header button is about to use it: load the engine then.
  ["pointerover", "pointerdown"].forEach(function (type) {
    document.addEventListener(type, function (ev) {
      if (ev.target.closest && ev.target.closest(".papersite-search, label[for='__search']")) loadSearch();
    }, {passive: true});
  });
  document.addEventListener("keydown", function (ev) {
    var box = searchBox();
    if (!box || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var typing = ev.target.closest && ev.target.closest("input, textarea, select, [contenteditable]");
    if (ev.key === "Escape" && box.contains(ev.target)) { closeSearch(); return; }
    if (!typing && (ev.key === "/" || ev.key === "s" || ev.key === "f" || ev.key === "S" || ev.key === "F")) {
      ev.preventDefault();
      openSearch();
    }
  });

  // Material's bundle starts at the reader's first use of the page (a pointer moving or pressed, a key, a
  // scroll, a touch), not at load: all it adds (its tooltips, the table of contents following the scroll,
  // the header's title, the back-to-top button) answers to such use, and its start-up, about half of the
  // main thread's work at load, no longer holds up a page that is only read. overrides/main.html gives its
  // script a type the browser does not run; it is fetched once the page has loaded, so that it starts at
  // once. It waits for DOMContentLoaded, which has passed by then: it is sent again for it.
  var USE = ["pointerdown", "pointermove", "keydown", "touchstart", "wheel", "scroll", "focusin"];
  function heldBundle() { return document.querySelector("script[type='text/x-papersite-on-use'][src]"); }
  function startMaterial() {
    USE.forEach(function (type) { window.removeEventListener(type, startMaterial, true); });
    var held = heldBundle();
    if (!held) return;
    var s = document.createElement("script");
    s.src = held.src;
    s.onload = function () { document.dispatchEvent(new Event("DOMContentLoaded")); };
    held.parentNode.replaceChild(s, held);
  }
  if (heldBundle()) {
    USE.forEach(function (type) { window.addEventListener(type, startMaterial, {capture: true, passive: true}); });
    window.addEventListener("load", function () {
      var held = heldBundle();
      if (!held) return;
      var link = document.createElement("link");
      link.rel = "prefetch";
      link.href = held.src;
      document.head.appendChild(link);
    });
  }

  // A reading pack's later references to a paragraph printed in full earlier name its printed page too
  // (writers/teaching_pages.py: data-page-ref, with "{page}" where the number goes). Browsers implement no
  // CSS target-counter(), so when printing begins the pack is laid out here as it will print: every
  // @media rule of the site's style sheets is set to what it is on paper (A4 less the @page margins), the
  // blocks are measured and put on pages greedily, each page a line short of the paper's height (a paragraph
  // may run on to the next page, as the browser would break it), and each page's first block is given a
  // forced break, so that the browser's pages are these ones. Afterwards the
  // style sheets are as they were. If anything cannot be measured (a style sheet the page may not read, a
  // media query it does not understand, content wider than the paper), the references keep the section.
  var PAPER = {a4: [210, 297], a5: [148, 210], letter: [215.9, 279.4], legal: [215.9, 355.6]};
  var printedPages = [];   // what packPageReferences changed, for unpackPageReferences
  var SLACK = 1;   // lines of a page left free for what the measuring may miss (tests/test_print.py: none was)

  function cssPx(value, probe) {
    probe.style.width = value;
    return probe.getBoundingClientRect().width;
  }

  // Whether a media query list matches on a page box of width w and height h (CSS px): the media type is
  // print; width and height are the page's; other features (hover, motion, colour scheme) as on this screen.
  function printMatches(list, w, h) {
    if (!list.trim()) return true;
    return list.split(",").some(function (query) {
      var q = query.trim().toLowerCase(), negate = false, m = /^(not|only)\s+/.exec(q);
      if (m) { negate = m[1] === "not"; q = q.slice(m[0].length); }
      var ok = true;
      m = /^([a-z-]+)\s*(and\s+|$)/.exec(q);
      if (m) { ok = m[1] === "all" || m[1] === "print"; q = q.slice(m[0].length); }
      q.split(/\s+and\s+/).forEach(function (f) {
        if (!f) return;
        var size = /^\((min-|max-)?(width|height)\s*:\s*([\d.]+)(px|r?em)\)$/.exec(f);
        if (size) {
          var v = parseFloat(size[3]) * (size[4] === "px" ? 1 : 16), have = size[2] === "width" ? w : h;
          ok = ok && (size[1] === "min-" ? have >= v : size[1] === "max-" ? have <= v : have === v);
        } else if (/^\([a-z-]+(\s*:\s*[a-z0-9.-]+)?\)$/.test(f) && !/width|height|aspect|orientation/.test(f)) {
          ok = ok && window.matchMedia(f).matches;
        } else {
          throw new Error("media query not understood: " + list);
        }
      });
      return negate ? !ok : ok;
    });
  }

  // The document's style sheets as on paper: the @page rule's margins and size, apply(w, h) sets every
  // media list to "all" or "not all" as it is on a page box of that size, undo() puts them back.
  function asOnPaper() {
    var lists = [], page = {};
    function visit(rules) {
      for (var i = 0; i < rules.length; i++) {
        var r = rules[i];
        if (r.type === CSSRule.PAGE_RULE && !r.selectorText) {
          ["margin-top", "margin-right", "margin-bottom", "margin-left", "size"].forEach(function (k) {
            if (r.style.getPropertyValue(k)) page[k] = r.style.getPropertyValue(k);
          });
        }
        if (r.media && r.type === CSSRule.MEDIA_RULE) lists.push(r.media);
        if (r.cssRules && r.type !== CSSRule.PAGE_RULE) visit(r.cssRules);
      }
    }
    for (var s = 0; s < document.styleSheets.length; s++) {
      var sheet = document.styleSheets[s];
      if (sheet.disabled) continue;
      if (sheet.media.mediaText) lists.push(sheet.media);
      visit(sheet.cssRules);   // throws for a style sheet the page may not read
    }
    var was = lists.map(function (l) { return l.mediaText; });
    return {page: page, apply: function (w, h) {
      lists.forEach(function (l, i) { l.mediaText = printMatches(was[i], w, h) ? "all" : "not all"; });
    }, undo: function () { lists.forEach(function (l, i) { l.mediaText = was[i]; }); }};
  }

  // The blocks a page may begin with: the article's children, and the items of its lists and of its
  // plain divisions (the answer key), in the order they print.
  function printBlocks(root, out) {
    for (var el = root.firstElementChild; el; el = el.nextElementSibling) {
      var cs = getComputedStyle(el);
      if (cs.display === "none" || cs.position === "absolute" || cs.position === "fixed") continue;
      if (/^(OL|UL|DIV)$/.test(el.tagName) && cs.breakInside !== "avoid" && el.firstElementChild) printBlocks(el, out);
      else out.push(el);
    }
    return out;
  }

  // The lines of the blocks' text, top to bottom, as [top, bottom] of each line box: a line's box reaches
  // halfway to the next line's text (line-height's leading is even above and below).
  function textLines(blocks) {
    var rects = [], range = document.createRange();
    blocks.forEach(function (el) {
      var walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), node;
      while ((node = walk.nextNode())) {
        range.selectNodeContents(node);
        [].forEach.call(range.getClientRects(), function (r) { if (r.height > 0) rects.push([r.top, r.bottom]); });
      }
    });
    rects.sort(function (a, b) { return a[0] - b[0]; });
    var lines = [];
    rects.forEach(function (r) {
      var last = lines[lines.length - 1];
      if (last && r[0] < last[1] - 1) last[1] = Math.max(last[1], r[1]); else lines.push(r.slice());
    });
    for (var k = 0; k + 1 < lines.length; k++) lines[k][1] = lines[k + 1][0] = (lines[k][1] + lines[k + 1][0]) / 2;
    return lines;
  }

  // How many pages after its first a block of these lines runs on to, begun at the top of a page (``top``);
  // a line ending within a pixel of a page's foot could go either way: then nothing is guessed.
  function pagesAfter(lines, top, full) {
    var more = 0, foot = top + full;
    lines.forEach(function (l) {
      if (Math.abs(l[1] - foot) < 1) throw new Error("a line at the foot of a page");
      if (l[1] > foot) { more += 1; foot = l[0] + full; }
    });
    return more;
  }

  // Where a block the browser may break (break-inside: auto) continues if the page ends at ``foot``: the top
  // of its first line on the next page, with at least two lines of its text on either side (orphans,
  // widows); null if it is not to be begun on this page. A line within a pixel of the foot is taken to go
  // on: the next page then holds a line more than it may.
  function splitAt(block, foot) {
    if (getComputedStyle(block).breakInside !== "auto") return null;
    var lines = textLines([block.querySelector("blockquote") || block]), fit = 0;
    while (fit < lines.length && lines[fit][1] <= foot - 1) fit++;
    fit = Math.min(fit, lines.length - 2);
    return fit >= 2 ? lines[fit][0] : null;
  }

  // Puts the blocks on pages; returns [[block, page]...] and the blocks that begin a page not begun by the
  // style sheets themselves. ``room``: a page's height for the greedy fit; ``full``: the paper's.
  function paginate(blocks, origin, room, full) {
    var placed = [], starts = [], page = 1, top = origin, prevBottom = origin, i = 0, mustBreak = false;
    while (i < blocks.length) {
      var j = i;   // a heading the style sheets keep with what follows (break-after: avoid) goes with it
      while (j + 1 < blocks.length && getComputedStyle(blocks[j]).breakAfter === "avoid") j++;
      var start = prevBottom, bottom = blocks[j].getBoundingClientRect().bottom;
      var forced = i > 0 && getComputedStyle(blocks[i]).breakBefore === "page";
      var rest = !forced && !mustBreak && bottom - top > room && bottom - start <= room ? splitAt(blocks[j], top + full) : null;
      if (rest !== null) {   // a paragraph the page breaks: begun here, its last lines at the next page's top
        for (var s = i; s <= j; s++) placed.push([blocks[s], page]);
        page += 1;
        top = rest;
        prevBottom = bottom;
        i = j + 1;
        continue;
      }
      if (i > 0 && (forced || mustBreak || bottom - top > room)) {
        page += 1;
        top = start;   // the whole gap above the block is counted on its new page (margins may be kept)
        if (!forced) starts.push(blocks[i]);
      }
      for (var k = i; k <= j; k++) placed.push([blocks[k], page]);
      mustBreak = bottom - top > room;
      if (mustBreak) page += pagesAfter(textLines(blocks.slice(i, j + 1)), top, full);   // taller than a page:
      // the browser divides it (on as many pages as its lines take), and the next group begins a page
      prevBottom = bottom;
      i = j + 1;
    }
    return {placed: placed, starts: starts, pages: page};
  }

  function packPageReferences() {
    var refs = document.querySelectorAll(".md-content a[data-page-ref]");
    var article = document.querySelector("article.md-content__inner");
    if (!refs.length || !article) return;
    var root = document.documentElement, probe = document.createElement("div"), style = document.createElement("style");
    probe.style.cssText = "position:absolute;visibility:hidden;height:0";
    var sheets = null, result = null, i;
    for (i = 0; i < refs.length; i++) printedPages.push({ref: refs[i], text: refs[i].textContent});
    function fill(page) {
      for (var i = 0; i < refs.length; i++) refs[i].textContent = refs[i].getAttribute("data-page-ref").replace("{page}", page(refs[i], i));
    }
    try {
      sheets = asOnPaper();
      var size = (sheets.page.size || "a4").toLowerCase().split(/\s+/);
      document.body.appendChild(probe);
      var paper = PAPER[size[0]] ? PAPER[size[0]].map(function (mm) { return cssPx(mm + "mm", probe); })
                                 : [cssPx(size[0], probe), cssPx(size[1] || size[0], probe)];
      if (size.indexOf("landscape") >= 0) paper.reverse();
      var m = function (k) { return cssPx(sheets.page[k] || "0", probe); };
      var w = paper[0] - m("margin-left") - m("margin-right"), h = paper[1] - m("margin-top") - m("margin-bottom");
      probe.remove();
      sheets.apply(w, h);
      style.textContent = "html { width: " + w + "px !important; min-width: 0 !important; max-width: none !important; }";
      document.head.appendChild(style);
      if (article.scrollWidth > article.clientWidth + 1) throw new Error("wider than the paper");
      var line = parseFloat(getComputedStyle(article).lineHeight) || 24;
      // measured with the printed references, their numbers as wide as the widest will be ("00")
      for (var digits = "00"; ; digits += "0") {
        fill(function () { return digits; });
        result = paginate(printBlocks(article, []), root.getBoundingClientRect().top, h - SLACK * line, h);
        if (String(result.pages).length <= digits.length) break;
      }
    } catch (e) {
      result = null;
      if (window.console) console.warn("papersite: printed page numbers left out:", e.message);
    } finally {
      probe.remove();
      style.remove();
      if (sheets) sheets.undo();
    }
    var pageOf = result ? new Map(result.placed) : null, pages = [];
    for (i = 0; pageOf && i < refs.length; i++) {
      var target = document.getElementById(refs[i].getAttribute("href").slice(1));
      while (target && !pageOf.has(target)) target = target.parentElement;
      if (target) pages.push(pageOf.get(target)); else pageOf = null;
    }
    if (!pageOf) { unpackPageReferences(); return; }
    fill(function (ref, i) { return pages[i]; });
    result.starts.forEach(function (el) {
      printedPages.push({el: el, value: el.style.getPropertyValue("break-before"),
                         priority: el.style.getPropertyPriority("break-before")});
      el.style.setProperty("break-before", "page", "important");
    });
  }

  function unpackPageReferences() {
    printedPages.forEach(function (x) {
      if (x.ref) x.ref.textContent = x.text;
      else if (x.value) x.el.style.setProperty("break-before", x.value, x.priority);
      else x.el.style.removeProperty("break-before");
    });
    printedPages = [];
  }

  // Printing opens the article's closed details (the self-check answers), as Material does when it has
  // started, and closes them again afterwards.
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    setRunningHead();
    var closed = document.querySelectorAll(".md-content details:not([open])");
    for (var i = 0; i < closed.length; i++) { closed[i].open = true; openedForPrint.push(closed[i]); }
    unpackPageReferences();
    packPageReferences();
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (d) { d.open = false; });
    openedForPrint = [];
    unpackPageReferences();
  });

  function init() { apply(choice()); addCiteButtons(); addConceptLinkSwitch(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
