/**
 * Writes test/segment/golden/*.json.gz from the current pipeline. Run only
 * when a change to segmentation is intended, and say why in the commit:
 *   npx tsx test/segment/make-golden.ts
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { segmentStage } from '../../src/segment/index.js';
import { rules, structured } from '../structure/chain.js';
import { corpusFiles, goldenPath, type SegmentGolden } from './golden.js';

for (const file of corpusFiles()) {
  const state = await structured(file);
  const after = await segmentStage.run(state, segmentStage.options.parse({}), { rules });
  const golden: SegmentGolden = {
    file,
    input: { text: state.normalised!.text, ...(state.normalised!.pageStarts ? { pageStarts: state.normalised!.pageStarts } : {}), structure: state.structure! },
    output: after.segments!,
  };
  writeFileSync(goldenPath(file), gzipSync(JSON.stringify(golden)));
  console.log(`${file}: ${golden.output.sentences.length} sentences, ${golden.output.words.flat().length} words`);
}
