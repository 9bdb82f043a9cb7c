// The `scale` section of BENCHMARKS.md from the results of bench/scale.ts (bench/out/scale.json): the tables, and the
// paragraph on how many worker machines one PostgreSQL primary can feed, computed from the figures.

export interface IngestRow { articles: number; seconds: number; articlesPerSecond: number; storeMsPerArticle: number; bytesPerArticle: number }
export interface ReadRow { search: { p50Ms: number; p95Ms: number }; trace: { traces: number; p50Ms: number; p95Ms: number; recall: number; precision: number } }
export interface WriteRow { batch: number; msPerArticle: number; clientCpuMsPerArticle: number; elsewhereMsPerArticle: number; serverCpuMsPerArticle?: number }
export interface QueueRow { workers: number; enqueuePerSecond: number; articles: number; seconds: number; articlesPerSecond: number; workerCpuMsPerArticle?: number; redisCpuMsPerArticle: number }
/** What main() measures (filled step by step: a stopped run still reports its finished steps). */
export interface ScaleResults {
  date: string; command: string; articles: number;
  machine: { cpus: number; model: string; memoryGb: number; node: string; postgres: string };
  ingest?: { sqlite: IngestRow; postgres: IngestRow };
  reads?: { sqlite: ReadRow; postgres: ReadRow };
  writeCost?: { reports: number; sqlite: WriteRow[]; postgres: WriteRow[] };
  queue?: QueueRow[];
  growth?: GrowthRow[];
}
/** Reads on both stores at one corpus size of the growth step. */
export interface GrowthRow { articles: number; ingestSeconds: number; sqliteBytesPerArticle: number; postgresBytesPerArticle: number; sqlite: ReadRow; postgres: ReadRow }

const n = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/** The `scale` section of BENCHMARKS.md, with the paragraph computed from the figures. */
export function scaleMarkdown(r: ScaleResults): string {
  const lines = [`## Scale: PostgreSQL and the queue beside SQLite (issue 16)`, '',
    `${r.command} on ${r.date.slice(0, 10)}, ${r.machine.cpus} × ${r.machine.model}, ${r.machine.memoryGb} GB, Node ${r.machine.node}, PostgreSQL ${r.machine.postgres} and Redis on the same machine. The corpus is the corpus benchmark's (seeded generator, ~800-word articles, planted stories); ingest runs the full pipeline with the trained models. PostgreSQL work happens in fresh schemas; VACUUM ANALYZE runs after the in-process ingest, as autovacuum would.`, ''];
  if (r.ingest || r.queue) {
    lines.push('| ingest of ' + n(r.articles) + ' articles | processes × analysis threads | articles/s | store ms per article (wall, on the committing thread) | size per article |', '|---|---|---|---|---|');
    if (r.ingest) {
      lines.push(`| in-process into SQLite | 1 × ${r.machine.cpus} | **${n(r.ingest.sqlite.articlesPerSecond, 1)}** | ${n(r.ingest.sqlite.storeMsPerArticle, 2)} | ${n(r.ingest.sqlite.bytesPerArticle / 1024, 1)} KiB |`);
      lines.push(`| in-process into PostgreSQL | 1 × ${r.machine.cpus} | **${n(r.ingest.postgres.articlesPerSecond, 1)}** | ${n(r.ingest.postgres.storeMsPerArticle, 2)} | ${n(r.ingest.postgres.bytesPerArticle / 1024, 1)} KiB |`);
    }
    for (const q of r.queue ?? []) lines.push(`| queue → PostgreSQL, ${q.workers} worker process${q.workers > 1 ? 'es' : ''} (start-up included) | ${q.workers} × 1 | **${n(q.articlesPerSecond, 1)}** | — | — |`);
    if (!r.queue) lines.push('| queue → PostgreSQL, 1 and 2 worker processes | pending | — | — | — |');
    lines.push('');
  }
  if (r.writeCost) {
    const row = (name: string, w: WriteRow) => `| ${name}, ${w.batch === 1 ? 'one article per transaction' : `${w.batch} articles per transaction`} | ${n(w.msPerArticle, 2)} | ${n(w.clientCpuMsPerArticle, 2)} | ${w.serverCpuMsPerArticle === undefined ? '—' : n(w.serverCpuMsPerArticle, 2)} | ${n(w.elsewhereMsPerArticle, 2)} |`;
    lines.push(`| store write cost, ${r.writeCost.reports} analysed articles, no analysis | wall ms per article | client CPU ms | PostgreSQL server CPU ms | wall minus client CPU (server, I/O, round trips, waiting for a core) ms |`, '|---|---|---|---|---|',
      ...r.writeCost.sqlite.map((w) => row('SQLite', w)), ...r.writeCost.postgres.map((w) => row('PostgreSQL', w)), '');
  }
  if (r.reads) {
    const row = (name: string, x: ReadRow) => `| ${name} | ${n(x.search.p50Ms, 1)} / **${n(x.search.p95Ms, 1)}** ms | ${n(x.trace.p50Ms, 1)} / **${n(x.trace.p95Ms, 1)}** ms | ${n(x.trace.recall, 3)} / ${n(x.trace.precision, 3)} (${x.trace.traces} stories) |`;
    lines.push(`| at ${n(r.articles)} articles | search p50 / p95 | trace p50 / p95 | trace recall / precision |`, '|---|---|---|---|', row('SQLite', r.reads.sqlite), row('PostgreSQL', r.reads.postgres), '');
  }
  if (r.growth?.length) {
    const g = (name: string, x: ReadRow) => `${name} ${n(x.search.p50Ms, 1)} / **${n(x.search.p95Ms, 1)}**`;
    const t = (name: string, x: ReadRow) => `${name} ${n(x.trace.p50Ms, 1)} / **${n(x.trace.p95Ms, 1)}**`;
    lines.push('Growth (`--only reads`): one ingest (full pipeline) fills SQLite and PostgreSQL with the same reports in slices; at each size PostgreSQL is ANALYZEd (VACUUM ANALYZE at the end) and both stores are measured over the articles stored so far (the planted stories among them, up to ' + Math.max(...r.growth.map((x) => x.sqlite.trace.traces)) + ' traced).', '',
      '| articles | search p50 / p95 ms | trace p50 / p95 ms | trace recall / precision (SQLite; PostgreSQL) | size per article (SQLite; PostgreSQL) |', '|---|---|---|---|---|',
      ...r.growth.map((x) => `| ${n(x.articles)} | ${g('SQLite', x.sqlite)}; ${g('PostgreSQL', x.postgres)} | ${t('SQLite', x.sqlite)}; ${t('PostgreSQL', x.postgres)} | ${n(x.sqlite.trace.recall, 3)} / ${n(x.sqlite.trace.precision, 3)}; ${n(x.postgres.trace.recall, 3)} / ${n(x.postgres.trace.precision, 3)} (${x.sqlite.trace.traces} stories) | ${n(x.sqliteBytesPerArticle / 1024, 1)} KiB; ${n(x.postgresBytesPerArticle / 1024, 1)} KiB |`), '');
  }
  const paragraph = capacityParagraph(r);
  if (paragraph) lines.push(paragraph);
  return lines.join('\n');
}

