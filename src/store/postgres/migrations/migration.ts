/** One versioned PostgreSQL schema step, applied once in its own transaction. Versions 1-99: the store; 100+: trace. */
export interface PgMigration {
  /** The schema version after this step; steps are applied in version order. */
  readonly version: number;
  readonly name: string;
  /** SQL run as one script (no parameters). */
  readonly up: string;
}
