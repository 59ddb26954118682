/**
 * Access control. On loopback the app is as open as the database file it
 * serves. Bound to any other interface it requires a token: in the
 * `Authorization: Bearer …` or `X-Planlens-Token` header, or `?token=` in the
 * URL. A valid `?token=` also sets a same-site cookie so the links and the
 * page scripts of that browser keep working without repeating the token.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

export const TOKEN_COOKIE = 'planlens_token';
export const TOKEN_HEADER = 'x-planlens-token';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Refuses (401) every request that does not carry `token`; null means no token is required. */
export function requireToken(token: string | null): MiddlewareHandler {
  return async (c, next) => {
    if (token === null) return next();
    const bearer = c.req.header('authorization')?.match(/^Bearer\s+(.+)$/i)?.[1];
    const fromQuery = c.req.query('token');
    const given = [bearer, c.req.header(TOKEN_HEADER), fromQuery, getCookie(c, TOKEN_COOKIE)];
    if (!given.some((g) => sameToken(g, token))) {
      const message =
        'this planlens server requires its access token (printed by `planlens serve`): add ?token=… to the URL or send the X-Planlens-Token header';
      return c.req.path.startsWith('/api/') || !c.req.header('accept')?.includes('text/html')
        ? c.json({ error: message }, 401)
        : c.html(`<!doctype html><meta charset="utf-8"><title>401</title><p>401 — ${message}</p>`, 401);
    }
    if (sameToken(fromQuery, token)) setCookie(c, TOKEN_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/' });
    return next();
  };
}

/**
 * A page on another site can make the browser POST to 127.0.0.1; browsers
 * send Origin with such requests, so a state-changing request whose Origin
 * is not this server's is refused.
 */
export function sameOriginWrites(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const origin = c.req.header('origin');
      const host = c.req.header('host');
      // "null" (sandboxed frames, file: pages, some redirects) and anything unparsable is not this server.
      if (origin && host && originHost(origin) !== host) {
        return c.json({ error: `refused: a request from ${origin} may not change this database` }, 403);
      }
    }
    return next();
  };
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * DNS rebinding: a site can point its own name at 127.0.0.1, and the
 * browser then treats this server as that site. Without a token the only
 * defence is the Host header, which then names the other site: on loopback,
 * only loopback names are answered.
 */
export function loopbackHostOnly(enabled: boolean): MiddlewareHandler {
  return async (c, next) => {
    if (!enabled) return next();
    const host = c.req.header('host') ?? '';
    const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
    if (!isLoopback(name)) return c.json({ error: `refused: this server answers only to loopback addresses, not '${host}'` }, 403);
    return next();
  };
}
