/** The same plan as .pdf and as .txt gives (nearly) the same sentences. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPORA, segmentedOnce } from '../structure/chain.js';

const squeeze = (text: string) => text.replace(/[\s\u3000]+/gu, '');

describe('pdf vs txt sentences', () => {
  it.each([
    { doc: 'lianyungang-ip-city-pilot-2024-2026', min: 0.98 },
    { doc: 'xuanwu-ip-14fyp-plan', min: 0.98 },
  ])('$doc: sentence sets overlap', async ({ doc, min }) => {
    expect(existsSync(resolve(CORPORA, `${doc}.pdf`))).toBe(true);
    const [pdf, txt] = await Promise.all([segmentedOnce(`${doc}.pdf`), segmentedOnce(`${doc}.txt`)]);
    const pdfSet = new Set(pdf.segments!.sentences.map((s) => squeeze(s.text)));
    const txtSet = new Set(txt.segments!.sentences.map((s) => squeeze(s.text)));
    const shared = [...txtSet].filter((s) => pdfSet.has(s)).length;
    const ofTxt = shared / txtSet.size;
    const ofPdf = shared / pdfSet.size;
    console.log(
      `${doc}: ${shared} shared sentences; ${(ofTxt * 100).toFixed(1)}% of txt (${txtSet.size}), ${(ofPdf * 100).toFixed(1)}% of pdf (${pdfSet.size})`,
    );
    console.log('only in txt:', [...txtSet].filter((s) => !pdfSet.has(s)).slice(0, 5));
    console.log('only in pdf:', [...pdfSet].filter((s) => !txtSet.has(s)).slice(0, 5));
    expect(ofTxt).toBeGreaterThanOrEqual(min);
    expect(ofPdf).toBeGreaterThanOrEqual(min);
  });
});
