import type { Participant } from '@coop/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PARTICIPANTS } from '../../../apps/api/src/demo/demo-participants.js';
import { catalogue, DESKTOP, latinDates, launchChromium, screenshots, textsNotIn } from './browser.js';
import { type ConsoleService, startConsoleService } from './console-service.js';

export function demo(id: string): Participant {
  const participant = DEMO_PARTICIPANTS.find((candidate) => candidate.id === id);
  if (participant === undefined) throw new Error(`no demo participant ${id}`);
  return participant;
}

export interface ConsoleHarness {
  readonly service: ConsoleService;
  readonly browser: Browser;
  /** A fresh browser context (its own storage), closed after the test. */
  newContext(options?: { locale?: string }): Promise<BrowserContext>;
  /** A fresh browser on the console, its script errors collected for `problemsOf`. */
  openConsole(options?: { locale?: string }): Promise<Page>;
}

const problems = new WeakMap<Page, string[]>();

/** The script errors the page met; a test expects none. */
export function problemsOf(page: Page): string[] {
  return problems.get(page) ?? [];
}

/**
 * The built service in its own process and Debian's Chromium, shared by the
 * tests of one file (started before them, stopped after them); each test's
 * browser contexts are closed after it.
 */
export function useConsoleHarness(): ConsoleHarness {
  let service: ConsoleService | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    // Both settle before a failure is reported, so that afterAll stops whichever did start.
    const [serviceStart, browserLaunch] = await Promise.allSettled([startConsoleService(), launchChromium()]);
    if (serviceStart.status === 'fulfilled') service = serviceStart.value;
    if (browserLaunch.status === 'fulfilled') browser = browserLaunch.value;
    for (const outcome of [serviceStart, browserLaunch]) if (outcome.status === 'rejected') throw outcome.reason;
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the console harness has not started');
    return value;
  };

  const harness: ConsoleHarness = {
    get service() {
      return started(service);
    },
    get browser() {
      return started(browser);
    },
    async newContext(options = {}) {
      const context = await started(browser).newContext({ viewport: DESKTOP, locale: options.locale ?? 'en-GB' });
      contexts.push(context);
      return context;
    },
    async openConsole(options = {}) {
      const page = await (await harness.newContext(options)).newPage();
      const found: string[] = [];
      page.on('pageerror', (error) => found.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().includes('404')) found.push(message.text());
      });
      problems.set(page, found);
      await page.goto(started(service).origin);
      return page;
    },
  };
  return harness;
}

/** One click on a demo participant of the development sign-in. */
export async function signInAs(page: Page, who: Participant): Promise<void> {
  await page.getByRole('button', { name: new RegExp(who.name) }).click();
  // Signed in, in whichever language: the viewer's name in the header.
  await page.locator('.viewer', { hasText: who.name }).waitFor();
}

export async function waitLive(page: Page): Promise<void> {
  await page.locator('.connection[data-state="live"]').first().waitFor();
}

export const feedEntry = (page: Page, title: string) => page.locator('.feed .entry', { hasText: title });

/** Waits until the page shows exactly `count` elements matching `selector`. */
export async function waitForCount(page: Page, selector: string, count: number): Promise<void> {
  await page.waitForFunction(([css, expected]) => document.querySelectorAll(css).length === expected, [
    selector,
    count,
  ] as const);
}

/** The page has no word outside the Russian catalogue and no date in Latin letters; its screenshots are taken. */
export async function expectRussian(page: Page, name: string): Promise<void> {
  expect({ page: name, english: await textsNotIn(page, catalogue('ru')) }).toEqual({ page: name, english: [] });
  expect({ page: name, dates: await latinDates(page) }).toEqual({ page: name, dates: [] });
  await screenshots(page, `${name}-ru`);
}
