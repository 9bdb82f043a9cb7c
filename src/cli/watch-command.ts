import type { Command } from 'commander';
import type { CliIo } from './analyze-command.js';

/** Registers `claimtrace watch` (issue 16). */
export function registerWatch(_program: Command, _io: CliIo): void {}
