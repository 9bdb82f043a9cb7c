import { ClaimtraceError } from '../core/errors.js';

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * A duration written as a number and a unit (`500ms`, `30s`, `15m`, `1.5h`, `1d`), in ms; E_OPTION_INVALID naming
 * `option` for anything else or for less than `minMs`.
 */
export function parseDuration(raw: string, option: string, minMs = 0): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\s*$/i.exec(raw);
  if (!match) throw new ClaimtraceError('E_OPTION_INVALID', { option, reason: `"${raw}" is not a duration such as 30s, 15m or 1h` });
  const ms = Math.round(Number(match[1]) * UNITS[match[2]!.toLowerCase()]!);
  if (ms < minMs) throw new ClaimtraceError('E_OPTION_INVALID', { option, reason: `"${raw}" is shorter than ${formatDuration(minMs)}` });
  return ms;
}

/** A duration in ms written back the short way (`15m`, `90s`, `250ms`), for messages. */
export function formatDuration(ms: number): string {
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    if (ms >= UNITS[unit]! && ms % UNITS[unit]! === 0) return `${ms / UNITS[unit]!}${unit}`;
  }
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)}s` : `${ms}ms`;
}
