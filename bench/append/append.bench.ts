/**
 * "append": events/s through `SqliteEventStore.append`
 * (1 event per append) divided by raw better-sqlite3 inserts of the same rows,
 * one transaction each, into a table of the same shape with the same pragmas.
 * Many short rounds, interleaved (A B, then B A, ...) so that drift of a
 * noisy machine and the cost of going second hit both sides alike; medians.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore, type NewEvent } from '@coop/event-store';
import { type Figure, scenario } from '../support/scenario.js';
import { median } from '../support/statistics.js';

const TARGET = 0.7;
const STREAMS = 1_000;

/** A realistic event: about 500 bytes of JSON data and the metadata every domain event carries. */
function makeEvent(): NewEvent {
  const id = randomUUID();
  return {
    id,
    type: 'PracticeShared',
    data: {
      practiceId: randomUUID(),
      title: 'Joint emergency exercise on the Danube for transboundary effects of industrial accidents',
      summary:
        'Two riparian countries tested their notification and mutual assistance procedures under the Convention, ' +
        'with the operators of three Seveso establishments and the river commission; lessons on alerting shared.',
      audience: { scope: 'SUBREGIONS', subregions: ['SOUTH_EASTERN_EUROPE'], countries: [] },
      tags: ['exercise', 'notification', 'transboundary', 'river'],
      language: 'en',
    },
    metadata: {
      actorId: randomUUID(),
      actorName: 'Ana Popescu',
      actorCountry: 'RO',
      actorRoles: ['focal-point'],
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
      previousHash: 'a'.repeat(64),
      hash: 'b'.repeat(64),
    },
  };
}

interface Row {
  streamId: string;
  version: number;
  event: NewEvent;
}

/** The same rows for both sides: each round's events spread over the streams, with their versions. */
function makeRounds(rounds: number, eventsPerRound: number): Row[][] {
  const versions = new Array<number>(STREAMS).fill(0);
  return Array.from({ length: rounds + 1 }, () =>
    Array.from({ length: eventsPerRound }, (_, i) => {
      const stream = i % STREAMS;
      versions[stream] = (versions[stream] ?? 0) + 1;
      return { streamId: `practice-${stream}`, version: versions[stream] ?? 0, event: makeEvent() };
    }),
  );
}

async function adapterRound(store: SqliteEventStore, rows: readonly Row[]): Promise<number> {
  const start = process.hrtime.bigint();
  for (const { streamId, version, event } of rows) {
    await store.append(streamId, [event], { expectedVersion: version - 1 });
  }
  return rate(rows.length, start);
}

interface RawTable {
  begin: Database.Statement;
  insert: Database.Statement;
  commit: Database.Statement;
}

/**
 * The floor: rows already serialised and timestamped outside the timing, so
 * it counts nothing but SQLite's work and the binding calls.
 */
function rawRound(table: RawTable, rows: readonly Row[]): number {
  const recordedAt = new Date().toISOString();
  const prepared = rows.map(({ streamId, version, event }) => [
    streamId,
    version,
    event.id,
    event.type,
    JSON.stringify(event.data),
    JSON.stringify(event.metadata),
    recordedAt,
  ]);
  const start = process.hrtime.bigint();
  for (const row of prepared) {
    table.begin.run();
    table.insert.run(...row);
    table.commit.run();
  }
  return rate(rows.length, start);
}

function rate(events: number, start: bigint): number {
  return events / (Number(process.hrtime.bigint() - start) / 1e9);
}

async function measure(rounds: number, eventsPerRound: number): Promise<Figure[]> {
  const directory = mkdtempSync(join(tmpdir(), 'append-bench-'));
  try {
    const store = new SqliteEventStore(join(directory, 'adapter.sqlite'));
    // Same schema and journal mode as the adapter's, by letting the adapter create the file.
    const rawFile = join(directory, 'raw.sqlite');
    await new SqliteEventStore(rawFile).close();
    const raw = new Database(rawFile);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    const table: RawTable = {
      begin: raw.prepare('BEGIN IMMEDIATE'),
      insert: raw.prepare(
        'INSERT INTO events (stream_id, version, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      commit: raw.prepare('COMMIT'),
    };

    const [warmUp, ...measured] = makeRounds(rounds, eventsPerRound);
    await adapterRound(store, warmUp ?? []);
    rawRound(table, warmUp ?? []);

    const adapterRates: number[] = [];
    const rawRates: number[] = [];
    for (const [index, rows] of measured.entries()) {
      if (index % 2 === 0) {
        adapterRates.push(await adapterRound(store, rows));
        rawRates.push(rawRound(table, rows));
      } else {
        rawRates.push(rawRound(table, rows));
        adapterRates.push(await adapterRound(store, rows));
      }
      console.log(
        `round ${index + 1}: adapter ${Math.round(adapterRates[index] ?? 0)} events/s, raw ${Math.round(rawRates[index] ?? 0)} events/s`,
      );
    }
    await store.close();
    raw.close();

    return [
      {
        name: 'appends through the SQLite adapter, 1 event each',
        value: median(adapterRates),
        unit: 'events/s',
        floor: { name: 'raw inserts, 1 per transaction', value: median(rawRates) },
        targets: [{ on: 'ratio', atLeast: TARGET }],
        note: `median of ${rounds} interleaved rounds of ${eventsPerRound}`,
      },
    ];
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

export const append = scenario({
  name: 'append',
  summary: 'events/s through the SQLite adapter against raw better-sqlite3 inserts of the same rows',
  options: {
    'append-events': { default: 2_000, meaning: 'events in each round' },
    'append-rounds': { default: 20, meaning: 'rounds, taken in turns by both sides' },
  },
  run: (options) => measure(options['append-rounds'], options['append-events']),
});
