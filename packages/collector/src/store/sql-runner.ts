// The one way each store runs SQL for the parts written once over both engines (the involvement register
// and its log, consultations, themes, improvement actions, "About you", the involvement report): `?`
// placeholders, which the PostgreSQL store numbers. sqlite.ts and postgres.ts each make one runner.

/** Runs statements: `all` answers a query's rows, `run` how many rows a statement changed. */
export interface SqlRunner {
  all<T>(sql: string, params: unknown[]): Promise<T[]>;
  run(sql: string, params: unknown[]): Promise<number>;
  /** Runs the statements in order in one transaction; answers each one's changed-row count. */
  transaction(statements: ReadonlyArray<{sql: string; params: unknown[]}>): Promise<number[]>;
}
