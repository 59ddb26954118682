// Review page: j/k move, a accept, r reject, e edit, u undo. Every action is a call to /api/review/…,
// which runs the review library (the same corrections `planlens review` writes).
'use strict';
(() => {
  const { escape, api } = window.planlens;
  const queue = document.getElementById('queue');
  const notice = document.getElementById('notice');
  const count = document.getElementById('queue-count');
  const UNDO_KEY = 'planlens-review-undo';
  const labelsElement = document.getElementById('field-labels');
  const LABELS = labelsElement ? JSON.parse(labelsElement.textContent) : {};
  const label = (field) => LABELS[field] || field.replace(/[-_]/g, ' ');
  // Items corrected on this page, newest last, so u can take back the latest even after it left the queue.
  const undoStack = JSON.parse(sessionStorage.getItem(UNDO_KEY) || '[]');
  const saveStack = () => sessionStorage.setItem(UNDO_KEY, JSON.stringify(undoStack.slice(-50)));

  const items = () => [...queue.querySelectorAll('li.item')];
  const current = () => queue.querySelector('li.item.current') || items()[0] || null;
  const say = (html, error = false) => {
    notice.innerHTML = `<p class="notice${error ? ' error' : ''}">${html}</p>`;
  };
  const updateCount = () => {
    count.textContent = `${items().length} 条待审核 record(s) to review in this document.`;
  };

  function select(li) {
    if (!li) return;
    items().forEach((x) => x.classList.remove('current'));
    li.classList.add('current');
    li.scrollIntoView({ block: 'nearest' });
  }
  function move(step) {
    const list = items();
    const at = list.indexOf(current());
    select(list[Math.min(list.length - 1, Math.max(0, at + step))]);
  }
  function leave(li) {
    const list = items();
    const next = list[list.indexOf(li) + 1] || list[list.indexOf(li) - 1];
    li.remove();
    select(next);
    updateCount();
  }
  const busy = () => document.querySelector('.edit-form, .reject-form');

  async function act(li, action, payload) {
    const id = li.dataset.id;
    try {
      const { item } = await api(`/api/review/${id}/${action}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload || {}),
      });
      undoStack.push(item.id);
      saveStack();
      const done = { accept: '已接受 accepted', reject: '已拒绝 rejected', edit: '已修改 corrected' }[action];
      say(`${escape(id)} ${done}: ${escape(item.label)} — 按 <kbd>u</kbd> 撤销 press u to undo`);
      leave(li);
    } catch (error) {
      const form = li.querySelector('.edit-form, .reject-form');
      if (form) form.querySelector('.error').textContent = error.message;
      else say(escape(error.message), true);
    }
  }

  async function undoLast() {
    const id = undoStack.pop();
    saveStack();
    if (!id) return say('没有可撤销的修改 — nothing to undo on this page', true);
    try {
      const { item } = await api(`/api/review/${id}/undo`, { method: 'POST' });
      say(`${escape(id)} 已撤销 undone: ${escape(item.label)} is back in the queue`);
      setTimeout(() => location.reload(), 600);
    } catch (error) {
      say(escape(error.message), true);
    }
  }

  function openForm(li, kind) {
    if (busy()) return;
    const form = document.createElement('form');
    form.className = kind === 'edit' ? 'edit-form' : 'reject-form edit-form';
    if (kind === 'edit') {
      const fields = JSON.parse(li.dataset.fields || '{}');
      form.innerHTML = Object.entries(fields)
        .map(([k, v]) => `<label for="f-${k}">${escape(label(k))}</label><input id="f-${k}" name="${escape(k)}" value="${escape(v)}">`)
        .join('');
    } else {
      form.innerHTML = `<label for="f-reason">${escape(label('reason'))}</label><input id="f-reason" name="reason" list="reasons" value="not-a-target">
        <datalist id="reasons"><option value="not-a-target"><option value="not-a-department"><option value="wrong"><option value="duplicate"></datalist>`;
    }
    form.insertAdjacentHTML(
      'beforeend',
      `<span></span><span><button type="submit">${kind === 'edit' ? '保存 Save' : '拒绝 Reject'}</button> <button type="button" class="secondary cancel">取消 Esc</button></span><p class="error" role="alert"></p>`,
    );
    li.append(form);
    const first = form.querySelector('input');
    first.focus();
    first.select();
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const data = Object.fromEntries(new FormData(form));
      act(li, kind, data);
    });
    const close = () => {
      form.remove();
      li.focus();
    };
    form.querySelector('.cancel').addEventListener('click', close);
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') close();
    });
  }

  queue.addEventListener('click', (e) => {
    const li = e.target.closest('li.item');
    if (!li) return;
    if (!e.target.closest('form')) select(li);
    const button = e.target.closest('button[data-action]');
    if (!button) return;
    const action = button.dataset.action;
    if (action === 'accept') act(li, 'accept');
    else openForm(li, action);
  });

  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.target.closest && e.target.closest('input, select, textarea, form')) return;
    const li = current();
    switch (e.key) {
      case 'j':
        move(1);
        break;
      case 'k':
        move(-1);
        break;
      case 'a':
        if (li) act(li, 'accept');
        break;
      case 'r':
        if (li) {
          e.preventDefault();
          openForm(li, 'reject');
        }
        break;
      case 'e':
        if (li) {
          e.preventDefault();
          openForm(li, 'edit');
        }
        break;
      case 'u':
        undoLast();
        break;
      default:
        return;
    }
  });
})();
