/*
 * Checks an audit export offline: no service, no store, only the file. It
 * imports nothing but the canonical JSON and event hash (`hash-chain.ts`), so
 * an auditor can read the whole check in these two files; the README states
 * the same rules for re-implementing it elsewhere.
 */
import type { JsonObject, JsonValue } from './event-store.port.js';
import { eventHash } from './hash-chain.js';

export type AuditExportFailure = 'changed content' | 'missing event' | 'reordered event';

export type AuditExportVerification =
  | {
      readonly valid: true;
      readonly events: number;
      readonly streams: number;
      /** Streams whose first line in the file is not their first event: an export of a time range. */
      readonly streamsStartingMidChain: number;
    }
  | {
      readonly valid: false;
      /** 1-based number of the first line that fails. */
      readonly line: number;
      readonly failure: AuditExportFailure;
      readonly detail: string;
    };

interface ExportLine {
  readonly position: string;
  readonly stream: string;
  readonly version: number;
  readonly type: string;
  readonly data: JsonValue;
  readonly metadata: JsonObject;
  readonly hash: string;
  readonly previousHash: string | null;
}

/** Where a stream's chain stands after the lines read so far. */
interface ChainEnd {
  readonly version: number;
  readonly hash: string;
  readonly line: number;
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The line as an export line, or why it is not one. */
function parseLine(text: string): ExportLine | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'it is not valid JSON';
  }
  if (!isObject(value)) return 'it is not a JSON object';
  const { position, stream, version, type, data, metadata, hash, previousHash } = value;
  if (typeof position !== 'string' || position === '') return '"position" is not a non-empty string';
  if (typeof stream !== 'string' || stream === '') return '"stream" is not a non-empty string';
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    return '"version" is not a positive integer';
  }
  if (typeof type !== 'string') return '"type" is not a string';
  if (data === undefined) return '"data" is missing';
  if (!isObject(metadata)) return '"metadata" is not an object';
  if (typeof hash !== 'string') return '"hash" is not a string';
  if (previousHash !== null && typeof previousHash !== 'string') return '"previousHash" is neither a string nor null';
  return { position, stream, version, type, data, metadata, hash, previousHash };
}

/** Why the line's content does not match its own hash, if it does not. */
function contentProblem(line: ExportLine): string | null {
  if (line.metadata['hash'] !== line.hash) return '"hash" differs from the metadata\'s hash';
  if ((line.metadata['previousHash'] ?? null) !== line.previousHash) {
    return '"previousHash" differs from the metadata\'s previousHash';
  }
  let recomputed: string;
  try {
    recomputed = eventHash({
      streamId: line.stream,
      version: line.version,
      type: line.type,
      data: line.data,
      metadata: line.metadata,
    });
  } catch {
    return 'it holds a number JSON cannot carry';
  }
  return recomputed === line.hash ? null : `its content does not hash to ${line.hash}`;
}

/**
 * Recomputes every stream's chain from the lines, in one pass holding only
 * each stream's last version and hash, and stops at the first failing line:
 * - changed content: a line that is not an event line, whose content does not
 *   hash to its hash, or whose previous hash is not the hash of its stream's
 *   line before it;
 * - missing event: a stream skips a version that no later line holds;
 * - reordered event: a stream's version comes before an earlier one, or
 *   positions (log order) do not increase from line to line.
 * A stream's first line is taken as it stands, its previous hash included:
 * an export of a time range starts streams mid-chain.
 */
export async function verifyAuditExport(
  lines: AsyncIterable<string> | Iterable<string>,
): Promise<AuditExportVerification> {
  const chains = new Map<string, ChainEnd>();
  let lineNumber = 0;
  let events = 0;
  let streamsStartingMidChain = 0;
  let last: { readonly position: string; readonly line: number } | null = null;
  // A version skipped: it is reordered if a later line holds it, missing otherwise.
  let gap: {
    readonly line: number;
    readonly stream: string;
    readonly found: number;
    readonly before: ChainEnd;
  } | null = null;
  const fail = (line: number, failure: AuditExportFailure, detail: string): AuditExportVerification => ({
    valid: false,
    line,
    failure,
    detail,
  });

  for await (const text of lines) {
    lineNumber += 1;
    if (gap !== null) {
      const later = parseLine(text);
      if (typeof later !== 'string' && later.stream === gap.stream && later.version === gap.before.version + 1) {
        return fail(
          gap.line,
          'reordered event',
          `${gap.stream} version ${gap.found} comes before version ${later.version}, which is on line ${lineNumber}`,
        );
      }
      continue;
    }
    const line = parseLine(text);
    if (typeof line === 'string') return fail(lineNumber, 'changed content', line);
    const problem = contentProblem(line);
    if (problem !== null) return fail(lineNumber, 'changed content', problem);
    if (last !== null && !(line.position > last.position)) {
      return fail(
        lineNumber,
        'reordered event',
        `its position ${line.position} does not come after ${last.position} on line ${last.line}`,
      );
    }
    const end = chains.get(line.stream);
    if (end === undefined) {
      if (line.version !== 1 || line.previousHash !== null) streamsStartingMidChain += 1;
    } else if (line.version === end.version + 1) {
      if (line.previousHash !== end.hash) {
        return fail(
          lineNumber,
          'changed content',
          `its previous hash is not the hash of line ${end.line} (${line.stream} version ${end.version}): one of them was changed or replaced`,
        );
      }
    } else if (line.version > end.version + 1) {
      gap = { line: lineNumber, stream: line.stream, found: line.version, before: end };
      continue;
    } else {
      return fail(
        lineNumber,
        'reordered event',
        `${line.stream} version ${line.version} comes after version ${end.version} on line ${end.line}`,
      );
    }
    chains.set(line.stream, { version: line.version, hash: line.hash, line: lineNumber });
    last = { position: line.position, line: lineNumber };
    events += 1;
  }
  if (gap !== null) {
    const missing = gap.before.version + 1;
    return fail(
      gap.line,
      'missing event',
      `${gap.stream} goes from version ${gap.before.version} on line ${gap.before.line} to version ${gap.found}; version ${missing} is on no line`,
    );
  }
  return { valid: true, events, streams: chains.size, streamsStartingMidChain };
}

/** What the command prints: the success line, or the failing line and why. */
export function describeAuditExportVerification(result: AuditExportVerification): string {
  if (!result.valid) return `line ${result.line}: ${result.failure}: ${result.detail}`;
  const verified = `${result.events} events in ${result.streams} streams verified`;
  return result.streamsStartingMidChain === 0
    ? verified
    : `${verified}\n${result.streamsStartingMidChain} streams start mid-chain, at the previous hash their first line carries`;
}