/**
 * How many worker machines one PostgreSQL primary can feed, from CPU time per article (steadier than wall time on a
 * shared machine): a worker process's CPU per article (queue, one process, start-up included), the primary's server
 * CPU per article (write cost, one article per transaction as the queue's workers commit), and Redis's CPU per job.
 * Without CPU figures, wall rates stand in.
 */
function capacityParagraph(r: ScaleResults): string | undefined {
  if (!r.writeCost) return undefined;
  const pgOne = r.writeCost.postgres.find((w) => w.batch === 1)!;
  const pgMany = r.writeCost.postgres.find((w) => w.batch === 16)!;
  const serverMs = pgOne.serverCpuMsPerArticle ?? pgOne.elsewhereMsPerArticle;
  const manyMs = pgMany.serverCpuMsPerArticle ?? pgMany.elsewhereMsPerArticle;
  const worker = r.queue?.find((q) => q.workers === 1);
  const two = r.queue?.find((q) => q.workers === 2);
  const workerMs = worker?.workerCpuMsPerArticle ?? (worker ? 1000 / worker.articlesPerSecond : r.ingest ? (1000 * r.machine.cpus) / r.ingest.postgres.articlesPerSecond : undefined);
  if (workerMs === undefined) return undefined;
  const perPgCore = 1000 / serverMs;
  const perMachine = 2000 / workerMs;
  const redis = worker?.redisCpuMsPerArticle;
  const redisRate = redis ? 1000 / redis : undefined;
  const primary4 = 4 * perPgCore;
  const measured = [worker && `one worker process ${n(worker.articlesPerSecond, 1)} articles/s`, two && `two ${n(two.articlesPerSecond, 1)}`].filter(Boolean).join(', ');
  return [
    `**What one PostgreSQL primary can feed.** Per article, a worker process spends ~${n(workerMs, 1)} ms of CPU${worker?.workerCpuMsPerArticle === undefined ? ' (from its wall rate)' : ''} (analysis with the models, the queue client, its share of start-up), and the primary ~${n(serverMs, 2)} ms of ${pgOne.serverCpuMsPerArticle === undefined ? 'time outside the client' : 'server CPU'} to store it one article per transaction, as workers commit (${n(manyMs, 2)} ms in batches of 16): the rows, the two tsvector columns and their GIN indexes, WAL.`,
    `So a 2-core worker machine (two worker processes) produces ~${n(perMachine, 0)} articles/s and one core of the primary absorbs ~${n(perPgCore, 0)}: one PostgreSQL core keeps up with ~${n(perPgCore / perMachine, 1)} worker machines, a 4-core primary with ~${n(primary4 / perMachine, 0)} (~${n(primary4, 0)} articles/s, if its write path scales with cores; commits are grouped, and each worker waits for its own commit's WAL flush, which costs wall time, not the primary's CPU).`,
    redisRate ? `Redis spends ${n(redis!, 2)} ms of CPU per job (enqueue, fetch, lock renewals, completion): ~${n(redisRate, 0)} jobs/s on its one thread.` : '',
    `What saturates first: ${redisRate !== undefined && redisRate < primary4 ? `Redis's single thread (~${n(redisRate, 0)} jobs/s) before a 4-core primary (~${n(primary4, 0)} articles/s): beyond it, more queues (--queue-name) on more Redis servers.` : `the workers' analysis until ~${n(primary4 / perMachine, 0)} worker machines per 4-core primary; then the primary's CPU for writes (rows, tsvector columns, GIN index updates, WAL), well before Redis${redisRate ? ` (~${n(redisRate, 0)} jobs/s)` : ''}.`} Reads (search, trace) take the primary's CPU too unless they go to a replica.`,
    measured ? `Wall rates measured here (${measured}) are of 2 cores shared with PostgreSQL, Redis and other work, so they are not machine rates.` : '',
  ].filter(Boolean).join(' ');
}

