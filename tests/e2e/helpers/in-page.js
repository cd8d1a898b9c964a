// Runs in the page's main world (injected as a string by tests/e2e/helpers/lens.ts and the
// Firefox test). Plain JavaScript on purpose: functions serialised from TypeScript can carry
// bundler helpers (`__name`) that do not exist in the page.
// Defines globalThis.__policyLensTest; safe to inject more than once.
(function () {
  if (globalThis.__policyLensTest) return;
  var SKIP = { SCRIPT: 1, STYLE: 1, NOSCRIPT: 1, TEMPLATE: 1, TEXTAREA: 1, 'POLICY-LENS-UI': 1 };
  var WS = /[ \t\n\r\f]/;
  var NAMES = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'].map(function (c) {
    return 'policy-lens-' + c;
  });

  // Page text with whitespace runs collapsed (as ../shared/corpus/mutate.mjs does), with a map
  // from each character back to its text node and offset.
  function textIndex() {
    var text = '';
    var map = [];
    var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        for (var el = node.parentElement; el; el = el.parentElement) {
          if (SKIP[el.tagName]) return NodeFilter.FILTER_REJECT;
        }
        return NodeFilter.FILTER_ACCEPT;
      },
    });
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var data = node.data;
      for (var i = 0; i < data.length; i++) {
        var ch = data[i];
        if (WS.test(ch)) {
          if (text.length === 0 || text[text.length - 1] === ' ') continue;
          ch = ' ';
        }
        text += ch;
        map.push([node, i]);
      }
    }
    return { text: text, map: map };
  }

  function normalize(s) {
    return s.replace(/[ \t\n\r\f]+/g, ' ').trim();
  }

  function visible(node) {
    var el = node.parentElement;
    if (!el) return false;
    if (el.checkVisibility) return el.checkVisibility();
    return el.getClientRects().length > 0;
  }

  /** The Range of the `occurrence`-th (1-based) visible occurrence of `quote`, or null. */
  function findRange(quote, occurrence) {
    var q = normalize(quote);
    var idx = textIndex();
    var seen = 0;
    for (var at = idx.text.indexOf(q); at >= 0; at = idx.text.indexOf(q, at + 1)) {
      var start = idx.map[at];
      var end = idx.map[at + q.length - 1];
      if (!visible(start[0])) continue;
      seen++;
      if (seen < (occurrence || 1)) continue;
      var range = document.createRange();
      range.setStart(start[0], start[1]);
      range.setEnd(end[0], end[1] + 1);
      return range;
    }
    return null;
  }

  function rectOf(range) {
    var rects = range.getClientRects();
    var first = rects[0] || range.getBoundingClientRect();
    var last = rects[rects.length - 1] || first;
    return {
      x: first.left + Math.min(first.width / 2, 20),
      y: first.top + first.height / 2,
      endX: last.right - 1,
      endY: last.top + last.height / 2,
    };
  }

  function rangeText(r) {
    if (typeof r.toString === 'function' && r instanceof Range) return r.toString();
    var range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range.toString();
  }

  // Automatic suggestions (organizations, claims by kind): CSS highlights policy-lens-s-<kind>.
  var SUGGESTION_KINDS = ['organization', 'statistic', 'comparison', 'causal', 'prediction', 'position'];
  var CLAIM_KINDS = SUGGESTION_KINDS.slice(1);
  var FURNITURE = 'nav, header, footer, aside';

  function toRange(r) {
    if (r instanceof Range) return r;
    var range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range;
  }

  /** Ranges painted under `kinds` (default: every suggestion kind), as [{kind, range}]. */
  // Two frames and a task (the observer reports after a frame), or half a second when the page
  // gets no frames (a hidden tab): a scan that waits for frames must never hang a test.
  function nextFrames() {
    return new Promise(function (resolve) {
      var timer = setTimeout(resolve, 500);
      requestAnimationFrame(function () {
        requestAnimationFrame(function () {
          setTimeout(function () {
            clearTimeout(timer);
            resolve();
          }, 0);
        });
      });
    });
  }

  /**
   * Every suggestion highlight the page registers, as a reader scrolling through it would see
   * them: the extension registers only those near the viewport (lib/dom/painter.ts), so the page is
   * scrolled a screen and a half at a time, each registry read after the observer has reported,
   * and then scrolled back. Resolves to [{ kind, range }] in registry order, each range once.
   * `settleMs`: a further wait at each position. On a busy machine the observer can report a
   * position only after the next scroll, and that late report (both positions at once) registers
   * and unregisters a highlight before it is read: a slower scan reads what a reader pausing sees.
   */
  function suggestionRangeList(kinds, settleMs) {
    var out = [];
    var seen = new Set();
    var collect = function () {
      (kinds || SUGGESTION_KINDS).forEach(function (k) {
        var h = window.CSS && CSS.highlights ? CSS.highlights.get('policy-lens-s-' + k) : undefined;
        if (h) h.forEach(function (r) {
          if (seen.has(r)) return;
          seen.add(r);
          out.push({ kind: k, range: toRange(r) });
        });
      });
    };
    var x = scrollX;
    var y = scrollY;
    var stepPx = Math.max(1, Math.floor(innerHeight * 1.5));
    var end = document.documentElement.scrollHeight;
    collect();
    var pos = 0;
    var step = function () {
      if (pos > end) {
        scrollTo(x, y);
        return nextFrames().then(function () { return out; });
      }
      scrollTo(x, pos);
      pos += stepPx;
      return nextFrames()
        .then(function () {
          return settleMs ? new Promise(function (resolve) { setTimeout(resolve, settleMs); }) : undefined;
        })
        .then(function () {
          collect();
          return step();
        });
    };
    return step();
  }

  function elementOf(node) {
    return node && node.nodeType === 1 ? node : node ? node.parentElement : null;
  }

  function describe(el) {
    if (!el) return null;
    var cls = (el.getAttribute('class') || '').trim().split(/\s+/).filter(Boolean).slice(0, 3);
    return el.localName + (el.id ? '#' + el.id : '') + (cls.length ? '.' + cls.join('.') : '');
  }

  /** Fraction (0..1) of the non-space characters of [at, at+len) covered by one of `ranges`. */
  function coveredFraction(idx, at, len, ranges) {
    var total = 0;
    var covered = 0;
    for (var i = at; i < at + len; i++) {
      if (idx.text[i] === ' ') continue;
      total++;
      var m = idx.map[i];
      if (ranges.some(function (r) { return r.isPointInRange(m[0], m[1]) && !(r.endContainer === m[0] && r.endOffset === m[1]); })) covered++;
    }
    return total ? covered / total : 0;
  }

  globalThis.__policyLensTest = {
    normalize: normalize,
    SUGGESTION_KINDS: SUGGESTION_KINDS,
    CLAIM_KINDS: CLAIM_KINDS,
    /** The e2e analysis status (null until the first analysis finished). */
    analysis: function () {
      var raw = document.documentElement.dataset.policyLensAnalysis;
      if (!raw) return null;
      try {
        return JSON.parse(raw);
      } catch (e) {
        return { unparsable: raw };
      }
    },
    /** Every painted suggestion: its kind and its whitespace-normalised text. */
    suggestions: function (kinds) {
      return suggestionRangeList(kinds).then(function (list) {
        return list.map(function (s) {
          return { kind: s.kind, text: normalize(s.range.toString()) };
        });
      });
    },
    /**
     * For each visible occurrence of `quote` (inside `rootSelector` when given): the fraction of its
     * characters covered by suggestions of `kinds` (default: all). E.g. [1, 0] = first occurrence
     * fully painted, second not at all.
     */
    suggestionCoverage: function (quote, kinds, rootSelector) {
      return suggestionRangeList(kinds).then(function (list) {
        var q = normalize(quote);
        var ranges = list.map(function (s) { return s.range; });
        var root = rootSelector ? document.querySelector(rootSelector) : null;
        var idx = textIndex();
        var out = [];
        for (var at = idx.text.indexOf(q); at >= 0; at = idx.text.indexOf(q, at + 1)) {
          if (!visible(idx.map[at][0])) continue;
          if (rootSelector && !(root && root.contains(idx.map[at][0]))) continue;
          out.push(coveredFraction(idx, at, q.length, ranges));
        }
        return out;
      });
    },
    /**
     * Where the suggestions lie: those outside `rootSelector` (when given), those inside page
     * furniture (nav/header/footer/aside), and the closest element holding them all.
     */
    suggestionLayout: function (rootSelector, settleMs) {
      return suggestionRangeList(undefined, settleMs).then(function (list) {
        var root = rootSelector ? document.querySelector(rootSelector) : null;
        var outside = [];
        var furniture = [];
        var common = null;
        list.forEach(function (s) {
          var el = elementOf(s.range.commonAncestorContainer);
          var text = s.kind + ': ' + normalize(s.range.toString()).slice(0, 80);
          if (rootSelector && !(root && root.contains(el))) outside.push(text);
          var f = el && el.closest(FURNITURE);
          if (f) furniture.push(text + ' [in ' + describe(f) + ']');
          if (!common) common = el;
          while (common && !common.contains(el)) common = common.parentElement;
        });
        var bodyLen = document.body ? document.body.textContent.length : 0;
        return {
          count: list.length,
          outside: outside,
          furniture: furniture,
          common: describe(common),
          commonIsPage: !!common && (common === document.body || common === document.documentElement),
          commonShare: common && bodyLen ? Math.round((common.textContent.length / bodyLen) * 100) / 100 : 0,
        };
      });
    },
    /** Scrolls the quote into view and returns where it is (viewport coordinates), or null. */
    locate: function (quote, occurrence) {
      var range = findRange(quote, occurrence);
      if (!range) return null;
      var el = range.startContainer.parentElement;
      if (el) el.scrollIntoView({ block: 'center', inline: 'nearest' });
      return rectOf(range);
    },
    /**
     * Selects the quote like a reader would (the selection, then a mouseup where a drag would
     * end). Returns the selected text and where it is, or null when the quote is not on the page.
     */
    select: function (quote, occurrence, dispatchMouseUp) {
      var range = findRange(quote, occurrence);
      if (!range) return null;
      var el = range.startContainer.parentElement;
      if (el) el.scrollIntoView({ block: 'center', inline: 'nearest' });
      var sel = getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      var rect = rectOf(range);
      if (dispatchMouseUp !== false) {
        var target = range.endContainer.parentElement || document.body;
        var init = { bubbles: true, cancelable: true, composed: true, clientX: rect.endX, clientY: rect.endY, button: 0, view: window };
        target.dispatchEvent(new MouseEvent('mouseup', init));
        target.dispatchEvent(new PointerEvent('pointerup', Object.assign({ pointerType: 'mouse', isPrimary: true }, init)));
      }
      return { text: sel.toString(), rect: rect };
    },
    clearSelection: function () {
      getSelection().removeAllRanges();
    },
    /** Number of ranges in each of our highlight names (the page's world sees CSS.highlights). */
    highlightSizes: function () {
      var out = {};
      NAMES.forEach(function (n) {
        var h = window.CSS && CSS.highlights ? CSS.highlights.get(n) : undefined;
        out[n] = h ? h.size : 0;
      });
      return out;
    },
    /** The text of every painted user-highlight range, whitespace-normalised. */
    highlightTexts: function () {
      var out = [];
      NAMES.forEach(function (n) {
        var h = window.CSS && CSS.highlights ? CSS.highlights.get(n) : undefined;
        if (h) h.forEach(function (r) { out.push({ name: n, text: normalize(rangeText(r)) }); });
      });
      return out;
    },
    /** The content script's e2e state (null until its first anchoring pass). */
    state: function () {
      var raw = document.documentElement.dataset.policyLensState;
      if (!raw) return null;
      try {
        return JSON.parse(raw);
      } catch (e) {
        return { unparsable: raw };
      }
    },
    bodyText: function () {
      return document.body ? document.body.innerText : '';
    },
    /**
     * Which visible occurrences (1-based) of `quote` are covered by a painted user highlight
     * (tested on each occurrence's middle character, so boundary details do not matter).
     */
    paintedOccurrences: function (quote) {
      var q = normalize(quote);
      var ranges = [];
      NAMES.forEach(function (n) {
        var h = window.CSS && CSS.highlights ? CSS.highlights.get(n) : undefined;
        if (!h) return;
        h.forEach(function (r) {
          var range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          ranges.push(range);
        });
      });
      var idx = textIndex();
      var out = [];
      var seen = 0;
      for (var at = idx.text.indexOf(q); at >= 0; at = idx.text.indexOf(q, at + 1)) {
        if (!visible(idx.map[at][0])) continue;
        seen++;
        var mid = idx.map[at + Math.floor(q.length / 2)];
        if (ranges.some(function (r) { return r.isPointInRange(mid[0], mid[1]); })) out.push(seen);
      }
      return out;
    },
    /** Text of the quote's occurrence with 32 characters of context, to tell occurrences apart. */
    context: function (quote, occurrence) {
      var q = normalize(quote);
      var idx = textIndex();
      var seen = 0;
      for (var at = idx.text.indexOf(q); at >= 0; at = idx.text.indexOf(q, at + 1)) {
        if (!visible(idx.map[at][0])) continue;
        if (++seen === (occurrence || 1)) {
          return { prefix: idx.text.slice(Math.max(0, at - 32), at), suffix: idx.text.slice(at + q.length, at + q.length + 32) };
        }
      }
      return null;
    },
  };
})();
