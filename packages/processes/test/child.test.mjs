// The library against real processes (`node -e …`): what a caller of startChild relies on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { descendantsOf, freePorts, isAlive, runToCompletion, sleep, startChild } from '../dist/index.js';

const node = (name, script, spec = {}) => startChild({ name, command: process.execPath, args: ['-e', script], ...spec });
const IDLE = 'setInterval(() => {}, 1000)';

async function waitUntilGone(pid, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(50);
  return !isAlive(pid);
}

test('waitForOutput resolves on a matching line and stop() ends the child with its stop signal', async () => {
  const child = node('ready', `console.log('listening on 1234'); ${IDLE}`);
  await child.waitForOutput(/listening on \d+/, 5_000);
  const stopped = await child.stop();
  assert.deepEqual({ signal: stopped.signal, timedOut: stopped.timedOut }, { signal: 'SIGTERM', timedOut: false });
  assert.equal(child.running, false);
});

test('waitForOutput fails as soon as the child exits, naming the exit and showing its output', async () => {
  const child = node('quitter', `console.error('config is bad: REDIS_URL'); setTimeout(() => process.exit(78), 100)`);
  const started = Date.now();
  await assert.rejects(child.waitForOutput(/never printed/, 20_000), /quitter exited \(code 78\) before printing \/never printed\/:\nconfig is bad: REDIS_URL/);
  assert.ok(Date.now() - started < 5_000, 'did not wait for the timeout');
});

test('waitForOutput fails after its timeout with the tail of the output', async () => {
  const child = node('quiet', `console.log('booting'); ${IDLE}`);
  await assert.rejects(child.waitForOutput(/ready/, 300), /quiet did not print \/ready\/ within 300 ms:\nbooting/);
  await child.stop();
});

test('the output kept is bounded to its last characters', async () => {
  const child = node('chatty', `for (let i = 0; i < 2000; i++) console.log('line ' + i); console.log('end'); ${IDLE}`, { tailChars: 100 });
  await child.waitForOutput(/end/, 5_000);
  assert.ok(child.output.length <= 100);
  assert.match(child.output, /line 1999\nend\n$/);
  await child.stop();
});

test('stop() escalates to SIGKILL after the grace period when the child ignores its signal', async () => {
  const child = node('stubborn', `process.on('SIGTERM', () => {}); console.log('up'); ${IDLE}`);
  await child.waitForOutput(/up/, 5_000);
  const stopped = await child.stop({ graceMs: 300 });
  assert.deepEqual({ signal: stopped.signal, timedOut: stopped.timedOut }, { signal: 'SIGKILL', timedOut: true });
  assert.ok(stopped.afterMs >= 300);
});

test('killTree ends the grandchildren of a child in its own group too', async () => {
  const grandchild = `require('child_process').spawn(process.execPath, ['-e', '${IDLE}'], { stdio: 'ignore' }); console.log('spawned'); ${IDLE}`;
  const child = node('parent', grandchild, { ownGroup: true });
  await child.waitForOutput(/spawned/, 5_000);
  const tree = descendantsOf(child.pid);
  assert.equal(tree.length, 1);
  child.killTree();
  await child.exited;
  assert.equal(await waitUntilGone(tree[0].pid), true);
});

test('a child with stopWithParent stops when the process that started it is killed with SIGKILL', async () => {
  const index = new URL('../dist/index.js', import.meta.url).pathname;
  const supervisor = `const { startChild } = require(${JSON.stringify(index)});
    const c = startChild({ name: 'guarded', command: process.execPath, args: ['-e', '${IDLE}'], ownGroup: true, stopWithParent: true });
    setTimeout(() => console.log('guarded ' + c.pid), 300); ${IDLE}`;
  const parent = node('supervisor', supervisor);
  await parent.waitForOutput(/guarded \d+/, 5_000);
  const guard = Number(/guarded (\d+)/.exec(parent.output)[1]);
  const [command] = descendantsOf(guard);
  assert.ok(command, 'the guard runs the command');
  parent.signal('SIGKILL');
  await parent.exited;
  assert.equal(await waitUntilGone(command.pid, 15_000), true, 'the command outlived its supervisor');
});

test('freePorts gives distinct ports, all picked by the OS', async () => {
  const ports = await freePorts(5);
  assert.equal(new Set(ports).size, 5);
  assert.ok(ports.every((port) => port > 0));
});

test('runToCompletion rejects with the exit code and the last lines of the output, and on its timeout', async () => {
  await runToCompletion({ name: 'ok', command: process.execPath, args: ['-e', 'process.exit(0)'] });
  await assert.rejects(runToCompletion({ name: 'fails', command: process.execPath, args: ['-e', `console.error('no space left'); process.exit(3)`] }), /: code 3\n {2}no space left/);
  await assert.rejects(runToCompletion({ name: 'slow', command: process.execPath, args: ['-e', IDLE] }, { timeoutMs: 300 }), /gave up after 0 s/);
});
