// kwpld site search: matches a query against every spelling of every name, with no server.
// Python precomputed each name's folded text and match key (kwpld.names.match_key); this
// script folds the query the same way and, for Latin queries, computes the same key with the
// tables match_key uses (window.KWPLD_SEARCH.tables).
(function () {
  "use strict";
  var data = window.KWPLD_SEARCH || { tables: {}, entries: [] };
  var T = data.tables;
  function escapeClass(text) { return text.replace(/[\\\]\[^-]/g, "\\$&"); }
  var APOS = new RegExp("[" + escapeClass(T.apostrophes || "'") + "]", "g");
  var VOWELS = new RegExp(T.vowels, "g");
  var CONSONANTS = new RegExp(T.consonants, "g");
  var TOKEN_VOWELS = new RegExp(T.tokenVowels || "(?!)", "g");
  var HANGUL = /[\uac00-\ud7a3]/;

  function fold(text) {
    return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "");
  }
  function rewrite(token) {
    token = token.replace(VOWELS, function (m) { return T.vowelMap[m]; });
    return token.replace(CONSONANTS, function (m) { return T.consonantMap[m]; });
  }
  function surname(token) {
    if (Object.prototype.hasOwnProperty.call(T.surnames, token)) return T.surnames[token];
    var r = rewrite(token);
    return Object.prototype.hasOwnProperty.call(T.surnamesRewritten, r) ? T.surnamesRewritten[r] : token;
  }
  // kwpld.names._given_token: what a token boundary tells about a later token's letters.
  function givenToken(token, index) {
    token = token.replace(TOKEN_VOWELS, "i");
    if (token === "oh") return "o";
    if (token.charAt(0) === "g") return "k" + token.slice(1);
    if (index >= 2 && token.charAt(0) === "r") return "n" + token.slice(1);
    return token;
  }
  // The Latin path of kwpld.names.match_key; null for Hangul, which Python romanizes.
  function key(text) {
    text = text.replace(APOS, "").normalize("NFKC").replace(APOS, "");
    if (HANGUL.test(text)) return null;
    text = text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(APOS, "");
    var tokens = text.match(/[\p{L}\p{N}]+/gu);
    if (!tokens) return "";
    var head = rewrite(surname(tokens[0]));
    var rest = rewrite(tokens.slice(1).map(function (t, i) { return givenToken(t, i + 1); }).join(""));
    return head.replace(/([a-z])\1+/g, "$1") + rest.replace(/([a-z])\1+/g, "$1");
  }
  function search(query) {
    var q = fold(query);
    if (!q) return [];
    var k = key(query);
    var found = [];
    data.entries.forEach(function (e) {
      var best = null;
      for (var i = 0; i < e[4].length; i++) {
        var score = null;
        if (k && k.length >= 2 && e[6][i] === k) score = 0;
        else if (e[5][i] === q) score = 0;
        else if (e[5][i].indexOf(q) === 0) score = 1;
        else if (k && k.length >= 3 && e[6][i].indexOf(k) === 0) score = 2;
        else if (e[5][i].indexOf(q) > 0) score = 3;
        if (score !== null && (best === null || score < best[0])) best = [score, e[4][i]];
      }
      if (best) found.push([best[0], e, best[1]]);
    });
    found.sort(function (a, b) {
      return a[0] - b[0] || (a[1][2] < b[1][2] ? -1 : a[1][2] > b[1][2] ? 1 : 0);
    });
    return found.slice(0, 50);
  }
  function show(query) {
    var list = document.getElementById("search-results");
    if (!list) return;
    list.textContent = "";
    search(query).forEach(function (hit) {
      var e = hit[1];
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = e[0];
      a.textContent = e[2];
      li.appendChild(a);
      if (e[3]) {
        var ko = document.createElement("span");
        ko.lang = "ko"; ko.className = "ko"; ko.textContent = " " + e[3];
        li.appendChild(ko);
      }
      var kind = document.createElement("span");
      kind.className = "badge kind-" + e[1]; kind.textContent = e[1];
      li.appendChild(document.createTextNode(" "));
      li.appendChild(kind);
      if (hit[2] !== e[2]) {
        var m = document.createElement("span");
        m.className = "match"; m.textContent = " as “" + hit[2] + "”";
        li.appendChild(m);
      }
      list.appendChild(li);
    });
    if (!list.firstChild && fold(query)) {
      var none = document.createElement("li");
      none.className = "none"; none.textContent = "No name matches “" + query + "”.";
      list.appendChild(none);
    }
  }
  window.kwpldFold = fold;
  window.kwpldKey = key;
  window.kwpldSearch = search;
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("search-box");
    if (!box) return;
    box.addEventListener("input", function () { show(box.value); });
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) { box.value = q; show(q); }
  });
})();
