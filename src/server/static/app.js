// Shared helpers for the page scripts (plain browser JavaScript, no build step).
'use strict';
window.planlens = {
  escape(text) {
    return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  },
  /** fetch + JSON; a non-2xx answer becomes an Error carrying the server's message. */
  async api(path, options = {}) {
    const response = await fetch(path, { headers: { accept: 'application/json', ...(options.headers || {}) }, ...options });
    let body = null;
    try {
      body = await response.json();
    } catch {
      /* not JSON */
    }
    if (!response.ok) {
      const error = new Error((body && body.error) || `${response.status} ${response.statusText}`);
      error.status = response.status;
      error.body = body;
      throw error;
    }
    return body;
  },
};
