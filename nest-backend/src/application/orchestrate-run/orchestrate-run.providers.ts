import { Provider } from '@nestjs/common';
import { DrainedLaneFigures } from './drained-lane-figures';
import { FailRun } from './fail-run';
import { GenerationPipeline } from './generation-pipeline';
import { LaneDrain } from './lane-drain';
import { LaneEnqueue } from './lane-enqueue';
import { LaneRepair } from './lane-repair';
import { LeaseKeeper } from './lease-keeper';
import { PhaseTransitions } from './phase-transitions';
import { ResumeOrphanedRuns } from './resume-orphaned-runs';
import { RunDriver } from './run-driver';
import { RunOrchestrator } from './run-orchestrator.service';
import { RunSlotGuard } from './run-slot-guard';
import { VipFirstSequence } from './vip-first-sequence';

/** The orchestrator and the parts it sequences; `RunOrchestrator` and `PhaseTransitions` are what other use cases inject. */
export const ORCHESTRATE_RUN_PROVIDERS: Provider[] = [
  PhaseTransitions,
  RunOrchestrator,
  RunDriver,
  VipFirstSequence,
  GenerationPipeline,
  LaneEnqueue,
  LaneDrain,
  LaneRepair,
  DrainedLaneFigures,
  RunSlotGuard,
  FailRun,
  LeaseKeeper,
  ResumeOrphanedRuns,
];
