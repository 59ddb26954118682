/**
 * Review routes: the queue page and the accept/reject/edit/undo API, each a
 * call into src/review (the same corrections `planlens review` writes).
 * Bad input (an unknown unit, an implausible year, a missing reason) is the
 * library's ReviewInputError, answered 400 with its message.
 */
import { Hono, type Context } from 'hono';
import { UnitTable } from '../extract/common/units.js';
import { accept, edit, getItem, history, listQueue, reject, ReviewInputError, ReviewNotFound, undo, type FieldPatch } from '../review/index.js';
import type { RecordType } from '../records/index.js';
import type { RuleSet } from '../rules/index.js';
import type { Db } from '../store/index.js';
import { EDITABLE, reviewPage } from './pages/review.js';

export function reviewRoutes(db: Db, rules: RuleSet, reviewer: string): Hono {
  const app = new Hono();
  const who = { reviewer };
  let units: UnitTable | null = null;

  const answer = async (c: Context, run: () => unknown) => {
    try {
      return c.json({ item: await run() });
    } catch (error) {
      if (error instanceof ReviewInputError) return c.json({ error: error.message }, 400);
      if (error instanceof ReviewNotFound) return c.json({ error: error.message }, 404);
      throw error;
    }
  };
  const body = async (c: Context): Promise<Record<string, unknown>> => {
    try {
      const parsed = (await c.req.json()) as unknown;
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  };

  app.get('/review', (c) => c.html(reviewPage(db, { document: c.req.query('document'), flag: c.req.query('flag') })));

  app.get('/api/review/queue', (c) =>
    answerList(c, () =>
      listQueue(db, {
        document: c.req.query('document'),
        flag: c.req.query('flag'),
        indicator: c.req.query('indicator'),
        type: c.req.query('type') as RecordType | undefined,
        all: c.req.query('all') === '1',
        unreviewed: c.req.query('unreviewed') !== '0',
      }),
    ),
  );
  app.get('/api/review/:id', (c) => answer(c, () => ({ ...getItem(db, c.req.param('id')), history: history(db, c.req.param('id')) })));
  app.post('/api/review/:id/accept', (c) => answer(c, () => accept(db, c.req.param('id'), who)));
  app.post('/api/review/:id/reject', async (c) => {
    const { reason } = await body(c);
    return answer(c, () => reject(db, c.req.param('id'), typeof reason === 'string' ? reason : '', who));
  });
  app.post('/api/review/:id/edit', async (c) => {
    const patch = (await body(c)) as FieldPatch;
    return answer(c, () => {
      const item = getItem(db, c.req.param('id'));
      const allowed = EDITABLE[item.type] ?? [];
      const unknown = Object.keys(patch).filter((k) => !allowed.includes(k));
      if (unknown.length) throw new ReviewInputError(`cannot edit ${unknown.join(', ')} here (a ${item.type} edit takes ${allowed.join(', ')})`);
      // Only what changed: an untouched field must not count as an edit of it.
      const changed = Object.fromEntries(Object.entries(patch).filter(([k, v]) => String(v ?? '') !== displayed(item.fields[k])));
      if (Object.keys(changed).length === 0) throw new ReviewInputError('nothing changed: edit a field, or accept the record as it is');
      if (typeof changed.unit === 'string' && changed.unit.trim()) {
        units ??= UnitTable.load(rules);
        if (!units.parse(changed.unit.trim())) throw new ReviewInputError(`unit '${changed.unit.trim()}' is not a known unit (rules/units.yaml)`);
      }
      return edit(db, c.req.param('id'), changed, who, { rules });
    });
  });
  app.post('/api/review/:id/undo', (c) => answer(c, () => undo(db, c.req.param('id'), who)));
  return app;
}

function displayed(value: unknown): string {
  if (value === null || value === undefined) return '';
  return Array.isArray(value) ? value.join('、') : String(value);
}

function answerList(c: Context, run: () => unknown[]) {
  try {
    return c.json({ items: run() });
  } catch (error) {
    if (error instanceof ReviewInputError) return c.json({ error: error.message }, 400);
    if (error instanceof ReviewNotFound) return c.json({ error: error.message }, 404);
    throw error;
  }
}
