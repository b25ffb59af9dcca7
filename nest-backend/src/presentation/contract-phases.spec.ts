import { PHASES as WIRE_PHASES, type Phase as WirePhase } from '@pedidos/contract';
import { PHASES, type Phase } from '../domain/run-phase';

// The domain owns the phase machine and may not import the wire (dependency-cruiser's domain-is-pure), so the
// contract states the same list for clients; presentation is where the two meet, and they must not drift.
describe('the contract’s phases', () => {
  it('are the domain’s phases, in the same order', () => {
    expect([...WIRE_PHASES]).toEqual([...PHASES]);
  });

  it('are the same type both ways', () => {
    const toWire = (phase: Phase): WirePhase => phase;
    const toDomain = (phase: WirePhase): Phase => phase;
    expect(PHASES.map(toWire).map(toDomain)).toEqual([...PHASES]);
  });
});
