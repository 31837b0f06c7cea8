import type { Page } from '@playwright/test';

import { expect } from './fixtures';

/**
 * Fails when the page scrolls sideways at its viewport's width (long code and tables must scroll
 * inside their own frame), naming the innermost elements that reach past the edge.
 */
export async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
    // The innermost elements that reach past the screen's edge, to name in the failure.
    wide: [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
      .filter((e) => {
        // Inside a frame that scrolls on its own (a code block, the step list): not the page's width.
        for (let p = e.parentElement; p; p = p.parentElement)
          if (getComputedStyle(p).overflowX !== 'visible') return false;
        return true;
      })
      .filter((e) => ![...e.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 0.5))
      .slice(0, 5)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} "${(e.textContent ?? '').slice(0, 40)}"`,
      ),
  }));
  expect(
    overflow.scroll,
    `${label} is ${overflow.scroll} px wide: ${overflow.wide.join('; ')}`,
  ).toBeLessThanOrEqual(overflow.width);
}
