/**
 * The layering of src/, checked by `npm run lint:deps` (dependency-cruiser).
 *
 * A folder may import its own files and folders of LOWER layers only. Folders
 * that share a layer are independent of each other (except the foundation,
 * whose few folders are the vocabulary everything else speaks). A violation
 * names the rule below, and the rule's comment says what to do about it.
 *
 * Lowest first. To add a folder to src/, add it to the layer it belongs to.
 */
const LAYERS = [
  {
    name: 'foundation',
    folders: ['core', 'rules', 'text'],
    sideways: true,
    what: 'the state, stage contract, errors, rule loading and text helpers (numerals, names, jieba)',
  },
  { name: 'reading', folders: ['ingest', 'normalise', 'structure'], what: 'the stages that turn a file into structured text' },
  { name: 'segment', folders: ['segment'], what: 'the sentence and word stage' },
  { name: 'extract', folders: ['extract'], what: 'the extraction stages' },
  { name: 'pipeline', folders: ['stages.ts'], what: 'the registry of every stage' },
  { name: 'records', folders: ['records'], what: 'the record kinds and their fields' },
  { name: 'store', folders: ['store'], what: 'the SQLite database: schema, writes, shared queries' },
  { name: 'review-analyst', folders: ['review', 'analyst'], what: 'corrections and analyst queries over the store' },
  { name: 'gold', folders: ['gold'], what: 'the gold format' },
  { name: 'application', folders: ['eval', 'export', 'batch'], what: 'evaluation, exports and the batch runner' },
  { name: 'server', folders: ['server'], what: 'the web server' },
  { name: 'cli', folders: ['cli', 'bench'], what: 'the CLI (which also starts the server) and the benchmark' },
];

const folderPattern = (folders) => `^src/(${folders.map((f) => f.replace('.', '\\.')).join('|')})(/|$)`;

const upwardRules = LAYERS.slice(0, -1).map((layer, index) => {
  const above = LAYERS.slice(index + 1);
  return {
    name: `layer-${layer.name}-imports-nothing-above`,
    severity: 'error',
    comment:
      `${layer.what} (src/${layer.folders.join(', src/')}) must not import the layers above it ` +
      `(${above.map((l) => l.name).join(', ')}). Move the shared code down, or let the higher layer call this one.`,
    from: { path: folderPattern(layer.folders) },
    to: { path: folderPattern(above.flatMap((l) => l.folders)) },
  };
});

const sidewaysRules = LAYERS.filter((layer) => !layer.sideways && layer.folders.length > 1).flatMap((layer) =>
  layer.folders.map((folder) => ({
    name: `layer-${layer.name}-siblings-independent`,
    severity: 'error',
    comment: `Folders of one layer (src/${layer.folders.join(', src/')}) do not import each other; ` + 'what two of them share belongs in a lower layer.',
    from: { path: folderPattern([folder]) },
    to: { path: folderPattern(layer.folders.filter((other) => other !== folder)) },
  })),
);

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules must not import each other in a circle: one of them holds something that belongs lower down.',
      from: {},
      to: { circular: true },
    },
    ...upwardRules,
    ...sidewaysRules,
    {
      name: 'folder-in-a-layer',
      severity: 'error',
      comment: 'Every folder of src/ belongs to a layer (LAYERS in .dependency-cruiser.cjs); add a new one there so its imports are checked.',
      from: { path: '^src/', pathNot: folderPattern(LAYERS.flatMap((l) => l.folders)) },
      to: {},
    },
    {
      name: 'not-to-test',
      severity: 'error',
      comment: 'Code in src/ must not import from test/.',
      from: { path: '^src/' },
      to: { path: '^test/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that cannot be resolved is a broken build waiting to happen.',
      from: {},
      // pdfjs-dist publishes its types as .d.ts beside no .js; TypeScript resolves them, the cruiser cannot.
      to: { couldNotResolve: true, pathNot: '^pdfjs-dist/types/' },
    },
    {
      name: 'no-non-package-json',
      severity: 'error',
      comment: 'Every npm package src/ imports must be listed in package.json dependencies.',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown', 'npm-dev'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a type from a higher layer ties the code to it just the same.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};
