/**
 * For a request no route answers: the methods that path does take, so a
 * PUT or DELETE on a real endpoint is told 405 with Allow, not 404.
 */
import type { Hono } from 'hono';

export function allowedMethods(app: Hono): (path: string) => string[] {
  let patterns: Array<{ method: string; pattern: RegExp }> | null = null;
  return (path) => {
    patterns ??= app.routes.filter((r) => r.method !== 'ALL').map((r) => ({ method: r.method.toUpperCase(), pattern: patternOf(r.path) }));
    const methods = new Set(patterns.filter((p) => p.pattern.test(path)).map((p) => p.method));
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  };
}

/** Hono's path syntax ('/a/:id{[0-9]+}/b', '/x/*') as a regular expression. */
function patternOf(routePath: string): RegExp {
  let source = '';
  for (const part of routePath.split(/(:\w+(?:\{[^}]+\})?|\*)/)) {
    if (part === '*') source += '.*';
    else if (part.startsWith(':')) source += part.includes('{') ? `(${part.slice(part.indexOf('{') + 1, -1)})` : '([^/]+)';
    else source += part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}/?$`);
}
