/**
 * The page's one inline script; its SHA-256 goes into the Content-Security-Policy. It reads the report from the JSON
 * data block, switches layers and builds the detail popups with DOM APIs and textContent only (never innerHTML).
 */
export const PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('ct-data').textContent);
  var textEl = document.getElementById('ct-text');
  var pop = document.getElementById('ct-pop');
  var text = data.document.text;
  var SHOW_ORDER = ['finding', 'technique', 'figure', 'source', 'cue', 'entity', 'claim'];
  var pinned = false;
  var current = null;
  var restoring = false;

  function byId(list) { var map = {}; list.forEach(function (item) { map[item.id] = item; }); return map; }
  var attributions = byId(data.attributions);
  var entities = byId(data.entities);
  var annotations = byId([].concat(data.claims, data.attributions, data.entities, data.quantities, data.techniques));

  function clip(s, n) { s = s.replace(/\s+/g, ' ').trim(); return s.length > n ? s.slice(0, n - 1) + '…' : s; }
  function words(r) { return clip(text.slice(r.start, r.end), 240); }
  function num(v) { return v === null || v === undefined ? '—' : v.toLocaleString('en-US', { maximumFractionDigits: 2 }); }
  function isOn(layer) { return !textEl.classList.contains('off-' + layer); }
  function sourceOf(a) { return a ? (a.source ? '“' + clip(a.source.text, 80) + '”' : '(no source named)') + ' — ' + clip(a.cue.text, 40) : '(unknown)'; }

  var describe = {
    claim: function (c) { return ['Claim', [['words', words(c)], ['check-worthiness', c.checkworthiness.toFixed(2)], ['kind', c.kind], ['source grade', c.grade],
      ['sources', c.attributionIds.length ? c.attributionIds.map(function (id) { return sourceOf(attributions[id]); }).join('; ') : 'none']]]; },
    source: function (a) { return ['Source (' + a.grade + ')', attributionRows(a)]; },
    cue: function (a) { return ['Attribution cue', attributionRows(a)]; },
    entity: function (e) { return ['Entity', [['words', words(e)], ['type', e.type]].concat(mentionRows(e))]; },
    figure: function (q) { return ['Figure', [['words', words(q)], ['value', num(q.value)], ['low', num(q.low)], ['high', num(q.high)],
      ['bound', q.bound], ['unit', q.unit === null ? '—' : q.unit], ['kind', q.kind]]]; },
    technique: function (t) { return [t.technique.replace(/_/g, ' '), [['words', words(t)], ['score', t.score.toFixed(2)], ['evidence', t.evidence]]]; },
    finding: function (f) { return [f.severity + ': ' + f.rule, [['message', f.message], ['at', 'line ' + f.line + ', column ' + f.col], ['words', words(f)],
      ['about', f.annotationIds.map(function (id) { var a = annotations[id]; return a && a.text !== undefined ? id + ' “' + clip(a.text, 60) + '”' : id; }).join('; ') || '—']]]; }
  };

  function entityOf(e) { return e.entity || '#' + e.id; }
  var mentions = {};
  data.entities.forEach(function (e) { var key = entityOf(e); (mentions[key] = mentions[key] || []).push(e); });

  function mentionRows(e) {
    var same = mentions[entityOf(e)] || [e];
    if (same.length < 2) return [];
    var forms = [], counts = {};
    same.forEach(function (m) {
      if (m === e) return;
      var form = clip(m.text, 60);
      if (!counts[form]) { counts[form] = 0; forms.push(form); }
      counts[form]++;
    });
    var others = forms.map(function (form) { return '“' + form + '”' + (counts[form] > 1 ? ' ×' + counts[form] : ''); }).join(', ');
    return [['mentions', same.length + ' of this entity'], ['other mentions', others]];
  }

  function attributionRows(a) {
    var rows = [['source', a.source ? a.source.text : '(none named)'], ['grade', a.grade], ['cue', a.cue.text], ['hedged', a.hedged ? 'yes' : 'no']];
    if (a.resolvesTo) rows.push(['refers to', a.resolvesTo.text]);
    if (a.parent) rows.push(['nested in', sourceOf(attributions[a.parent])]);
    if (a.entityIds.length) rows.push(['entities', a.entityIds.map(function (id) { return entities[id] ? entities[id].text + ' (' + entities[id].type + ')' : id; }).join('; ')]);
    rows.push(['content', words(a.content)]);
    return rows;
  }

  function item(ref) {
    var parts = ref.split(':');
    var list = { claim: data.claims, source: data.attributions, cue: data.attributions, entity: data.entities,
      figure: data.quantities, technique: data.techniques, finding: data.findings }[parts[0]];
    var value = list && list[Number(parts[1])];
    return value ? describe[parts[0]](value) : null;
  }

  function refsAt(node) {
    var refs = [];
    for (var n = node; n && n !== textEl; n = n.parentElement) {
      var ref = n.getAttribute && n.getAttribute('data-ref');
      if (ref && isOn(ref.split(':')[0]) && refs.indexOf(ref) < 0) refs.push(ref);
    }
    return refs.sort(function (a, b) { return SHOW_ORDER.indexOf(a.split(':')[0]) - SHOW_ORDER.indexOf(b.split(':')[0]); });
  }

  function el(tag, content) { var e = document.createElement(tag); if (content !== undefined) e.textContent = content; return e; }

  function fill(refs) {
    while (pop.firstChild) pop.removeChild(pop.firstChild);
    var close = el('button', '×');
    close.type = 'button'; close.className = 'ct-close'; close.setAttribute('aria-label', 'Close details');
    close.addEventListener('click', hide);
    pop.appendChild(close);
    refs.forEach(function (ref) {
      var d = item(ref);
      if (!d) return;
      var section = el('section');
      section.appendChild(el('h3', d[0]));
      var dl = el('dl');
      d[1].forEach(function (row) { dl.appendChild(el('dt', row[0])); dl.appendChild(el('dd', String(row[1]))); });
      section.appendChild(dl);
      pop.appendChild(section);
    });
  }

  function place(target, x, y) {
    if (x === undefined && target.getClientRects) {
      var rects = target.getClientRects();
      var r = rects.length ? rects[0] : target.getBoundingClientRect();
      x = r.left; y = r.bottom;
    }
    var width = document.documentElement.clientWidth || 800;
    pop.style.left = Math.max(8, Math.min(window.scrollX + (x || 0), window.scrollX + width - pop.offsetWidth - 8)) + 'px';
    pop.style.top = (window.scrollY + (y || 0) + 8) + 'px';
  }

  function show(target, pin, x, y) {
    var refs = refsAt(target);
    if (!refs.length) { if (!pinned || pin) hide(); return; }
    if (current) current.removeAttribute('aria-describedby');
    current = target.closest ? target.closest('[data-ref]') : target;
    if (current) current.setAttribute('aria-describedby', 'ct-pop');
    pinned = pin;
    fill(refs);
    pop.hidden = false;
    place(current || target, x, y);
  }

  function hide() {
    pop.hidden = true; pinned = false;
    if (current) current.removeAttribute('aria-describedby');
    current = null;
  }

  function setLayer(box) {
    var layer = box.getAttribute('data-layer');
    textEl.classList.toggle('off-' + layer, !box.checked);
    textEl.querySelectorAll('.L-' + layer + '.first').forEach(function (h) { h.tabIndex = box.checked ? 0 : -1; });
    if (!pop.hidden && current) show(current, pinned);
  }

  document.querySelectorAll('input[data-layer]').forEach(function (box) {
    box.addEventListener('change', function () { setLayer(box); });
    setLayer(box);
  });

  textEl.addEventListener('mouseover', function (e) { if (!pinned) show(e.target, false, e.clientX, e.clientY); });
  textEl.addEventListener('mouseleave', function () { if (!pinned) hide(); });
  textEl.addEventListener('click', function (e) { show(e.target, true, e.clientX, e.clientY); });
  textEl.addEventListener('focusin', function (e) { if (restoring) { restoring = false; return; } show(e.target, true); });
  textEl.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); show(e.target, true); } });
  document.addEventListener('keydown', function (e) { if (e.key === 'Escape' && !pop.hidden) { var back = current; hide(); if (back && back.focus && back.tabIndex >= 0) { restoring = true; back.focus(); restoring = false; } } });
  document.addEventListener('click', function (e) { if (!pop.hidden && !pop.contains(e.target) && !textEl.contains(e.target)) hide(); });

  document.querySelectorAll('a[data-jump]').forEach(function (link) {
    link.addEventListener('click', function (e) {
      var target = document.getElementById(link.getAttribute('data-jump'));
      if (!target) return;
      e.preventDefault();
      var box = document.querySelector('input[data-layer="' + target.getAttribute('data-ref').split(':')[0] + '"]');
      if (box && !box.checked) { box.checked = true; setLayer(box); }
      if (target.scrollIntoView) target.scrollIntoView({ block: 'center' });
      target.focus({ preventScroll: true });
      show(target, true);
    });
  });
})();
`;
