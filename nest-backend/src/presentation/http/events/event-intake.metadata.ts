import { ExecutionContext } from '@nestjs/common';

/** Metadata key of the routes marked with @EventIntake(). */
export const EVENT_INTAKE = 'pedidos:event-intake';

/** Whether the request goes to an event-intake route (which the control key and limit leave alone). */
export function isEventIntake(context: ExecutionContext): boolean {
  return context.getType() === 'http' && Reflect.getMetadata(EVENT_INTAKE, context.getHandler()) === true;
}
