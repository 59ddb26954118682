import { runChain, renderings } from './test/extract/responsibilities/chain.js';
import { extractResponsibilitiesStage } from './src/extract/responsibilities/index.js';
import { rules } from './test/extract/responsibilities/chain.js';
for (const { file } of renderings()) {
  const s = await runChain(file);
  const t0 = performance.now();
  await extractResponsibilitiesStage.run(s, extractResponsibilitiesStage.options.parse({}), { rules });
  console.log(file, (performance.now() - t0).toFixed(0), 'ms', s.normalised!.text.length, 'chars');
}
