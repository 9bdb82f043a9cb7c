import type { Dirent, Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ClaimtraceError } from '../core/errors.js';
import { statError } from '../engine/read-source.js';
import type { FailedSource } from './source.js';

/**
 * Content types by extension (after any `.gz`); files with other extensions are skipped inside folders. `xml` (feeds,
 * sitemaps) is a hint for sniffing, not a content type.
 */
const TYPE_BY_EXTENSION: Readonly<Record<string, string>> = {
  txt: 'text/plain', text: 'text/plain', md: 'text/plain', html: 'text/html', htm: 'text/html', xhtml: 'text/html', jsonl: 'jsonl', ndjson: 'jsonl',
  xml: 'xml', rss: 'xml', atom: 'xml',
};
const EXTENSION = /\.([a-z]+)(\.gz)?$/i;

/** A regular file to read, as found by {@link listInputs}. */
export interface InputFile {
  readonly path: string;
  /** From the extension: `text/plain`, `text/html`, `jsonl`, `xml`, or undefined (sniffed). */
  readonly type: string | undefined;
  readonly gz: boolean;
}

/** An input given as an http(s) URL: fetched, then read as a page, a feed, a sitemap or a URL list. */
export interface InputUrl {
  readonly url: string;
}

/** A file to read, a URL to fetch, or an input that is refused before reading (missing, unreadable, not a regular file). */
export type InputEntry = InputFile | InputUrl | FailedSource;

/** True for an input given as an http(s) URL. */
export function isInputUrl(entry: InputEntry): entry is InputUrl {
  return 'url' in entry;
}

/**
 * The files of the inputs, in order: an http(s) URL as given, a file as given (any extension), a folder walked recursively in name order
 * (known extensions only, hidden entries skipped). Only regular files are read: a FIFO, a device or a socket (or a
 * symbolic link to one) is refused with E_INPUT_UNREADABLE, because reading it could block forever or never end
 * (`/dev/zero`). Inside folders, a symbolic link is followed only to a regular file; links to folders are not followed
 * (no cycles), and entries with other extensions are skipped silently.
 */
export async function* listInputs(inputs: readonly string[]): AsyncGenerator<InputEntry> {
  for (const input of inputs) {
    if (/^https?:\/\//i.test(input)) {
      yield { url: input };
      continue;
    }
    let info: Stats;
    try {
      info = await stat(input);
    } catch (err) {
      yield { label: input, error: statError(input, err) };
      continue;
    }
    if (info.isDirectory()) yield* walkFolder(input);
    else if (info.isFile()) yield inputFile(input);
    else yield notRegular(input, info);
  }
}

async function* walkFolder(dir: string): AsyncGenerator<InputEntry> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    yield { label: dir, error: statError(dir, err) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walkFolder(path);
    else if (typeOf(entry.name) === undefined) continue;
    else if (entry.isFile()) yield inputFile(path);
    else if (entry.isSymbolicLink()) yield await linkTarget(path);
    else yield notRegular(path, entry);
  }
}

/** A symbolic link inside a folder: read when it leads to a regular file, refused otherwise (never followed to a folder). */
async function linkTarget(path: string): Promise<InputEntry> {
  try {
    const info = await stat(path);
    return info.isFile() ? inputFile(path) : notRegular(path, info, 'a symbolic link to ');
  } catch (err) {
    return { label: path, error: statError(path, err) };
  }
}

function inputFile(path: string): InputFile {
  return { path, type: typeOf(path), gz: path.toLowerCase().endsWith('.gz') };
}

function typeOf(name: string): string | undefined {
  const m = EXTENSION.exec(name);
  return m ? TYPE_BY_EXTENSION[m[1]!.toLowerCase()] : undefined;
}

/** E_INPUT_UNREADABLE for a folder entry or input that is not a regular file, naming what it is. */
export function notRegular(path: string, info: Stats | Dirent, prefix = ''): FailedSource {
  return { label: path, error: new ClaimtraceError('E_INPUT_UNREADABLE', { path, reason: `not a regular file but ${prefix}${kindOf(info)}` }) };
}

function kindOf(info: Stats | Dirent): string {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  if (info.isDirectory()) return 'a folder';
  return 'something else';
}
