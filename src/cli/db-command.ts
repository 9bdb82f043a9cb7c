import type { Command } from 'commander';
import type { CliIo } from './analyze-command.js';

/** Registers `claimtrace db copy` (issue 16). */
export function registerDb(_program: Command, _io: CliIo): void {}
