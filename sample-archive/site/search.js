/* Search over search-index.json (document titles, names on the public
 * lists); when the index cannot be fetched (e.g. opened from disk) it
 * filters the list already on the page.  Results are built with
 * textContent only: a name from the data never becomes markup. */
(function () {
  'use strict';
  var input = document.getElementById('q');
  var status = document.getElementById('search-status');
  var results = document.getElementById('search-results');
  var all = document.getElementById('search-all');
  var q = (new URLSearchParams(window.location.search).get('q') || '').trim();
  input.value = q;
  if (!q) return;
  var needle = q.toLowerCase();
  function has(text) { return String(text).toLowerCase().indexOf(needle) >= 0; }
  function show(hits) {
    results.textContent = '';
    hits.forEach(function (h) {
      var li = document.createElement('li'), a = document.createElement('a');
      var meta = document.createElement('span');
      a.href = h.url; a.textContent = h.text;
      meta.className = 'meta'; meta.textContent = h.detail;
      li.append(a, ' ', meta);
      results.appendChild(li);
    });
    results.hidden = false; all.hidden = true;
    status.textContent = '“' + q + '”：共 ' + hits.length + ' 条结果';
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
  fetch('search-index.json').then(function (r) {
    if (!r.ok) throw new Error('HTTP ' + r.status);
    return r.json();
  }).then(function (idx) {
    show(idx.documents.filter(function (d) { return has(d.title); }).map(function (d) {
      return { url: d.url, text: d.title, detail: d.kind + ' · ' + d.date };
    }).concat(idx.names.filter(function (n) { return has(n.name); }).map(function (n) {
      return { url: n.url, text: n.name, detail: (n.district ? n.district + ' · ' : '') + n.list };
    })));
  }).catch(function () { show(fromPage()); });
}());
