import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { DatabaseServerInfo } from '../../domain/ports/database-server.port';
import { DatabaseServer } from '../../domain/server-profile';

/** `buildInfo`, asked once per process: FerretDB answers with `ferretdbVersion` beside the MongoDB version it emulates. */
@Injectable()
export class MongoServerInfo extends DatabaseServerInfo {
  private known: Promise<DatabaseServer> | null = null;

  constructor(@InjectConnection() private readonly connection: Connection) {
    super();
  }

  describe(): Promise<DatabaseServer> {
    this.known ??= this.ask().catch((error: Error) => {
      this.known = null; // asked again next time
      throw error;
    });
    return this.known;
  }

  private async ask(): Promise<DatabaseServer> {
    const info = await this.connection.getClient().db('admin').command({ buildInfo: 1 });
    if ('ferretdbVersion' in info) {
      const version = String(info.ferretdbVersion ?? '').replace(/^v/, '');
      return { kind: 'ferretdb', version: version && version !== 'unknown' ? version : null };
    }
    return { kind: 'mongodb', version: info.version ? String(info.version) : null };
  }
}
