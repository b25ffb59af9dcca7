import { SetMetadata, UseGuards, applyDecorators } from '@nestjs/common';
import { EventIntakeGuard } from './event-intake.guard';
import { EVENT_INTAKE } from './event-intake.metadata';

/**
 * Marks a route as event intake: the control API key and rate limit leave it alone, and EventIntakeGuard
 * (its own key and a limit counted in events) protects it instead. Both come together, so a route cannot
 * leave the control guards without getting the intake guard.
 */
export function EventIntake(): MethodDecorator {
  return applyDecorators(SetMetadata(EVENT_INTAKE, true), UseGuards(EventIntakeGuard));
}
