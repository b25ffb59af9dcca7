/**
 * The dependency-cruiser rules both packages keep (each package's .dependency-cruiser.cjs adds its layers): no
 * cycles, and no module that nothing imports unless it is an entry point loaded by its name.
 */
const noCircular = {
  name: 'no-circular',
  comment: 'A cycle makes the order of module evaluation matter and the two modules one.',
  severity: 'error',
  from: {},
  to: { circular: true },
};

/** `entryPoints`: path patterns of the modules a tool starts by name (routes, main files, specs). */
function noOrphans(comment, entryPoints) {
  return { name: 'no-orphans', comment, severity: 'error', from: { orphan: true, pathNot: [...entryPoints, '\\.d\\.[cm]?ts$'] }, to: {} };
}

module.exports = { noCircular, noOrphans };
