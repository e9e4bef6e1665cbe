import path from 'node:path';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { SCREENSHOTS_DIR } from './paths';

/** The screen sizes offices have: a 15" laptop and an old 4:3-ish monitor. */
export const SIZES = [
  [1366, 768],
  [1024, 700],
] as const;

/** Nothing of the page scrolls sideways: neither the document nor the main pane. */
export async function expectNoSidewaysScroll(page: Page, screen: string): Promise<void> {
  const overflow = await page.evaluate(() => {
    const out: string[] = [];
    const doc = document.scrollingElement ?? document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) out.push(`document ${doc.scrollWidth} > ${doc.clientWidth}`);
    const main = document.querySelector('.main');
    if (main && main.scrollWidth > main.clientWidth + 1)
      out.push(`main pane ${main.scrollWidth} > ${main.clientWidth}`);
    return out;
  });
  expect(overflow, `${screen}: sideways scroll`).toEqual([]);
}

/**
 * Walks the screen with Tab from the top of the main pane: each focused element must lie inside the
 * window and be what the window shows at its centre and its top and bottom edges (`elementFromPoint`),
 * not a sticky bar over it.
 */
export async function expectFocusNeverHidden(page: Page, screen: string, tabs = 25): Promise<void> {
  await page.evaluate(() => {
    const main = document.querySelector<HTMLElement>('.main');
    const start = main?.querySelector<HTMLElement>('h1') ?? main;
    if (!start) return;
    start.setAttribute('tabindex', '-1');
    start.focus();
  });
  const problems: string[] = [];
  for (let i = 0; i < tabs; i++) {
    await page.keyboard.press('Tab');
    const problem = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const r = el.getBoundingClientRect();
      // Nothing to see: a visually hidden control (a file input behind its button).
      if (r.width <= 1 || r.height <= 1) return null;
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} «${(
        el.getAttribute('aria-label') ??
        el.textContent ??
        ''
      )
        .trim()
        .slice(0, 40)}»`;
      // An element larger than the window (a grid, a long text area) need only show a part.
      const big = r.height > innerHeight || r.width > innerWidth;
      const box = {
        left: Math.max(r.left, 0),
        top: Math.max(r.top, 0),
        right: Math.min(r.right, innerWidth),
        bottom: Math.min(r.bottom, innerHeight),
      };
      if (!big && (r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1))
        return `${name} is outside the window (${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)})`;
      if (box.right <= box.left || box.bottom <= box.top) return `${name} is not in the window`;
      const x = (box.left + box.right) / 2;
      const inset = Math.min(3, (box.bottom - box.top) / 2);
      // A chart's focusable parts are drawn over each other: what counts is that the chart is shown.
      let frame: Element = el;
      while (frame instanceof SVGElement && frame.parentElement) frame = frame.parentElement;
      for (const y of [(box.top + box.bottom) / 2, box.top + inset, box.bottom - inset]) {
        const hit = document.elementFromPoint(x, y);
        const shows =
          hit !== null &&
          (hit === el ||
            frame.contains(hit) ||
            (hit instanceof HTMLLabelElement && hit.control === el) ||
            // A control drawn inside its own wrapper (a checkbox's box, a select's arrow).
            (hit.contains(el) && hit.getBoundingClientRect().height <= r.height + 8));
        if (!shows) {
          const by = hit as HTMLElement | null;
          return `${name} is covered at y=${Math.round(y)} by ${by?.tagName.toLowerCase() ?? 'nothing'}.${by?.className ?? ''}`;
        }
      }
      return null;
    });
    if (problem) problems.push(problem);
  }
  expect(problems, `${screen}: focused elements hidden`).toEqual([]);
}

/**
 * A picture of the window (not the whole page, to keep the files small): into docs/screenshots with
 * UPDATE_SCREENSHOTS=1, into the test's output folder otherwise.
 */
export async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = process.env.UPDATE_SCREENSHOTS ? path.join(SCREENSHOTS_DIR, name) : testInfo.outputPath(name);
  await page.screenshot({ path: file });
}

/** All three checks on the screen in front of the user. */
export async function checkScreen(
  page: Page,
  testInfo: TestInfo,
  screen: string,
  width: number,
): Promise<void> {
  await expectNoSidewaysScroll(page, screen);
  await shot(page, testInfo, `${screen}-${width}.png`);
  await expectFocusNeverHidden(page, screen);
  await expectNoSidewaysScroll(page, screen);
}
