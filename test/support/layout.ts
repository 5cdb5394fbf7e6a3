// Layout checks for the browser tests: pages that fit the screen.
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/**
 * At the page's current width: nothing scrolls the page sideways, and no table is wider than the page's content
 * column (a table in a scrolling region may be wider than its region only on a narrow screen, so pass
 * `tablesFit: false` there).
 */
export async function expectFitsWidth(page: Page, what: string, { tablesFit = true } = {}): Promise<void> {
  // Charts resize to their container from a ResizeObserver, a frame or more after the window changes size: on a
  // busy machine, give the layout a moment to settle before measuring it.
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), { timeout: 5_000, interval: 100 })
    .toBe(true)
    .catch(() => undefined)
  const layout = await page.evaluate(() => {
    const main = document.querySelector('main') ?? document.body
    const width = main.getBoundingClientRect().width
    return {
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      wideTables: [...document.querySelectorAll('main table')]
        .map((t) => ({ name: t.id || t.querySelector('caption')?.textContent?.trim() || t.className, width: Math.round(t.getBoundingClientRect().width) }))
        .filter((t) => t.width > width + 1)
        .map((t) => `${t.name} (${t.width} px, the page ${Math.round(width)} px)`),
    }
  })
  expect(layout.scrollWidth, `${what} scrolls sideways`).toBeLessThanOrEqual(layout.clientWidth)
  if (tablesFit) expect(layout.wideTables, `${what}: tables wider than the page`).toEqual([])
}
