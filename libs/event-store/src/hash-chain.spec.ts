import { createHash, randomUUID } from 'node:crypto';
import type { UnchainedEventMetadata } from './event-metadata.js';
import type { NewEvent, RecordedEvent } from './event-store.port.js';
import { canonicalJson, chainEvents, eventHash, verifyChain } from './hash-chain.js';

const metadata: UnchainedEventMetadata = {
  actorId: 'user-1',
  actorName: 'Aïda Ğüneş',
  actorCountry: null,
  actorRoles: ['secretariat'],
  correlationId: 'c-1',
  causationId: 'c-1',
  occurredAt: '2026-01-01T00:00:00.000Z',
  schemaVersion: 1,
};

function newEvent(type: string, data: NewEvent['data']): NewEvent {
  return { id: randomUUID(), type, data, metadata };
}

/** What the store would hand back for chained events appended to a new stream. */
function record(streamId: string, events: readonly NewEvent[]): RecordedEvent[] {
  return events.map((event, index) => ({
    ...event,
    streamId,
    version: index + 1,
    position: String(index + 1).padStart(16, '0'),
    recordedAt: '2026-01-01T00:00:01.000Z',
  }));
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: [{ d: true, c: null }], ä: 'x' })).toBe(
      '{"a":[{"c":null,"d":true}],"b":1,"ä":"x"}',
    );
  });

  it('does not depend on the order in which keys were inserted', () => {
    expect(canonicalJson({ x: 1, y: { p: 'q', o: 'r' } })).toBe(canonicalJson({ y: { o: 'r', p: 'q' }, x: 1 }));
  });

  it('keeps unicode as it is, without normalising', () => {
    const composed = 'é';
    const decomposed = 'e\u0301';
    expect(canonicalJson(composed)).toBe('"é"');
    expect(canonicalJson(decomposed)).not.toBe(canonicalJson(composed));
    expect(canonicalJson({ '😀': 'שלום' })).toBe('{"😀":"שלום"}');
  });

  it('sorts keys by UTF-16 code unit', () => {
    // U+FF61 sorts after U+1F600 by code point but before it by code unit (0xD83D).
    expect(canonicalJson({ '\uff61': 1, '😀': 2 })).toBe('{"😀":2,"｡":1}');
  });

  it('refuses numbers JSON cannot hold', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson([Number.POSITIVE_INFINITY])).toThrow(TypeError);
  });
});

describe('hash chain', () => {
  const streamId = 'practice-1';
  const events = [newEvent('PracticeShared', { title: 'Seveso' }), newEvent('PracticeEdited', { title: 'Séveso III' })];

  it('links each event to the previous one and hashes stream, version, type, data, metadata and the previous hash', () => {
    const chained = chainEvents(streamId, 0, null, events);
    const [first, second] = chained;
    expect(first?.metadata['previousHash']).toBeNull();
    expect(second?.metadata['previousHash']).toBe(first?.metadata['hash']);

    const { hash: _hash, ...withoutHash } = second?.metadata ?? {};
    const expected = createHash('sha256')
      .update(
        canonicalJson({
          stream: streamId,
          version: 2,
          type: 'PracticeEdited',
          data: { title: 'Séveso III' },
          metadata: withoutHash,
          previousHash: first?.metadata['hash'] ?? null,
        }),
      )
      .digest('hex');
    expect(second?.metadata['hash']).toBe(expected);
    expect(chained.map((event) => event.id)).toEqual(events.map((event) => event.id));
  });

  it('continues a stream from its last version and hash', () => {
    const [head, ...tail] = record(
      streamId,
      chainEvents(streamId, 0, null, [...events, newEvent('PracticeArchived', {})]),
    );
    const continued = chainEvents(
      streamId,
      1,
      String(head?.metadata['hash']),
      events.slice(1).concat(newEvent('PracticeArchived', {})),
    );
    expect(continued[0]?.metadata['previousHash']).toBe(head?.metadata['hash']);
    expect(verifyChain(tail, { version: 1, hash: String(head?.metadata['hash']) })).toEqual([]);
  });

  it('verifies an untouched stream', () => {
    expect(verifyChain(record(streamId, chainEvents(streamId, 0, null, events)))).toEqual([]);
  });

  it('detects tampered data', () => {
    const recorded = record(streamId, chainEvents(streamId, 0, null, events));
    const tampered = recorded.map((event, index) => (index === 0 ? { ...event, data: { title: 'Bhopal' } } : event));
    expect(verifyChain(tampered)).toEqual([{ version: 1, eventId: events[0]?.id, problem: 'hash-mismatch' }]);
  });

  it('detects tampered metadata and type', () => {
    const recorded = record(streamId, chainEvents(streamId, 0, null, events));
    const metadataChanged = recorded.map((event, index) =>
      index === 1 ? { ...event, metadata: { ...event.metadata, actorName: 'Someone else' } } : event,
    );
    expect(verifyChain(metadataChanged).map((problem) => problem.problem)).toEqual(['hash-mismatch']);
    const typeChanged = recorded.map((event, index) => (index === 1 ? { ...event, type: 'PracticeDeleted' } : event));
    expect(verifyChain(typeChanged).map((problem) => problem.problem)).toEqual(['hash-mismatch']);
  });

  it('detects an event recomputed after tampering, by the next link', () => {
    const recorded = record(streamId, chainEvents(streamId, 0, null, events));
    const [rewritten] = chainEvents(streamId, 0, null, [{ ...events[0], data: { title: 'Bhopal' } } as NewEvent]);
    const forged = recorded.map((event, index) => (index === 0 ? { ...event, ...rewritten } : event));
    expect(verifyChain(forged)).toEqual([{ version: 2, eventId: events[1]?.id, problem: 'previous-hash-mismatch' }]);
  });

  it('detects reordered, missing and renumbered events', () => {
    const recorded = record(streamId, chainEvents(streamId, 0, null, [...events, newEvent('PracticeArchived', {})]));
    const [a, b, c] = recorded as [RecordedEvent, RecordedEvent, RecordedEvent];
    expect(verifyChain([a, c, b])).not.toEqual([]);
    expect(verifyChain([a, c])).not.toEqual([]);
    const swapped = [
      { ...a, version: 2 },
      { ...b, version: 1 },
    ];
    expect(verifyChain(swapped).map((problem) => problem.problem)).toContain('hash-mismatch');
  });

  it('hashes the stream name, so a copy into another stream does not verify', () => {
    const recorded = record(streamId, chainEvents(streamId, 0, null, events));
    expect(verifyChain(recorded.map((event) => ({ ...event, streamId: 'practice-2' })))).toHaveLength(2);
  });

  it('leaves the hash of an event untouched by keys that are only reordered', () => {
    const [chained] = chainEvents(streamId, 0, null, [events[0] as NewEvent]);
    const reordered = Object.fromEntries(Object.entries(chained?.metadata ?? {}).reverse());
    expect(
      eventHash({ streamId, version: 1, type: 'PracticeShared', data: { title: 'Seveso' }, metadata: reordered }),
    ).toBe(chained?.metadata['hash']);
  });
});
