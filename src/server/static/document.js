// Document page: click (or Enter on) a highlight to see every record under it; #rec-q12 selects one on load.
'use strict';
(() => {
  const records = JSON.parse(document.getElementById('records').textContent);
  const panel = document.getElementById('record-panel');
  const text = document.getElementById('doc-text');
  const { escape } = window.planlens;
  const KIND = { target: '目标 target', actual: '实际 actual', department: '部门 department', milestone: '时间节点 milestone' };
  const SKIP = new Set(['sentence', 'extracted', 'review_key']);

  const value = (v) => (v === null || v === undefined || v === '' ? '<span class="muted">—</span>' : escape(typeof v === 'object' ? JSON.stringify(v) : v));

  function show(keys, mark) {
    document.querySelectorAll('mark.selected').forEach((m) => m.classList.remove('selected'));
    for (const key of keys) document.querySelectorAll(`mark[data-records~="${key}"]`).forEach((m) => m.classList.add('selected'));
    panel.innerHTML = keys
      .map((key) => records[key])
      .filter(Boolean)
      .map((r) => {
        const fields = Object.entries(r.fields)
          // Empty fields say nothing; the record's own fields are what a reader checks.
          .filter(([k, v]) => !SKIP.has(k) && v !== null && v !== undefined && v !== '')
          .map(([k, v]) => `<dt>${escape(k)}</dt><dd>${value(v)}</dd>`)
          .join('');
        const flags = r.flags.length
          ? `<p><b>待核 flags</b></p><ul>${r.flags.map((f) => `<li class="flag"><b>${escape(f.kind)}</b>: ${escape(f.reason)}</li>`).join('')}</ul>`
          : '<p class="muted">无待核标记 no flags</p>';
        return `<div class="record" data-key="${escape(r.key)}"><h3><mark class="hl k-${escape(r.kind)}">${KIND[r.kind] || escape(r.kind)}</mark> ${escape(r.label)}</h3>
          <dl><dt>rule</dt><dd><code>${escape(r.rule)}</code></dd><dt>offsets</dt><dd>${r.start}–${r.end}</dd>${fields}</dl>${flags}</div>`;
      })
      .join('');
    if (mark) mark.focus({ preventScroll: true });
  }

  text.addEventListener('click', (e) => {
    const mark = e.target.closest('mark[data-records]');
    if (mark) show(mark.dataset.records.split(' '), mark);
  });
  text.addEventListener('keydown', (e) => {
    const mark = e.target.closest && e.target.closest('mark[data-records]');
    if (mark && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      show(mark.dataset.records.split(' '), mark);
    }
  });
  document
    .querySelectorAll('[data-toggle]')
    .forEach((box) => box.addEventListener('change', () => text.classList.toggle(`hide-${box.dataset.toggle}`, !box.checked)));
  const fromHash = () => {
    const m = location.hash.match(/^#rec-(\w+)$/);
    if (!m || !records[m[1]]) return;
    const mark = document.getElementById(`rec-${m[1]}`);
    if (mark) mark.scrollIntoView({ block: 'center' });
    show([m[1]], mark && mark.tagName === 'MARK' ? mark : null);
  };
  window.addEventListener('hashchange', fromHash);
  fromHash();
})();
