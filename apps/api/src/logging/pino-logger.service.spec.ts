import { Writable } from 'node:stream';
import type { Environment } from '../config/app-config.js';
import { createRootLogger } from './pino-logger.service.js';

/** What a logger wrote, line by line, to an output that says whether it is a terminal. */
async function loggedTo(environment: Environment, isTTY: boolean): Promise<string[]> {
  let text = '';
  let lineWritten!: () => void;
  const firstLine = new Promise<void>((resolve) => (lineWritten = resolve));
  const output = Object.assign(
    new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        text += chunk.toString();
        if (text.includes('\n')) lineWritten();
        callback();
      },
    }),
    { isTTY },
  );
  createRootLogger('info', environment, output).info({ method: 'POST', status: 200 }, 'request');
  // The pretty printer hands its lines on through a pipe, a tick or two later.
  await firstLine;
  return text.split('\n').filter((line) => line !== '');
}

const isJson = (line: string): boolean => {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
};

describe('root logger', () => {
  it('writes coloured single lines for a person on a terminal in development', async () => {
    const lines = await loggedTo('development', true);
    expect(lines).toHaveLength(1);
    const [line] = lines as [string];
    expect(isJson(line)).toBe(false);
    // eslint-disable-next-line no-control-regex
    const plain = line.replace(/\u001b\[[0-9;]*m/g, '');
    expect(plain).toMatch(/^\[\d{2}:\d{2}:\d{2}\.\d{3}\] INFO: request \{"method":"POST","status":200\}$/);
    expect(line).not.toBe(plain);
  });

  it.each([
    ['development', false],
    ['test', true],
    ['test', false],
    ['production', true],
    ['production', false],
  ] as const)('writes JSON lines in %s when the output is a terminal: %s', async (environment, isTTY) => {
    const lines = await loggedTo(environment, isTTY);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toEqual({
      level: 30,
      time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      service: 'cooperation-network',
      method: 'POST',
      status: 200,
      msg: 'request',
    });
  });
});
