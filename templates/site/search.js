/* Search over search-index.json (document titles, and names on the public
 * lists when the site has no enterprise pages) and, when the results list
 * names it, the enterprise index of search/: its separators, then the one
 * shard where the names holding the query begin (see src/site/shards.c).
 * When the index cannot be fetched (e.g. opened from disk) it filters the
 * list already on the page.  Results are built with textContent only: a
 * name from the data never becomes markup. */
(function () {
  'use strict';
  var MAX_SHOWN = 200;
  var input = document.getElementById('q');
  var status = document.getElementById('search-status');
  var results = document.getElementById('search-results');
  var all = document.getElementById('search-all');
  var q = (new URLSearchParams(window.location.search).get('q') || '').trim();
  input.value = q;
  if (!q) return;
  var needle = q.toLowerCase();
  function has(text) { return String(text).toLowerCase().indexOf(needle) >= 0; }
  function show(hits, note) {
    results.textContent = '';
    hits.slice(0, MAX_SHOWN).forEach(function (h) {
      var li = document.createElement('li'), a = document.createElement('a');
      var meta = document.createElement('span');
      a.href = h.url; a.textContent = h.text;
      meta.className = 'meta'; meta.textContent = h.detail;
      li.append(a, ' ', meta);
      results.appendChild(li);
    });
    results.hidden = false; all.hidden = true;
    status.textContent = '“' + q + '”：共 ' + hits.length + ' 条结果' +
      (hits.length > MAX_SHOWN ? '，显示前 ' + MAX_SHOWN + ' 条' : '') + (note || '');
  }
  function fromPage() {
    return Array.prototype.filter.call(all.querySelectorAll('li'), function (li) {
      return has(li.querySelector('a').textContent);
    }).map(function (li) {
      return { url: li.querySelector('a').getAttribute('href'),
               text: li.querySelector('a').textContent,
               detail: li.querySelector('.meta').textContent };
    });
  }
  function json(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
      return r.json();
    });
  }
  // The enterprises whose name holds the query, or whose credit code starts
  // with it; {hits, more}: more when the run of matches goes on past the shard.
  function enterprises(metaUrl) {
    if (!metaUrl) return Promise.resolve({ hits: [], more: false });
    // keys never hold control characters; a credit code is upper case
    var key = q.replace(/[\u0000-\u001f]/g, '');
    if (/^[0-9a-z]+$/i.test(key) && /[0-9]/.test(key)) key = key.toUpperCase();
    var base = metaUrl.replace(/[^/]*$/, '');
    return json(metaUrl).then(function (meta) {
      var lo = 0, hi = meta.sep.length - 1;
      while (lo < hi) { // the last shard whose separator is <= key
        var mid = (lo + hi + 1) >> 1;
        if (meta.sep[mid] <= key) lo = mid; else hi = mid - 1;
      }
      return json(base + 'e-' + lo + '.json').then(function (rows) {
        var seen = {}, hits = [], lastMatches = false;
        rows.forEach(function (r) {
          var k = r[0] < 0 ? r[2] : r[1].substring(r[0]);
          lastMatches = k.lastIndexOf(key, 0) === 0;
          if (!lastMatches || seen[r[2]]) return;
          seen[r[2]] = true;
          hits.push({ url: 'enterprise/' + r[2] + '.html', text: r[1],
                      detail: r[2] + ' · ' + (meta.districts[r[3]] || '') + (r[4] ? ' · 已关闭' : '') });
        });
        return { hits: hits, more: lastMatches && lo + 1 < meta.shards };
      });
    });
  }
  Promise.all([json('search-index.json'), enterprises(results.getAttribute('data-enterprises'))])
    .then(function (got) {
      var idx = got[0], ent = got[1];
      show(ent.hits.concat(idx.documents.filter(function (d) { return has(d.title); }).map(function (d) {
        return { url: d.url, text: d.title, detail: d.kind + ' · ' + d.date };
      })).concat(idx.names.filter(function (n) { return has(n.name); }).map(function (n) {
        return { url: n.url, text: n.name, detail: (n.district ? n.district + ' · ' : '') + n.list };
      })), ent.more ? '；同名企业较多，请输入更完整的名称' : '');
    }).catch(function () { show(fromPage()); });
}());
