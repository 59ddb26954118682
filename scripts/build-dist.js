// npm run build (and `prepare`, so npm install / npm ci on a fresh clone run
// it): compiles src/ to dist/ with tsc, copies the files tsc does not compile
// (the web app's static files) beside their modules, then stamps the build
// with the time it started — bin/entry.js runs dist/ only while no file in
// src/ is newer than that stamp.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { BUILD_STAMP } from '../bin/entry.js';

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'src');
const dist = join(root, 'dist');
// Whole seconds, rounded down: file systems that store coarse times must not make the stamp look newer than a source.
const started = Math.floor(Date.now() / 1000);

// A clean build: a module deleted from src/ must not linger in dist/. Until the stamp is written, dist/ is not used.
rmSync(dist, { recursive: true, force: true });
let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  // `npm install --omit=dev` runs `prepare` without the compiler: the install must not fail for it.
  console.warn('planlens build: TypeScript is not installed (dev dependencies omitted); bin/planlens.js runs the sources through tsx');
  process.exit(0);
}
const build = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('planlens build: tsc failed; bin/planlens.js keeps running the TypeScript sources');
  process.exit(build.status ?? 1);
}

for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || entry.name.endsWith('.ts')) continue;
  const from = join(entry.parentPath ?? entry.path, entry.name);
  const to = join(dist, relative(src, from));
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
}

const stamp = join(dist, BUILD_STAMP);
writeFileSync(stamp, `built from src/ started at ${new Date(started * 1000).toISOString()}\n`);
utimesSync(stamp, started, started);
