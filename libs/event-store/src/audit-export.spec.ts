import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { AUDIT_EXPORT_PAGE, auditExportLines, auditExportStream, type AuditExportLine } from './audit-export.js';
import { describeAuditExportVerification, verifyAuditExport } from './audit-export-verifier.js';
import type { EventStore, ReadAllOptions } from './event-store.port.js';
import { eventHash } from './hash-chain.js';
import { SqliteEventStore } from './sqlite/sqlite-event-store.adapter.js';
import { appendChainedLog } from './testing/chained-log.js';

const collect = async (lines: AsyncIterable<string>): Promise<string[]> => {
  const all: string[] = [];
  for await (const line of lines) all.push(line.replace(/\n$/, ''));
  return all;
};

const parsed = (line: string): AuditExportLine => JSON.parse(line) as AuditExportLine;

/** The store, counting its `readAll` calls and the largest page asked for. */
function countingReads(store: EventStore): { store: EventStore; reads: () => number; largestLimit: () => number } {
  let reads = 0;
  let largestLimit = 0;
  const counted: EventStore = Object.create(store) as EventStore;
  counted.readAll = async (options?: ReadAllOptions) => {
    reads += 1;
    largestLimit = Math.max(largestLimit, options?.limit ?? Number.POSITIVE_INFINITY);
    return store.readAll(options);
  };
  return { store: counted, reads: () => reads, largestLimit: () => largestLimit };
}

let directory: string;
let store: SqliteEventStore;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'audit-export-'));
  store = new SqliteEventStore(join(directory, 'events.sqlite'));
});

afterAll(async () => {
  await store.close();
  await rm(directory, { recursive: true, force: true });
});

