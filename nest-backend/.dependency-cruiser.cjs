/**
 * Layer rules: the domain knows no framework and no outer layer; application does not reach into infrastructure or
 * presentation. Over src/, test/ and bench/: no cycles, and no module that nothing imports and that imports nothing.
 */
const { noCircular, noOrphans } = require('../dependency-rules.cjs');

module.exports = {
  forbidden: [
    noCircular,
    noOrphans('Dead code. Entry points started by name (main.ts, worker.ts, bench scripts, specs) are excluded.', ['^src/(main|worker)\\.ts$', '^bench/[^/]+\\.ts$', '\\.(e2e-)?spec\\.ts$']),
    {
      name: 'domain-is-pure',
      severity: 'error',
      from: { path: '^src/domain' },
      to: { path: ['^src/(application|infrastructure|presentation)', 'node_modules/(@nestjs|mongoose|mongodb|bull|ioredis|socket\\.io)'] },
    },
    {
      name: 'application-does-not-know-adapters',
      severity: 'error',
      from: { path: '^src/application' },
      to: { path: '^src/(infrastructure|presentation)' },
    },
    {
      name: 'infrastructure-does-not-know-presentation',
      severity: 'error',
      from: { path: '^src/infrastructure' },
      to: { path: '^src/presentation' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
