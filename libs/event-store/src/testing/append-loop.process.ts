import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { AppendResult } from '../event-store.port.js';
import type { ChildOpenSpec } from './conformance-target.js';

export interface AppendLoopSpec {
  readonly open: ChildOpenSpec;
  /** Appends go to these streams in turn. */
  readonly streams: readonly string[];
  /** Stop after this many acknowledged appends; never stop when absent. */
  readonly appends?: number;
  /** Each append carries 1 to this many events (1 when absent). */
  readonly maxEventsPerAppend?: number;
  /** Recorded in every event, to tell writers apart. */
  readonly writer: string;
}

export interface AppendLoopAck extends AppendResult {
  readonly streamId: string;
  readonly appendId: string;
  readonly ids: readonly string[];
}

const RUNNER = fileURLToPath(new URL('./append-loop.runner.ts', import.meta.url));

/** A child process running `append-loop.runner.ts`, seen from the parent. */
export class AppendLoopProcess {
  readonly acks: AppendLoopAck[] = [];
  /** Resolves when the child has exited and its output is read; rejects if it failed on its own. */
  readonly finished: Promise<void>;
  private stderr = '';
  private killed = false;
  private ended = false;
  private ackWaiters: Array<() => void> = [];

  private constructor(private readonly child: ChildProcess) {
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      this.acks.push(JSON.parse(line) as AppendLoopAck);
      this.wakeAckWaiters();
    });
    const closed = new Promise<void>((resolve) => lines.once('close', resolve));
    const exited = new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => resolve(code));
    });
    this.finished = Promise.all([exited, closed]).then(([code]) => {
      if (!this.killed && code !== 0) throw new Error(`append loop exited with ${code}: ${this.stderr}`);
    });
    const end = (): void => {
      this.ended = true;
      this.wakeAckWaiters();
    };
    this.finished.then(end, end);
  }

  static start(spec: AppendLoopSpec): AppendLoopProcess {
    const { NODE_OPTIONS: _jestNodeOptions, ...env } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', RUNNER, JSON.stringify(spec)], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new AppendLoopProcess(child);
  }

  /** Resolves once `count` appends are acknowledged; rejects if the child ends first. */
  async waitForAcks(count: number): Promise<void> {
    while (this.acks.length < count) {
      if (this.ended) {
        await this.finished;
        throw new Error(`append loop ended after ${this.acks.length} of ${count} acks: ${this.stderr}`);
      }
      await new Promise<void>((resolve) => this.ackWaiters.push(resolve));
    }
  }

  /** SIGKILL: the child gets no chance to clean up, as in a crash. */
  async crash(): Promise<void> {
    this.killed = true;
    this.child.kill('SIGKILL');
    await this.finished;
  }

  private wakeAckWaiters(): void {
    const waiters = this.ackWaiters;
    this.ackWaiters = [];
    for (const wake of waiters) wake();
  }
}
