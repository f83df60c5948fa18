// openStore: the one way to open either store from options or a CLI.
import type {Store} from '../types.js';
import {openSqliteStore, type SqliteStoreOptions} from './sqlite.js';
import {openPostgresStore} from './postgres.js';

export interface OpenStoreOptions {
  /** SQLite file; default ./data/feedback.db (folder created). Ignored when `postgres` is set. */
  db?: string;
  /** postgres:// URL: use PostgreSQL instead of SQLite. */
  postgres?: string;
  /** PostgreSQL schema for the tables (default public). */
  schema?: string;
  /** SQLite durability: `normal` (default: survives kill -9) or `full` (also survives power loss). See docs/collector.md. */
  synchronous?: SqliteStoreOptions['synchronous'];
}

export const DEFAULT_DB = './data/feedback.db';

export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  if (options.postgres)
    return openPostgresStore({
      url: options.postgres,
      ...(options.schema ? {schema: options.schema} : {}),
    });
  return openSqliteStore({
    file: options.db ?? DEFAULT_DB,
    ...(options.synchronous ? {synchronous: options.synchronous} : {}),
  });
}

export {openSqliteStore, openPostgresStore};
