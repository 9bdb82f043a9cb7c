import type { Command } from 'commander';
import type { CliIo } from './analyze-command.js';

/** Registers `claimtrace queue status` (issue 16). */
export function registerQueue(_program: Command, _io: CliIo): void {}
