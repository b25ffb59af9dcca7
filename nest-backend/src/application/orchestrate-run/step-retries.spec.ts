import { STEP_RETRIES, StepRetries } from './step-retries';

describe('StepRetries', () => {
  it('waits 0.5 s, 1 s, 2 s … at most 10 s between tries, and gives up at the STEP_RETRIES-th failure in a row', () => {
    const retries = new StepRetries();
    const waits = Array.from({ length: STEP_RETRIES }, () => retries.failed());
    expect(waits).toEqual([500, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000, null]);
    expect(retries.count).toBe(STEP_RETRIES);
  });

  it('starts over after a step that succeeded', () => {
    const retries = new StepRetries();
    for (let i = 0; i < STEP_RETRIES - 1; i++) retries.failed();
    retries.succeeded();
    expect(retries.failed()).toBe(500);
    expect(retries.count).toBe(1);
  });
});
