/**
 * HTML templating without a template engine: a tagged template that escapes
 * every interpolated value unless it is already Html. Escaping by default
 * means document text (which can contain anything) never becomes markup.
 */

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | null | undefined | false | HtmlValue[];

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => (out += render(v) + strings[i + 1]!));
  return new Html(out);
}

/** Markup built by our own code (e.g. SVG), trusted as is. */
export function raw(text: string): Html {
  return new Html(text);
}

export interface PageOptions {
  title: string;
  /** Which nav entry is current. */
  active?: 'documents' | 'compare' | 'progress' | 'departments' | 'review';
  scripts?: string[];
}

const NAV: Array<{ key: NonNullable<PageOptions['active']>; href: string; label: string }> = [
  { key: 'documents', href: '/', label: '文件 Documents' },
  { key: 'compare', href: '/compare', label: '指标对比 Compare' },
  { key: 'progress', href: '/progress', label: '进度 Progress' },
  { key: 'departments', href: '/departments', label: '部门任务 Departments' },
  { key: 'review', href: '/review', label: '审核 Review' },
];

export function page(options: PageOptions, body: Html): string {
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title} · planlens</title>
        <link rel="stylesheet" href="/static/app.css" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
      </head>
      <body>
        <a class="skip" href="#main">跳到正文 Skip to content</a>
        <header class="top">
          <a class="brand" href="/">planlens</a>
          <nav>${NAV.map((n) => html`<a href="${n.href}" ${n.key === options.active ? raw(' aria-current="page"') : ''}>${n.label}</a>`)}</nav>
        </header>
        <main id="main" tabindex="-1">${body}</main>
        <script src="/static/app.js"></script>
        ${(options.scripts ?? []).map((s) => html`<script src="/static/${s}"></script>`)}
      </body>
    </html>`.value;
}
