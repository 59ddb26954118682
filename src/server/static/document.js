// Document page: click (or Enter on) a highlight to see every record under it; #rec-q12 selects one on load.
// Each record can be accepted, rejected or edited here: the same /api/review/… calls (and corrections) as the Review page.
'use strict';
(() => {
  const records = JSON.parse(document.getElementById('records').textContent);
  const words = JSON.parse(document.getElementById('panel-words').textContent);
  const panel = document.getElementById('record-panel');
  const text = document.getElementById('doc-text');
  const { escape, api } = window.planlens;
  const KIND = { target: '目标 target', actual: '实际 actual', department: '部门 department', milestone: '时间节点 milestone' };
  // The review queue's record type for each kind the page marks; the keys (q12, d3, m7) are the review ids.
  const REVIEW_TYPE = { target: 'quantity', actual: 'quantity', department: 'department', milestone: 'milestone' };
  const SKIP = new Set(['sentence', 'extracted', 'review_key', 'id', 'review_status', 'reviewed_by']);
  const STATUS = { accepted: '已接受 accepted', corrected: '已修改 corrected', added: '已添加 added', rejected: '已拒绝 rejected' };
  let shown = [];

  const label = (field) => words.fields[field] || field.replace(/[-_]/g, ' ');
  const flagLabel = (kind) => words.flags[kind] || String(kind || '—').replace(/-/g, ' ');
  // The page's one place a field value becomes text: codes in words (≥, 目标 target, 是 yes), from the server's labels.
  const value = (k, v) => {
    if (v === null || v === undefined || v === '') return '<span class="muted">—</span>';
    const coded = words.values[k] && words.values[k][String(v)];
    if (coded !== undefined) return escape(coded);
    return escape(Array.isArray(v) ? v.join('、') : typeof v === 'object' ? JSON.stringify(v) : v);
  };

  function recordHtml(r) {
    const fields = Object.entries(r.fields)
      // Empty fields say nothing; the record's own fields are what a reader checks.
      .filter(([k, v]) => !SKIP.has(k) && v !== null && v !== undefined && v !== '')
      .map(([k, v]) => `<dt>${escape(label(k))}</dt><dd>${value(k, v)}</dd>`)
      .join('');
    const flags = r.flags.length
      ? `<p><b>待核 flags</b></p><ul>${r.flags.map((f) => `<li class="flag"><b>${escape(flagLabel(f.kind))}</b>: ${escape(f.reason)}</li>`).join('')}</ul>`
      : '<p class="muted">无待核标记 no flags</p>';
    const status = r.fields.review_status
      ? `<p class="review-status">${escape(STATUS[r.fields.review_status] || r.fields.review_status)}${r.fields.reviewed_by ? ` · ${escape(r.fields.reviewed_by)}` : ''}</p>`
      : '';
    const actions = REVIEW_TYPE[r.kind]
      ? `<div class="actions" role="group" aria-label="审核 review">
          <button type="button" data-action="accept">接受 Accept</button>
          <button type="button" class="secondary" data-action="reject">拒绝 Reject</button>
          <button type="button" class="secondary" data-action="edit">修改 Edit</button>
        </div>`
      : '';
    const unit = r.kind === 'department' ? r.fields.canonical_id || r.fields.canonical_name || r.fields.name : null;
    const tasksLink = unit ? `<p><a href="/departments?name=${encodeURIComponent(unit)}#tasks">该部门的任务 this unit's tasks →</a></p>` : '';
    return `<div class="record" data-key="${escape(r.key)}"><h3><mark class="hl k-${escape(r.kind)}">${KIND[r.kind] || escape(r.kind)}</mark> ${escape(r.label)}</h3>
      ${status}<dl><dt>${escape(label('rule'))}</dt><dd><code>${escape(r.rule)}</code></dd><dt>${escape(label('offsets'))}</dt><dd>${r.start}–${r.end}</dd>${fields}</dl>${tasksLink}${flags}${actions}
      <p class="error" role="alert"></p></div>`;
  }

  function show(keys, mark) {
    shown = keys.filter((key) => records[key]);
    document.querySelectorAll('mark.selected').forEach((m) => m.classList.remove('selected'));
    for (const key of shown) document.querySelectorAll(`mark[data-records~="${key}"]`).forEach((m) => m.classList.add('selected'));
    panel.innerHTML = shown.map((key) => recordHtml(records[key])).join('') || '<p class="muted">这里没有记录 — no record here.</p>';
    if (mark) mark.focus({ preventScroll: true });
  }

  const say = (box, message, error = false) => {
    const notice = box.querySelector(':scope > .error');
    notice.className = error ? 'error' : 'error ok';
    notice.textContent = message;
  };

  /** Runs one review action, then shows the record as the database now holds it. */
  async function act(box, action, payload) {
    const key = box.dataset.key;
    try {
      const { item } = await api(`/api/review/${key}/${action}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload || {}),
      });
      const r = records[key];
      if (action === 'reject') {
        r.fields.review_status = 'rejected';
        document.querySelectorAll(`mark[data-records~="${key}"]`).forEach((m) => m.classList.add('rejected'));
      } else {
        for (const [k, v] of Object.entries(item.fields || {})) if (k in r.fields || v !== null) r.fields[k] = v;
        r.fields.review_status = item.status || r.fields.review_status;
      }
      show(shown);
      const again = panel.querySelector(`.record[data-key="${key}"]`);
      const done = { accept: '已接受 accepted', reject: '已拒绝 rejected', edit: '已修改 saved' }[action];
      if (again) {
        say(again, `${done} — ${item.label || ''}`);
        again.querySelector('button[data-action]')?.focus();
      }
    } catch (error) {
      const form = box.querySelector('form');
      if (form) form.querySelector('.form-error').textContent = error.message;
      else say(box, error.message, true);
    }
  }

  function openForm(box, kind) {
    if (box.querySelector('form')) return;
    const r = records[box.dataset.key];
    const form = document.createElement('form');
    form.className = 'edit-form';
    if (kind === 'edit') {
      const editable = words.editable[REVIEW_TYPE[r.kind]] || [];
      form.innerHTML = editable
        .map((k) => {
          const v = r.fields[k];
          const shownValue = v === null || v === undefined ? '' : Array.isArray(v) ? v.join('、') : String(v);
          return `<label for="pf-${k}">${escape(label(k))}</label><input id="pf-${k}" name="${escape(k)}" value="${escape(shownValue)}">`;
        })
        .join('');
    } else {
      form.innerHTML = `<label for="pf-reason">${escape(label('reason'))}</label><input id="pf-reason" name="reason" list="pf-reasons" value="">
        <datalist id="pf-reasons"><option value="not-a-target"><option value="not-a-department"><option value="wrong"><option value="duplicate"></datalist>`;
    }
    form.insertAdjacentHTML(
      'beforeend',
      `<span></span><span><button type="submit">${kind === 'edit' ? '保存 Save' : '拒绝 Reject'}</button> <button type="button" class="secondary cancel">取消 Cancel</button></span><p class="form-error error" role="alert"></p>`,
    );
    box.querySelector('.actions').after(form);
    const first = form.querySelector('input');
    first.focus();
    first.select();
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      act(box, kind, Object.fromEntries(new FormData(form)));
    });
    form.addEventListener('input', () => (form.querySelector('.form-error').textContent = ''));
    const close = () => {
      form.remove();
      box.querySelector(`button[data-action="${kind}"]`).focus();
    };
    form.querySelector('.cancel').addEventListener('click', close);
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') close();
    });
  }

  panel.addEventListener('click', (e) => {
    const button = e.target.closest('button[data-action]');
    const box = e.target.closest('.record');
    if (!button || !box) return;
    if (button.dataset.action === 'accept') act(box, 'accept');
    else openForm(box, button.dataset.action);
  });

  text.addEventListener('click', (e) => {
    const mark = e.target.closest('mark[data-records]');
    if (mark) show(mark.dataset.records.split(' '), mark);
  });
  // By keyboard the panel is far away in tab order (after every mark): Enter on a mark moves focus to the
  // panel, so Tab reaches its buttons next; Escape in the panel goes back to the mark.
  let lastMark = null;
  text.addEventListener('keydown', (e) => {
    const mark = e.target.closest && e.target.closest('mark[data-records]');
    if (mark && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      show(mark.dataset.records.split(' '), mark);
      lastMark = mark;
      if (shown.length) panel.focus();
    }
  });
  panel.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || e.target.closest('form') || !lastMark) return;
    lastMark.focus();
  });
  document
    .querySelectorAll('[data-toggle]')
    .forEach((box) => box.addEventListener('change', () => text.classList.toggle(`hide-${box.dataset.toggle}`, !box.checked)));
  const fromHash = () => {
    const m = location.hash.match(/^#rec-(\w+)$/);
    if (!m) return;
    const mark = document.getElementById(`rec-${m[1]}`);
    if (mark) mark.scrollIntoView({ block: 'center' });
    if (!records[m[1]]) {
      // A span pointed at (a search hit): show the records inside it, if any.
      const inside = mark && mark.tagName === 'MARK' ? mark.dataset.records.split(' ').filter((k) => records[k]) : [];
      if (inside.length) show(inside, mark);
      else if (mark) mark.focus({ preventScroll: true });
      return;
    }
    show([m[1]], mark && mark.tagName === 'MARK' ? mark : null);
  };
  window.addEventListener('hashchange', fromHash);
  fromHash();
})();
