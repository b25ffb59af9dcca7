import { INestApplication } from '@nestjs/common';
import { Db } from 'mongodb';
import { Environment } from '../../src/infrastructure/config/environment';
import { Http, httpClient, openDatabase, startInProcessApi, waitUntil } from './running-api';
import { dropTestData, testEnvironment } from './test-environment';

export interface InProcessSuite {
  env: Environment;
  app: INestApplication;
  url: string;
  http: Http;
  db: Db;
  /** Closes the API and starts a new one on the same database and Redis prefix, with `overrides` applied. */
  restart(overrides?: Partial<Record<keyof Environment, string>>): Promise<void>;
}

/** Starts the API in this test process for the whole describe block, and cleans its data up afterwards. */
export function useInProcessApi(suite: string, overrides: Record<string, string> = {}): InProcessSuite {
  const context = {} as InProcessSuite;
  let closeDb: (() => Promise<void>) | undefined;
  const start = async (env: Environment) => {
    context.env = env;
    ({ app: context.app, url: context.url } = await startInProcessApi(env));
  };

  beforeAll(async () => {
    await start(testEnvironment(suite, overrides));
    context.http = httpClient(() => context.url);
    ({ db: context.db, close: closeDb } = await openDatabase(context.env));
  });

  afterAll(async () => {
    await context.app?.close();
    await closeDb?.();
    if (context.env) await dropTestData(context.env);
  });

  context.restart = async (changes = {}) => {
    await context.app.close();
    await start({ ...context.env, ...testEnvironmentChanges(changes) });
  };
  return context;
}

function testEnvironmentChanges(changes: Record<string, string>): Partial<Environment> {
  return Object.fromEntries(Object.entries(changes).map(([key, value]) => [key, /^\d+$/.test(value) ? Number(value) : value]));
}

/** Polls `GET /pedidos` until the phase is one of `phases`; returns that snapshot. */
export function waitForPhase(http: Http, phases: string[], timeoutMs = 240_000): Promise<any> {
  return waitUntil(
    async () => {
      const { body } = await http.get('/pedidos');
      return phases.includes(body.phase) ? body : null;
    },
    timeoutMs,
    `phase ${phases.join(' or ')}`,
  );
}
