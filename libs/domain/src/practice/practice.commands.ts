import type { AudienceInput } from '../shared/item.types.js';
import type { LinkInput } from '../shared/link.types.js';

export interface SharePractice {
  readonly type: 'SharePractice';
  readonly practiceId: string;
  readonly title: string;
  readonly summary: string;
  readonly body: string;
  readonly topics: readonly string[];
  readonly audience: AudienceInput;
  readonly links?: readonly LinkInput[] | null;
}

/** Absent fields stay as they are. */
export interface RevisePractice {
  readonly type: 'RevisePractice';
  readonly practiceId: string;
  /**
   * The version the client edited. The command handler appends with it, so a
   * stale edit fails with VersionConflict in the store; the decider does not
   * know the stream's version.
   */
  readonly expectedVersion: number;
  readonly title?: string | null;
  readonly summary?: string | null;
  readonly body?: string | null;
  readonly topics?: readonly string[] | null;
  /** Replaces the links when given. */
  readonly links?: readonly LinkInput[] | null;
}

export interface WithdrawPractice {
  readonly type: 'WithdrawPractice';
  readonly practiceId: string;
  readonly reason: string;
}

export interface AdoptPractice {
  readonly type: 'AdoptPractice';
  readonly practiceId: string;
  readonly note?: string | null;
}

export type PracticeCommand = SharePractice | RevisePractice | WithdrawPractice | AdoptPractice;
