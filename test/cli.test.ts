import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ReportSchema } from '../src/core/report-schema.js';
import { cli, tempFiles } from './cli-helpers.js';
import { HEAVY_MODULES, loadedModules } from './module-log.js';

const ARTICLE = [
  'Port Budget Doubles',
  '',
  'According to the Vellmar Gazette, the port spent 12 million euros on dredging last year.',
  'The mayor has quietly sold the old pier to a developer.',
].join('\n');

const files = tempFiles({
  'article.txt': ARTICLE,
  'page.html': `<!doctype html><html lang="en"><head><title>Pier sold</title></head><body><nav>Home | News</nav><article><h1>Pier sold</h1><p>${'The council says the pier was sold for 3 million euros in 2022. '.repeat(4)}</p><p>Residents say <b>nobody</b> was asked.</p></article></body></html>`,
  'appeal.txt': 'Council leader Ana Brisk urged residents to stay calm as the storm approached.',
  'empty.txt': '   \n',
  'utf16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Caf\u00e9 owners said “sales fell by 20%” in May.', 'utf16le')]),
  'cp1252.txt': Buffer.from([...Buffer.from('Caf'), 0xe9, ...Buffer.from(' owners said '), 0x93, ...Buffer.from('sales fell'), 0x94, ...Buffer.from(' in May.')]),
  'german.txt': 'Der Hafenmeister sagte am Montag, dass die Fischereiflotte im Hafen bleiben werde, bis die östliche Mauer wieder aufgebaut sei. Der Rat stimmte zu.',
  'binary.bin': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
});
const ANSI = /\u001b\[/;

test('analyze prints a terminal report for a text file and exits 0', async () => {
  const res = await cli(['analyze', files['article.txt']!]);
  assert.equal(res.code, 0, res.stderr);
  assert.match(res.stdout, /Vellmar Gazette/);
  assert.doesNotMatch(res.stdout, ANSI);
});

test('analyze --no-models leaves out what only the trained attribution tagger finds', async () => {
  const cues = async (args: string[]) => {
    const res = await cli(['analyze', '--format', 'json', ...args, files['appeal.txt']!]);
    assert.equal(res.code, 0, res.stderr);
    return ReportSchema.parse(JSON.parse(res.stdout)).attributions.map((a) => a.cue.text);
  };
  assert.deepEqual(await cues([]), ['urged']);
  assert.deepEqual(await cues(['--no-models']), []);
});

test('analyze --format json prints a report that matches the schema', async () => {
  const res = await cli(['analyze', '--format', 'json', files['article.txt']!]);
  assert.equal(res.code, 0, res.stderr);
  const report = ReportSchema.parse(JSON.parse(res.stdout));
  assert.equal(report.document.text, ARTICLE);
  assert.ok(report.attributions.some((a) => a.source?.text === 'Vellmar Gazette' || a.source?.text === 'the Vellmar Gazette'));
});

test('analyze reads stdin when the input is -', async () => {
  const res = await cli(['analyze', '--format', 'json', '-'], { stdin: ARTICLE });
  assert.equal(res.code, 0, res.stderr);
  assert.equal(JSON.parse(res.stdout).document.text, ARTICLE);
});

test('an HTML file is extracted without its navigation', async () => {
  const res = await cli(['analyze', '--format', 'json', files['page.html']!]);
  assert.equal(res.code, 0, res.stderr);
  const report = JSON.parse(res.stdout);
  assert.doesNotMatch(report.document.text, /Home \| News/);
  assert.match(report.document.text, /Residents say nobody was asked\./);
  assert.equal(report.document.language, 'en');
});

test('UTF-16 with a byte-order mark and Windows-1252 text are decoded', async () => {
  const utf16 = JSON.parse((await cli(['analyze', '--format', 'json', files['utf16.txt']!])).stdout);
  assert.equal(utf16.document.text, 'Café owners said “sales fell by 20%” in May.');
  const cp1252 = JSON.parse((await cli(['analyze', '--format', 'json', files['cp1252.txt']!])).stdout);
  assert.equal(cp1252.document.text, 'Café owners said “sales fell” in May.');
});

test('a non-English text is analysed with a non-english warning', async () => {
  const res = await cli(['analyze', '--format', 'json', files['german.txt']!]);
  assert.equal(res.code, 0, res.stderr);
  const report = JSON.parse(res.stdout);
  assert.equal(report.document.language, 'de');
  assert.deepEqual(report.findings.map((f: { rule: string; severity: string }) => [f.rule, f.severity]), [['non-english', 'warning']]);
});

const errorCases: [string, string[], string, number][] = [
  ['a missing file', ['analyze', join(files.dir, 'nope.txt')], 'E_INPUT_NOT_FOUND', 1],
  ['an empty file', ['analyze', files['empty.txt']!], 'E_INPUT_EMPTY', 1],
  ['a binary file', ['analyze', files['binary.bin']!], 'E_INPUT_BINARY', 1],
  ['an input over --max-bytes', ['analyze', '--max-bytes', '50', files['article.txt']!], 'E_INPUT_TOO_LARGE', 1],
  ['a loopback URL', ['analyze', 'http://127.0.0.1:9/'], 'E_URL_FORBIDDEN', 1],
  ['a metadata-service URL', ['analyze', 'http://169.254.169.254/latest/meta-data/'], 'E_URL_FORBIDDEN', 1],
  ['an unknown format', ['analyze', '--format', 'pdf', files['article.txt']!], 'E_OPTION_INVALID', 2],
  ['a threshold that is not a number', ['analyze', '--threshold', 'high', files['article.txt']!], 'E_OPTION_INVALID', 2],
];
for (const [what, args, code, exit] of errorCases) {
  test(`${what} fails with ${code} and exit code ${exit}`, async () => {
    const res = await cli(args);
    assert.equal(res.code, exit);
    assert.match(res.stderr, new RegExp(`${code}: `));
    assert.equal(res.stdout, '');
  });
}

test('an ndjson batch reports a failing input on stderr and goes on', async () => {
  const res = await cli(['analyze', '--format', 'ndjson', files['article.txt']!, join(files.dir, 'nope.txt'), files['page.html']!]);
  assert.equal(res.code, 1);
  const lines = res.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 2);
  for (const line of lines) ReportSchema.parse(JSON.parse(line));
  assert.match(res.stderr, /nope\.txt: E_INPUT_NOT_FOUND/);
});

