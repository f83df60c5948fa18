// The tiny SQL runner the themes and actions stores are written over, so SQLite and PostgreSQL share them.
import type {SqlRunner} from './involvement-sql.js';

/** `all` and `run` as for the involvement register, and `transaction`: statements that commit together. */
export interface LearningSqlRunner extends SqlRunner {
  /** Runs the statements in order in one transaction; answers each one's changed-row count. */
  transaction(statements: ReadonlyArray<{sql: string; params: unknown[]}>): Promise<number[]>;
}
