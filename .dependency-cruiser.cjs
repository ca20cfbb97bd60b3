/**
 * Architecture rules (../shared/STYLE.md, Tooling). `npm run depcruise` fails on any violation;
 * test/architecture/dependency-rules.spec.ts checks the rules catch deliberate violations.
 */

/** The bounded contexts: each talks to the others only through @nexwave/messaging contracts. */
const CONTEXTS = '(market-data|whales|strategy|risk|orders)';

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'domain/ is plain TypeScript: no framework, database, broker or network libraries. ' +
        'libs/backtest, a composition of pure domains, is domain throughout.',
      severity: 'error',
      from: { path: ['^libs/[^/]+/src/domain/', '^libs/backtest/'] },
      to: {
        path: [
          'node_modules/(@nestjs|typeorm|kafkajs|ioredis|pg|pg-copy-streams|ws|@electric-sql|@unni-craftsman|express)/',
        ],
      },
    },
    {
      name: 'domain-no-io-builtins',
      severity: 'error',
      from: {
        path: ['^libs/[^/]+/src/domain/', '^libs/backtest/'],
        // The backtester's I/O edges: its CLIs, and reading the chart library the reports inline.
        pathNot: ['^libs/backtest/src/cli/', '^libs/backtest/src/report/chart-library\\.ts$'],
      },
      to: {
        dependencyTypes: ['core'],
        path: '^(node:)?(net|http|https|fs|fs/promises|child_process|dgram|tls)$',
      },
    },
    {
      name: 'only-through-index',
      comment: 'A lib imports another lib only through its index (or its testing index).',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: {
        path: '^libs/[^/]+/',
        pathNot: [
          '^libs/$1/',
          '^libs/[^/]+/src/index\\.ts$',
          '^libs/[^/]+/src/testing/index\\.ts$',
        ],
      },
    },
    {
      name: 'context-never-imports-context',
      comment:
        'A context imports no other context, not even its index: links between contexts are ' +
        'messages and streams with a contract in @nexwave/messaging (plus core, config, database).',
      severity: 'error',
      from: { path: `^libs/${CONTEXTS}/` },
      to: { path: `^libs/${CONTEXTS}/`, pathNot: ['^libs/$1/'] },
    },
    {
      name: 'backtest-composes-context-domains',
      comment:
        'libs/backtest is not a context: like an app it composes contexts, but only their pure ' +
        'domains, through their indexes, never their application, infrastructure or interface code.',
      severity: 'error',
      from: { path: '^libs/backtest/' },
      to: { path: `^libs/${CONTEXTS}/src/(application|infrastructure|interface)/` },
    },
    {
      name: 'apps-only-through-index',
      severity: 'error',
      from: { path: '^(apps|test|bench)/' },
      to: {
        path: '^libs/[^/]+/',
        pathNot: ['^libs/[^/]+/src/index\\.ts$', '^libs/[^/]+/src/testing/index\\.ts$'],
      },
    },
    {
      name: 'only-the-all-in-one-runs-the-simulator',
      comment:
        'The simulator ships only with apps/nexwave, which starts it in-process; other apps and libs reach an exchange through @nexwave/pacifica (tests and benches may start one).',
      severity: 'error',
      from: {
        path: '^(apps|libs)/',
        pathNot: [
          '^apps/nexwave/',
          '^libs/pacifica-sim/',
          '\\.(spec|int-spec|e2e-spec)\\.ts$',
          '/test/',
          '/testing/',
        ],
      },
      to: { path: '^libs/pacifica-sim/' },
    },
    {
      name: 'platform-is-infrastructure',
      comment:
        'libs/platform builds apps from what they import; it never names a context or the simulator.',
      severity: 'error',
      from: { path: '^libs/platform/src/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^libs/(market-data|whales|strategy|risk|orders|pacifica-sim)/' },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'production-code-never-imports-tests',
      severity: 'error',
      from: {
        path: '^(apps|libs)/',
        pathNot: ['\\.(spec|int-spec|e2e-spec)\\.ts$', '/testing/', '/test/'],
      },
      to: { path: ['^test/', '/testing/', '\\.(spec|int-spec|e2e-spec)\\.ts$'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['require', 'node', 'default'],
    },
  },
};
