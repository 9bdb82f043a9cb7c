import type { Command } from 'commander';
import type { CliIo } from './analyze-command.js';

/** Registers `claimtrace worker` (issue 16). */
export function registerWorker(_program: Command, _io: CliIo): void {}