describe('audit export of a store with 10,000 events', () => {
  let occurred: string[];
  let lines: string[];

  beforeAll(async () => {
    occurred = await appendChainedLog(store, { events: 10_000, streams: 37 });
    lines = await collect(auditExportLines(store));
  });

  it('writes one line per event in log order, with its chain', async () => {
    expect(lines).toHaveLength(10_000);
    const all = await store.readAll();
    expect(lines.map(parsed)).toEqual(
      all.map((event) => ({
        position: event.position,
        stream: event.streamId,
        version: event.version,
        type: event.type,
        data: event.data,
        metadata: event.metadata,
        hash: event.metadata['hash'],
        previousHash: event.metadata['previousHash'],
      })),
    );
  });

  it('verifies', async () => {
    const result = await verifyAuditExport(lines);
    expect(result).toEqual({ valid: true, events: 10_000, streams: 37, streamsStartingMidChain: 0 });
    expect(describeAuditExportVerification(result)).toBe('10000 events in 37 streams verified');
  });

  it('fails naming the line when one character of it changed', async () => {
    const tampered = [...lines];
    tampered[4_321] = (tampered[4_321] as string).replace('ünïcödé', 'ünïcödè');
    expect(await verifyAuditExport(tampered)).toMatchObject({ valid: false, line: 4_322, failure: 'changed content' });
  });

  it('fails naming the line when a character of the hash changed, or the JSON broke', async () => {
    const line = lines[99] as string;
    const hash = parsed(line).hash as string;
    const flipped = `${hash.slice(0, 10)}${hash[10] === 'a' ? 'b' : 'a'}${hash.slice(11)}`;
    const changedHash = [...lines];
    changedHash[99] = line.replace(`"hash":"${hash}"`, `"hash":"${flipped}"`);
    expect(await verifyAuditExport(changedHash)).toMatchObject({ line: 100, failure: 'changed content' });
    const broken = [...lines];
    broken[99] = line.slice(0, -1);
    expect(await verifyAuditExport(broken)).toMatchObject({ line: 100, failure: 'changed content' });
  });

  it('fails naming the line after the gap when a line is deleted', async () => {
    const deleted = 5_000;
    const { stream } = parsed(lines[deleted] as string);
    const next = lines.findIndex((line, index) => index > deleted && parsed(line).stream === stream);
    const tampered = lines.filter((_, index) => index !== deleted);
    const result = await verifyAuditExport(tampered);
    // The next line of that stream moved up one when the line was deleted.
    expect(result).toMatchObject({ valid: false, line: next, failure: 'missing event' });
    expect(describeAuditExportVerification(result)).toMatch(new RegExp(`^line ${next}: missing event: ${stream} `));
  });

  it('fails naming the first of two swapped lines of the same stream', async () => {
    const first = 2_000;
    const { stream } = parsed(lines[first] as string);
    const second = lines.findIndex((line, index) => index > first + 100 && parsed(line).stream === stream);
    const tampered = [...lines];
    [tampered[first], tampered[second]] = [lines[second] as string, lines[first] as string];
    expect(await verifyAuditExport(tampered)).toMatchObject({
      valid: false,
      line: first + 1,
      failure: 'reordered event',
    });
  });

  it('fails when lines of different streams trade places, though each chain holds', async () => {
    const tampered = [...lines];
    [tampered[9], tampered[10]] = [lines[10] as string, lines[9] as string];
    expect(parsed(lines[9] as string).stream).not.toBe(parsed(lines[10] as string).stream);
    expect(await verifyAuditExport(tampered)).toMatchObject({ valid: false, line: 11, failure: 'reordered event' });
  });

  it('fails when a line is rewritten with a recomputed hash, at the next line of its stream', async () => {
    const index = 300;
    const line = parsed(lines[index] as string);
    const data = { ...(line.data as object), note: 'rewritten' };
    const { hash: _hash, ...metadata } = line.metadata;
    const hash = eventHash({ streamId: line.stream, version: line.version, type: line.type, data, metadata });
    const tampered = [...lines];
    tampered[index] = JSON.stringify({ ...line, data, metadata: { ...metadata, hash }, hash });
    const next = lines.findIndex((candidate, at) => at > index && parsed(candidate).stream === line.stream);
    expect(await verifyAuditExport(tampered)).toMatchObject({
      valid: false,
      line: next + 1,
      failure: 'changed content',
      detail: expect.stringContaining(`line ${index + 1} `),
    });
  });

  it('exports a time range as one slice of the log whose streams start mid-chain and still verify', async () => {
    const from = new Date(occurred[2_500] as string);
    const to = new Date(occurred[7_500] as string);
    const range = await collect(auditExportLines(store, { from, to }));
    expect(range).toEqual(lines.slice(2_500, 7_500));
    const first = parsed(range[0] as string);
    expect(first.version).toBeGreaterThan(1);
    expect(first.previousHash).toEqual(expect.stringMatching(/^[0-9a-f]{64}$/));
    expect(await verifyAuditExport(range)).toEqual({
      valid: true,
      events: 5_000,
      streams: 37,
      streamsStartingMidChain: 37,
    });
  });

  it('reads the store a page at a time, only as lines are taken, and stops at the end of the range', async () => {
    const counted = countingReads(store);
    const iterator = auditExportLines(counted.store, {}, 100)[Symbol.asyncIterator]();
    await iterator.next();
    expect(counted.reads()).toBe(1);
    for (let taken = 1; taken < 100; taken += 1) await iterator.next();
    expect(counted.reads()).toBe(1);
    await iterator.next();
    expect(counted.reads()).toBe(2);
    await iterator.return(undefined);
    expect(counted.largestLimit()).toBe(101);

    const early = countingReads(store);
    await collect(auditExportLines(early.store, { to: new Date(occurred[250] as string) }, 100));
    expect(early.reads()).toBe(3);
  });

  it('as a stream, stops reading the store while its consumer does not take what it wrote', async () => {
    const counted = countingReads(store);
    const stream = auditExportStream(counted.store);
    let written = 0;
    const stuck = new Writable({
      highWaterMark: 1,
      write(_chunk, _encoding, callback) {
        written += 1;
        if (written === 1) callback();
      },
    });
    stream.pipe(stuck);
    // Let every pending read and write run; a stuck consumer must not make the export read on.
    for (let turn = 0; turn < 200; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(written).toBe(2);
    expect(10_000 / AUDIT_EXPORT_PAGE).toBe(50);
    // Two chunks written and one waiting hold at most three pages of the log's fifty.
    expect(counted.reads()).toBeLessThanOrEqual(3);
    stream.destroy();
    stuck.destroy();
  });
});