test('colour is used on a TTY and dropped when NO_COLOR is set', async () => {
  const tty = await cli(['analyze', files['article.txt']!], { tty: true });
  assert.match(tty.stdout, ANSI);
  const noColor = await cli(['analyze', files['article.txt']!], { tty: true, env: { NO_COLOR: '1' } });
  assert.doesNotMatch(noColor.stdout, ANSI);
});

test('the html format escapes hostile article text', async () => {
  const res = await cli(['analyze', '--format', 'html', '-'], { stdin: 'The minister said <script>alert(1)</script> was fine.\n' });
  assert.equal(res.code, 0, res.stderr);
  assert.doesNotMatch(res.stdout, /<script>alert\(1\)<\/script>/);
  assert.match(res.stdout, /Content-Security-Policy/);
});

test('the schema command prints the report JSON Schema', async () => {
  const res = await cli(['schema']);
  assert.equal(res.code, 0);
  assert.equal(JSON.parse(res.stdout).properties.schema.const, 'claimtrace/report@1');
});

test('the real binary reads stdin and sets its exit code', () => {
  const main = join(import.meta.dirname, '..', 'src', 'cli', 'main.ts');
  const ok = spawnSync(process.execPath, ['--import', 'tsx', main, 'analyze', '--format', 'json', '-'], { input: ARTICLE, encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(JSON.parse(ok.stdout).schema, 'claimtrace/report@1');
  const bad = spawnSync(process.execPath, ['--import', 'tsx', main, 'analyze', '-'], { input: '', encoding: 'utf8' });
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /E_INPUT_EMPTY/);
});

test('the real binary prints the version of package.json for --version and -V', () => {
  const main = join(import.meta.dirname, '..', 'src', 'cli', 'main.ts');
  const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string };
  for (const flag of ['--version', '-V']) {
    const res = spawnSync(process.execPath, ['--import', 'tsx', main, flag], { encoding: 'utf8' });
    assert.deepEqual([res.status, res.stdout, res.stderr], [0, `${version}\n`, ''], flag);
  }
});

