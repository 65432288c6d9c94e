import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM } from '../../vitest.config.ts';

/**
 * What every page must be, checked in a real browser at a phone's width and a desktop's: nothing scrolls
 * sideways, no serious or critical accessibility violation (axe-core), the agency in the header, and a
 * screenshot kept in test-artifacts/screenshots/ to look at.
 */
export const SHOTS = join('test-artifacts', 'screenshots');
export const WIDTHS = [390, 1280] as const;
export const PHONE = { width: 390, height: 844 };

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // The pages' CSP admits no inline script without its nonce (addScriptTag is refused, rightly); the
  // driver evaluates axe directly, which the page's CSP does not govern, so the CSP stays on under test.
  await page.evaluate(AXE);
  // A string: this file compiles without the DOM's types.
  const r = (await page.evaluate("axe.run({ resultTypes: ['violations'] })")) as {
    violations: AxeViolation[];
  };
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Checks the page as it is now at both widths; leaves it at the phone width. */
export async function checkPage(
  page: Page,
  name: string,
  opts: { header?: string | false; first?: RegExp } = {},
): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    const { scroll, client } = (await page.evaluate(
      '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })',
    )) as { scroll: number; client: number };
    expect(scroll, `${name} at ${width}px scrolls sideways`).toBeLessThanOrEqual(client);
    const serious = await axeViolations(page);
    expect(
      serious.map(
        (v) => `${v.id} (${v.impact}): ${v.help} ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`,
      ),
      `${name} at ${width}px`,
    ).toEqual([]);
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(PHONE);
  if (opts.header !== false)
    expect(await page.locator('header').textContent()).toContain(
      opts.header ?? 'Pemerintah Kabupaten Balangan',
    );
  if (opts.first) expect((await page.locator('h1').first().textContent())?.trim()).toMatch(opts.first);
}

/** Debian's Chromium, headless, as every browser test drives it (scripts/siapkan-peramban.sh installs it). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
}
