/** One versioned schema step, applied once in its own transaction. */
export interface Migration {
  /** 1, 2, 3 …: the schema version after this step. */
  readonly version: number;
  readonly name: string;
  /** SQL run as one script. */
  readonly up: string;
}
