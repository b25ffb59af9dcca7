import { ExecutionContext, SetMetadata } from '@nestjs/common';

const OPEN_READ = 'pedidos:open-read';

/**
 * Marks a controller whose reads need no key even when READ_API_KEY is set: health probes and Prometheus
 * scrapes come from load balancers and scrapers that carry no key, and answer with no order or run data.
 */
export const OpenRead = (): ClassDecorator & MethodDecorator => SetMetadata(OPEN_READ, true);

export function isOpenRead(context: ExecutionContext): boolean {
  return Reflect.getMetadata(OPEN_READ, context.getHandler()) === true || Reflect.getMetadata(OPEN_READ, context.getClass()) === true;
}
