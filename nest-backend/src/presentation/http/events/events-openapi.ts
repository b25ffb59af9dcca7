import type { OpenAPIObject } from '@nestjs/swagger';
import { API_KEY_SCHEME } from '../http-security';
import { EVENTS_KEY_HEADER } from './event-intake.guard';

const EVENTS_KEY_SCHEME = 'events-key';
const INTAKE_PATHS = ['/events', '/events/batch'];

/** The intake operations take `x-events-key` (or `x-api-key`) and have their own limit, counted in events. */
export function documentEventsKey(document: OpenAPIObject): OpenAPIObject {
  document.components = {
    ...document.components,
    securitySchemes: { ...document.components?.securitySchemes, [EVENTS_KEY_SCHEME]: { type: 'apiKey', in: 'header', name: EVENTS_KEY_HEADER } },
  };
  for (const path of INTAKE_PATHS) {
    const operation = document.paths[path]?.post;
    if (!operation) continue;
    operation.security = [{ [EVENTS_KEY_SCHEME]: [] }, { [API_KEY_SCHEME]: [] }];
    operation.responses = {
      ...operation.responses,
      401: { description: 'EVENTS_API_KEY is set and neither x-events-key nor x-api-key holds a key' },
      413: { description: 'body over the limit (100 kB for one event, EVENTS_MAX_BODY_BYTES for a batch)' },
      429: { description: 'more events than EVENTS_RATE_LIMIT_PER_MINUTE from this client (Retry-After)' },
    };
  }
  return document;
}
