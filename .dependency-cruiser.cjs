/**
 * The layering of src/, enforced by `npm run layers` (part of `npm test`). Imports run one way:
 *
 *   main.ts, cli/ -> startup/ -> transports/ -> interactions/ -> commands/ -> render/ -> pictures/ -> search/ -> knowledge/
 *
 * and the top-level modules (config, ed25519, logger, version) are leaves anyone may use. A rule's name is
 * what a failing import is reported under.
 */
const layers = [
  'knowledge',
  'search',
  'pictures',
  'render',
  'commands',
  'interactions',
  'transports',
  'startup',
  'cli',
];

/** Each layer may import only the layers below it (and itself). */
const upward = layers.map((layer, index) => ({
  name: `${layer}-imports-only-below`,
  comment: `src/${layer}/ may import only ${layers.slice(0, index).join(', ') || 'nothing above the leaves'}`,
  severity: 'error',
  from: { path: `^src/${layer}/` },
  to: {
    path: `^src/(${layers.slice(index + 1).join('|') || '$^'})/`,
  },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'No module may reach itself through its imports.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...upward,
    {
      name: 'leaves-import-no-folder',
      comment: 'config, ed25519, logger and version are leaves: they import no folder of src/.',
      severity: 'error',
      from: { path: '^src/(config|ed25519|logger|version)\\.ts$' },
      to: { path: '^src/[^/]+/' },
    },
    {
      name: 'nothing-imports-main',
      comment: 'main.ts is the entry point; nothing imports it.',
      severity: 'error',
      from: {},
      to: { path: '^src/main\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(tests|bench)/' },
  },
};
