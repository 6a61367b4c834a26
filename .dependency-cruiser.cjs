// Layer order of src/, from top to bottom: cli → jobs → slack → http → reports → notion → config → store → i18n → domain.
// A layer may import those below it, never those above; src/ops (metrics, logger, replica identity)
// serves every layer above store and itself imports nothing of the app but domain.
const LAYERS = ['cli', 'jobs', 'slack', 'http', 'reports', 'notion', 'config', 'store', 'i18n', 'domain'];

const dir = (names) => `^src/(${names.join('|')})/`;

/** One rule per layer: nothing from the layers above it. */
const layerRules = LAYERS.slice(1).map((layer, index) => ({
  name: `${layer}-imports-only-below`,
  comment: `src/${layer} may not import ${LAYERS.slice(0, index + 1).join(', ')}: imports point down the layers.`,
  severity: 'error',
  from: { path: dir([layer]) },
  to: { path: dir(LAYERS.slice(0, index + 1)) },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'store-and-below-without-ops',
      comment: 'src/ops serves the layers above store; store, i18n and domain stay free of it.',
      severity: 'error',
      from: { path: dir(['store', 'i18n', 'domain']) },
      to: { path: dir(['ops']) },
    },
    {
      name: 'ops-imports-only-domain',
      comment: 'src/ops is used by several layers, so it imports nothing of the app except domain.',
      severity: 'error',
      from: { path: dir(['ops']) },
      to: { path: '^src/', pathNot: dir(['ops', 'domain']) },
    },
    {
      name: 'no-circular',
      comment: 'Modules that import each other cannot be understood, tested or moved one at a time.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
