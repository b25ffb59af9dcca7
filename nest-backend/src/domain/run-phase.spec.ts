import { IllegalPhaseTransitionError } from './errors';
import { ALLOWED_TRANSITIONS, PHASES, Phase, assertTransition, canTransition, isActivePhase, isTerminalPhase, nextPipelinePhase } from './run-phase';

const ALLOWED: Array<[Phase, Phase]> = [
  ['IDLE', 'GENERATING'],
  ['GENERATING', 'ENQUEUE_VIP'],
  ['GENERATING', 'ABORTED'],
  ['GENERATING', 'ERROR'],
  ['ENQUEUE_VIP', 'WAITING_VIP_DRAIN'],
  ['ENQUEUE_VIP', 'ABORTED'],
  ['ENQUEUE_VIP', 'ERROR'],
  ['WAITING_VIP_DRAIN', 'ENQUEUE_NORMAL'],
  ['WAITING_VIP_DRAIN', 'ABORTED'],
  ['WAITING_VIP_DRAIN', 'ERROR'],
  ['ENQUEUE_NORMAL', 'WAITING_NORMAL_DRAIN'],
  ['ENQUEUE_NORMAL', 'ABORTED'],
  ['ENQUEUE_NORMAL', 'ERROR'],
  ['WAITING_NORMAL_DRAIN', 'DONE'],
  ['WAITING_NORMAL_DRAIN', 'ABORTED'],
  ['WAITING_NORMAL_DRAIN', 'ERROR'],
  ['DONE', 'WAITING_VIP_DRAIN'],
];

const TERMINAL: Phase[] = ['DONE', 'ABORTED', 'ERROR'];
const PIPELINE_ORDER: Phase[] = ['GENERATING', 'ENQUEUE_VIP', 'WAITING_VIP_DRAIN', 'ENQUEUE_NORMAL', 'WAITING_NORMAL_DRAIN', 'DONE'];

describe('phase transitions', () => {
  it.each(ALLOWED)('allows %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it('allows nothing beyond the listed transitions', () => {
    const everyPair = PHASES.flatMap((from) => PHASES.map((to) => [from, to] as [Phase, Phase]));
    const accepted = everyPair.filter(([from, to]) => canTransition(from, to));
    expect(accepted).toHaveLength(ALLOWED.length);
    expect(accepted).toEqual(expect.arrayContaining(ALLOWED));
  });

  it.each<[Phase, Phase]>([
    ['IDLE', 'ENQUEUE_VIP'],
    ['IDLE', 'DONE'],
    ['IDLE', 'ABORTED'],
    ['GENERATING', 'ENQUEUE_NORMAL'],
    ['GENERATING', 'DONE'],
    ['ENQUEUE_VIP', 'GENERATING'],
    ['WAITING_VIP_DRAIN', 'WAITING_NORMAL_DRAIN'],
    ['ENQUEUE_NORMAL', 'DONE'],
    ['WAITING_NORMAL_DRAIN', 'ENQUEUE_NORMAL'],
    ['GENERATING', 'GENERATING'],
  ])('refuses %s -> %s with IllegalPhaseTransitionError', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(() => assertTransition(from, to)).toThrow(IllegalPhaseTransitionError);
  });

  it('names both phases and a stable code in the refusal', () => {
    try {
      assertTransition('DONE', 'GENERATING');
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(IllegalPhaseTransitionError);
      const refusal = error as IllegalPhaseTransitionError;
      expect(refusal.code).toBe('ILLEGAL_PHASE_TRANSITION');
      expect(refusal.from).toBe('DONE');
      expect(refusal.to).toBe('GENERATING');
    }
  });

  it('reopens a DONE run only to drain again (retrying dead letters)', () => {
    expect(ALLOWED_TRANSITIONS.DONE).toEqual(['WAITING_VIP_DRAIN']);
    for (const to of PHASES.filter((phase) => phase !== 'WAITING_VIP_DRAIN')) expect(() => assertTransition('DONE', to)).toThrow(IllegalPhaseTransitionError);
  });

  it.each<Phase>(['ABORTED', 'ERROR'])('has no way out of %s', (terminal) => {
    expect(ALLOWED_TRANSITIONS[terminal]).toEqual([]);
    for (const to of PHASES) expect(() => assertTransition(terminal, to)).toThrow(IllegalPhaseTransitionError);
  });

  it('lets every active phase be aborted or fail', () => {
    for (const phase of PHASES.filter(isActivePhase)) {
      expect(canTransition(phase, 'ABORTED')).toBe(true);
      expect(canTransition(phase, 'ERROR')).toBe(true);
    }
  });
});

describe('isActivePhase / isTerminalPhase', () => {
  it('treats the five pipeline phases as active, and only them', () => {
    expect(PHASES.filter(isActivePhase)).toEqual(['GENERATING', 'ENQUEUE_VIP', 'WAITING_VIP_DRAIN', 'ENQUEUE_NORMAL', 'WAITING_NORMAL_DRAIN']);
  });

  it('treats DONE, ABORTED and ERROR as terminal, and only them', () => {
    expect(PHASES.filter(isTerminalPhase)).toEqual(TERMINAL);
  });

  it('treats IDLE as neither active nor terminal', () => {
    expect(isActivePhase('IDLE')).toBe(false);
    expect(isTerminalPhase('IDLE')).toBe(false);
  });
});

describe('nextPipelinePhase', () => {
  it('walks GENERATING -> VIP lane -> NORMAL lane -> DONE', () => {
    const walked: Phase[] = ['GENERATING'];
    while (walked[walked.length - 1] !== 'DONE') walked.push(nextPipelinePhase(walked[walked.length - 1]));
    expect(walked).toEqual(PIPELINE_ORDER);
  });

  it('only ever proposes an allowed transition', () => {
    for (const phase of PIPELINE_ORDER.slice(0, -1)) expect(canTransition(phase, nextPipelinePhase(phase))).toBe(true);
  });

  it.each<Phase>(['IDLE', 'DONE', 'ABORTED', 'ERROR'])('has no next phase after %s', (phase) => {
    expect(() => nextPipelinePhase(phase)).toThrow(IllegalPhaseTransitionError);
  });
});
