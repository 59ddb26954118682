// Documents page: upload by drag and drop or file picker, then follow the ingest job until it ends.
'use strict';
(() => {
  const drop = document.getElementById('drop');
  const input = document.getElementById('upload-file');
  const log = document.getElementById('upload-log');
  const { escape, api } = window.planlens;

  const line = (cls, html) => {
    const li = document.createElement('li');
    li.className = cls;
    li.innerHTML = html;
    log.prepend(li);
    return li;
  };

  async function upload(file) {
    const li = line('running', `${escape(file.name)}: 上传中 uploading`);
    const form = new FormData();
    form.append('file', file);
    let job;
    try {
      job = await api('/api/upload', { method: 'POST', body: form });
    } catch (error) {
      li.className = 'error';
      li.innerHTML = `未导入 not imported — ${escape(error.message.startsWith(file.name) ? error.message : `${file.name}: ${error.message}`)}`;
      return;
    }
    const show = (j) => {
      li.className = j.state;
      const link = j.documentId ? ` <a href="/documents/${j.documentId}">打开 open document ${j.documentId}</a>` : '';
      li.innerHTML = `${escape(j.file)}: ${escape(j.steps[j.steps.length - 1])}${link}`;
      li.title = j.steps.join('\n');
    };
    show(job);
    while (job.state === 'running' || !job.steps.some((s) => s.startsWith('done') || s.startsWith('failed'))) {
      await new Promise((r) => setTimeout(r, 400));
      job = await api(`/api/jobs/${job.id}`);
      show(job);
      if (job.state === 'failed') break;
    }
    if (job.state !== 'failed') setTimeout(() => location.reload(), 1500);
  }

  input.addEventListener('change', () => {
    for (const file of input.files) upload(file);
    input.value = '';
  });
  for (const type of ['dragenter', 'dragover']) {
    drop.addEventListener(type, (e) => {
      e.preventDefault();
      drop.classList.add('over');
    });
  }
  for (const type of ['dragleave', 'drop']) drop.addEventListener(type, () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    for (const file of e.dataTransfer.files) upload(file);
  });
})();