test('a reader that closes the pipe early (| head) ends the run quietly, without an EPIPE stack trace', async () => {
  const main = join(import.meta.dirname, '..', 'src', 'cli', 'main.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', main, 'analyze', '--format', 'json', files['article.txt']!], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
  clearTimeout(timer);
  assert.deepEqual({ code, signal, stderr }, { code: 0, signal: null, stderr: '' });
});

test('--version and --help load neither the NLP model, the analyser, the store, the queue, the feed parsers nor the server', async () => {
  for (const args of [['--version'], ['--help'], ['analyze', '--help'], ['ingest', '--help'], ['worker', '--help'], ['queue', 'status', '--help'], ['watch', '--help'], ['db', 'copy', '--help']]) {
    const { code, modules, stderr } = await loadedModules(args);
    assert.equal(code, 0, stderr);
    assert.ok(modules.some((m) => m.endsWith('/src/engine/version.ts')), 'the module log works');
    assert.deepEqual(modules.filter((m) => HEAVY_MODULES.test(m) || /node_modules\/(better-sqlite3|zod|feedsmith|fast-xml-parser|@streamparser\/json)\//.test(m)), [], args.join(' '));
  }
});

test('predict extract writes one articleBody per page and an empty one for a page that fails', async () => {
  const { gzipSync } = await import('node:zlib');
  const { readFileSync } = await import('node:fs');
  const page = (body: string) => `<html><body><nav>Menu</nav><article><p>${body}</p></article></body></html>`;
  const pages = tempFiles({
    'a.html': page('The quay was rebuilt in stone after the winter storms had broken the old timber frame apart.'),
    'b.html.gz': gzipSync(page('Ferry crews voted to strike over the new rota that the operator announced last week.')),
    'c.html.gz': 'this is not gzip',
    'notes.txt': 'ignored',
  });
  const out = `${pages.dir}/pred.json`;
  const res = await cli(['predict', 'extract', '--input', pages.dir, '--out', out]);
  assert.equal(res.code, 1);
  assert.match(res.stderr, /c: E_INPUT_UNREADABLE/);
  const predictions = JSON.parse(readFileSync(out, 'utf8'));
  assert.deepEqual(Object.keys(predictions), ['a', 'b', 'c']);
  assert.equal(predictions.a.articleBody, 'The quay was rebuilt in stone after the winter storms had broken the old timber frame apart.');
  assert.match(predictions.b.articleBody, /^Ferry crews voted to strike/);
  assert.equal(predictions.c.articleBody, '');
});

test('predict attribution writes PolNeAR-style brat with code-point offsets, grades and hedges', async () => {
  const { readFileSync } = await import('node:fs');
  const text = '🎉 Party news. If the Harbour Gazette is to be believed, the ferry will stop.\n';
  const texts = tempFiles({ 'story.txt': text });
  const out = `${texts.dir}/ann`;
  const res = await cli(['predict', 'attribution', '--input', texts.dir, '--out', out]);
  assert.equal(res.code, 0, res.stderr);
  const ann = readFileSync(`${out}/story.ann`, 'utf8').split('\n');
  // UTF-16 puts "the Harbour Gazette" at 18; in code points (as brat and Python count) the emoji counts once: 17.
  assert.equal(text.indexOf('the Harbour Gazette'), 18);
  assert.ok(ann.includes('T1\tSource 17 36\tthe Harbour Gazette'), ann.join('\n'));
  assert.ok(ann.some((line) => /^E1\tAttribution:T\d+ Source:T\d+ Cue:T\d+ Content:T\d+$/.test(line)));
  assert.ok(ann.some((line) => /^A\d+\tGrade T\d+ named$/.test(line)));
  assert.ok(ann.includes('A2\tHedged E1'));
});

const PROPAGANDA = [
  'Harbour Traitors Sell Out Vellmar',
  '',
  'The corrupt, spineless cowards in the harbour office betrayed every honest family in Vellmar.',
  'These traitors will destroy our town unless we rise up and stop them now!',
].join('\n');

test('predict si writes <ID>\\t<start>\\t<end> lines in code points for every article', async () => {
  const { readFileSync } = await import('node:fs');
  const articles = tempFiles({ 'article7.txt': `🎉 ${PROPAGANDA}`, 'article8.txt': 'The ferry left at noon.', 'notes.txt': 'ignored' });
  const out = `${articles.dir}/si.txt`;
  const res = await cli(['predict', 'si', '--input', articles.dir, '--out', out]);
  assert.equal(res.code, 0, res.stderr);
  const lines = readFileSync(out, 'utf8').trim().split('\n');
  assert.ok(lines.length > 0 && lines.every((line) => /^7\t\d+\t\d+$/.test(line)), lines.join('\n'));
  const text = [...`🎉 ${PROPAGANDA}`];
  for (const line of lines) {
    const [, start, end] = line.split('\t').map(Number);
    assert.ok(start! < end! && end! <= text.length && text[start!] !== ' ', line);
  }
});

test('predict tc labels every template line, in order, with the offsets echoed', async () => {
  const { readFileSync } = await import('node:fs');
  const files = tempFiles({ 'article7.txt': PROPAGANDA, 'template.txt': '7\t?\t58\t65\n9\t?\t0\t4\n7\t?\t135\t143\n' });
  const out = `${files.dir}/tc.txt`;
  const res = await cli(['predict', 'tc', '--input', files.dir, '--template', files['template.txt']!, '--out', out]);
  assert.equal(res.code, 1, 'article 9 is missing: reported, still labelled');
  const rows = readFileSync(out, 'utf8').trim().split('\n').map((line) => line.split('\t'));
  assert.deepEqual(rows.map((r) => [r[0], r[2], r[3]]), [['7', '58', '65'], ['9', '0', '4'], ['7', '135', '143']]);
  assert.ok(rows.every((r) => /^[A-Z][\w,-]+$/.test(r[1]!)), JSON.stringify(rows));
});

test('predict checkworthy scores every row, labels by the threshold and reports a bad row', async () => {
  const { readFileSync } = await import('node:fs');
  const tsv = 'Sentence_id\tText\tclass_label\n1\tUnemployment in Vellmar rose by 12 percent in 2023.\tYes\n2\tThank you all for coming tonight.\tNo\n3\n';
  const files = tempFiles({ 'in.tsv': tsv });
  const out = `${files.dir}/out.tsv`;
  const res = await cli(['predict', 'checkworthy', '--input', files['in.tsv']!, '--out', out, '--threshold', '0.5']);
  assert.equal(res.code, 1, res.stderr);
  const rows = readFileSync(out, 'utf8').trim().split('\n').map((line) => line.split('\t'));
  assert.deepEqual(rows[0], ['Sentence_id', 'score', 'label']);
  assert.deepEqual(rows.slice(1).map((r) => r[0]), ['1', '2']);
  const [statistic, thanks] = rows.slice(1).map((r) => Number(r[1]));
  assert.ok(statistic! > 0.5 && thanks! < 0.5, `${statistic} ${thanks}`);
  assert.deepEqual(rows.slice(1).map((r) => r[2]), ['Yes', 'No']);
});
