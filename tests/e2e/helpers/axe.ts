/**
 * axe-core (Deque's rules engine, https://github.com/dequelabs/axe-core) injected into the
 * page, scanning the whole document against WCAG 2.2 A and AA and axe's best practices. The
 * page's CSP refuses injected scripts, so pages scanned here are opened with `bypassCSP`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The rule sets scanned: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] as const;

/** Impacts that fail a scan (axe's scale: minor, moderate, serious, critical). */
export const FAILING_IMPACTS: readonly string[] = ['serious', 'critical'];

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  /** CSS selectors of the offending elements. */
  targets: string[];
}

/** Scans the document as it is now; returns every violation, whatever its impact. */
export async function axeScan(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(
    async (tags) => {
      interface AxeResults {
        violations: {
          id: string;
          impact: string | null;
          help: string;
          nodes: { target: unknown[] }[];
        }[];
      }
      const axe = (
        window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }
      ).axe;
      const results = await axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return results.violations.map((violation) => ({
        rule: violation.id,
        impact: violation.impact ?? 'unknown',
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
      }));
    },
    AXE_TAGS as unknown as string[],
  );
}
