import { DatabaseServer } from '../server-profile';

/** Tells which MongoDB-compatible server the orders live on. */
export abstract class DatabaseServerInfo {
  abstract describe(): Promise<DatabaseServer>;
}
