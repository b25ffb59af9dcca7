/**
 * Dependency rules of the dashboard (run by `pnpm test`): no cycles, no module nothing uses, and layers that
 * point one way: routes → ui → lib. The app shell (layout, live data, socket) serves every feature, so it may
 * not depend on any; `ui/common` holds feature-free widgets; `lib/` knows nothing of React components.
 */
const FEATURES = '^app/ui/(?!app-shell/|common/)[^/]+/';

const { noCircular, noOrphans } = require('../dependency-rules.cjs');

module.exports = {
  forbidden: [
    noCircular,
    noOrphans('A module nothing imports is dead code, unless Next.js, vitest or Playwright load it by its name.', [
      // Next.js route files, found by their names.
      '(^|/)(page|layout|loading|error|global-error|not-found|template|default|route)\\.tsx?$',
      '(^|/)next-env\\.d\\.ts$',
      '\\.spec\\.tsx?$',
    ]),
    {
      name: 'app-shell-knows-no-feature',
      comment: 'The shell is mounted on every page; a feature it imports would be loaded, and coupled, everywhere.',
      severity: 'error',
      from: { path: '^app/ui/app-shell/' },
      to: { path: FEATURES },
    },
    {
      name: 'common-ui-knows-no-feature',
      comment: 'Shared widgets (tables, pager, dialogs) may read the shell (i18n), never a feature.',
      severity: 'error',
      from: { path: '^app/ui/common/' },
      to: { path: FEATURES },
    },
    {
      name: 'lib-knows-no-ui',
      comment: 'lib/ is data access and pure logic, shared by server and client components.',
      severity: 'error',
      from: { path: '^app/lib/' },
      to: { path: ['^app/ui/', '^app/(?!lib/)[^/]+/(page|layout|loading|error)\\.tsx?$'] },
    },
    {
      name: 'ui-knows-no-route',
      severity: 'error',
      from: { path: '^app/ui/' },
      to: { path: '(^|/)(page|layout|loading|error|global-error|not-found)\\.tsx?$' },
    },
    {
      name: 'app-knows-no-test',
      comment: 'Nothing the dashboard ships imports a spec or a browser test.',
      severity: 'error',
      from: { path: '^app/', pathNot: '\\.spec\\.tsx?$' },
      to: { path: ['\\.spec\\.tsx?$', '^e2e/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.next|node_modules|test-results)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
