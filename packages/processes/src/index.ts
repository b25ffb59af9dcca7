/** Starting, watching and stopping child processes, and free ports, for the whole workspace (README.md says why no execa). */
export type { ChildExit, ChildSpec, StopResult } from './child';
export { Child, describeExit, startChild } from './child';
export { freePort, freePorts } from './free-port';
export type { ProcessInfo } from './pids';
export { commandLineOf, descendantsOf, isAlive, signalPid, sleep, stopPid, within } from './pids';
export { runToCompletion } from './run';
