import { INestApplication } from '@nestjs/common';
import { Db, MongoClient } from 'mongodb';
import { createApi } from '../../src/bootstrap';
import { Environment } from '../../src/infrastructure/config/environment';
import { databaseNameOf } from './test-environment';
import { waitUntil } from './wait-until';

export { waitUntil };

export interface Http {
  get(path: string): Promise<{ status: number; body: any }>;
  post(path: string): Promise<{ status: number; body: any }>;
}

export function httpClient(baseUrl: () => string): Http {
  const call = async (method: string, path: string) => {
    const response = await fetch(`${baseUrl()}${path}`, { method });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  return { get: (path) => call('GET', path), post: (path) => call('POST', path) };
}

/** The API in this test process, listening on a free port. */
export async function startInProcessApi(env: Environment): Promise<{ app: INestApplication; url: string }> {
  const app = await createApi(env);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}` };
}

export async function openDatabase(env: Environment): Promise<{ db: Db; close: () => Promise<void> }> {
  const client = await MongoClient.connect(env.MONGO_URI);
  return { db: client.db(databaseNameOf(env)), close: () => client.close() };
}
