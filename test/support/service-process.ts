import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';

export const BUILT_MAIN = join(import.meta.dirname, '..', '..', 'dist', 'apps', 'api', 'src', 'main.js');

export interface ServiceProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly port: number;
  /** Every line the service printed on standard output so far, as printed. */
  readonly output: string[];
  /** Those of them that are JSON log lines, parsed. */
  readonly logs: Record<string, unknown>[];
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Runs the built service as a real process (as `npm start` does) and resolves
 * once it logs that it is ready.
 */
export function startServiceProcess(env: Record<string, string>, readyTimeoutMs = 30_000): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [BUILT_MAIN], {
    env: { PATH: process.env['PATH'] ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
  });
  const output: string[] = [];
  const logs: Record<string, unknown>[] = [];
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    // 'close' rather than 'exit': standard output has been read to its end by then.
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`service not ready within ${readyTimeoutMs} ms; stderr: ${stderr}`));
    }, readyTimeoutMs);
    void exit.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`service exited with ${code} before it was ready; stderr: ${stderr}`));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      output.push(line);
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      logs.push(entry);
      if (entry['msg'] === 'cooperation network ready') {
        clearTimeout(timer);
        resolve({ child, port: entry['port'] as number, output, logs, exited: () => exit });
      }
    });
  });
}
