import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Debian's Chromium: Playwright's own browser download is not used. */
export const CHROMIUM = '/usr/bin/chromium';

/** Where the tests leave their screenshots (ignored by git). */
export const SCREENSHOTS = join(ROOT, 'test-results', 'console');

/** Headless Chromium; Playwright gives it a fresh temporary profile (user-data-dir) of its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 360, height: 740 };

/** The whole page at desktop width and at 360 px, then back to desktop. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const [width, viewport] of [
    ['desktop', DESKTOP],
    ['360', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(DESKTOP);
}

type Catalogue = { [key: string]: string | Catalogue };

export function catalogue(language: 'en' | 'ru'): Catalogue {
  return JSON.parse(
    readFileSync(join(ROOT, 'apps', 'console', 'src', 'i18n', `${language}.json`), 'utf8'),
  ) as Catalogue;
}

/** Every message of a catalogue, each `{{value}}` standing for any text. */
function messagePatterns(messages: Catalogue): RegExp[] {
  const patterns: RegExp[] = [];
  const visit = (node: Catalogue) => {
    for (const value of Object.values(node)) {
      if (typeof value !== 'string') {
        visit(value);
        continue;
      }
      const parts = value.split(/\{\{\s*\w+\s*\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      patterns.push(new RegExp(`^${parts.join('.+')}$`, 's'));
    }
  };
  visit(messages);
  return patterns;
}

/** Figures, dates' punctuation and separators carry no words. */
const NO_WORDS = /^[\d\s.,:;%()#·—–\-+/]*$/;

/**
 * The page's words that are not messages of the catalogue: its text, the
 * labels only assistive technology reads (`aria-label`, `title`…) and the
 * document's title. What the participants wrote (marked `translate="no"`:
 * titles, bodies, names, identifiers) and formatted dates are no labels.
 */
export async function textsNotIn(page: Page, messages: Catalogue): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const found: string[] = [document.title];
    const exempt = (element: Element | null) =>
      element === null || element.closest('[translate="no"], script, style, noscript, time') !== null;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      if (text !== '' && !exempt(node.parentElement)) found.push(text);
    }
    for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      if (exempt(element)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(name)?.trim();
        if (value) found.push(value);
      }
    }
    return found;
  });
  const patterns = messagePatterns(messages);
  const known = (text: string) => NO_WORDS.test(text) || patterns.some((pattern) => pattern.test(text));
  // Labels joined in one text (`Kazakhstan · Focal point`, `Countries: Kazakhstan, Uzbekistan`).
  const knownParts = (text: string) =>
    text
      .split(/\s*[,·:]\s+|\s+·\s*/)
      .map((part) => part.trim())
      .every((part) => part === '' || known(part));
  return texts.filter((text) => !known(text) && !knownParts(text));
}

/** Dates and times the page shows in words other than the language's (e.g. an English month in Russian). */
export async function latinDates(page: Page): Promise<string[]> {
  return page.$$eval('time', (times) =>
    times.map((time) => time.textContent ?? '').filter((text) => /[A-Za-z]/.test(text)),
  );
}
