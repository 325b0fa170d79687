import type { Page } from 'playwright-core';

const AXE_SCRIPT = require.resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** Selector and failure summary of each element that breaks the rule. */
  nodes: string[];
}

/** Impacts that fail a scan: what keeps a person from using the page, not what merely hinders them. */
const BLOCKING = new Set(['serious', 'critical']);

interface AxeWindow {
  axe?: {
    run(
      context: unknown,
      options: unknown,
    ): Promise<{
      violations: Array<{
        id: string;
        impact?: string | null;
        help: string;
        nodes: Array<{ target: unknown[]; html: string; failureSummary?: string }>;
      }>;
    }>;
  };
}

/**
 * Runs axe-core over the page (opened with `bypassCSP`: the console allows no inline script) as it is now,
 * WCAG 2.1 A and AA rules and best practice, and returns its serious and critical findings.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => Boolean((window as AxeWindow).axe)))) {
    await page.addScriptTag({ path: AXE_SCRIPT });
  }
  const violations = await page.evaluate(async () => {
    const result = await (window as AxeWindow).axe!.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      nodes: violation.nodes.map(
        (node) => `${node.target.join(' ')} ${node.html.slice(0, 160)}: ${node.failureSummary ?? ''}`,
      ),
    }));
  });
  return violations.filter((violation) => violation.impact !== null && BLOCKING.has(violation.impact));
}

/** One line per finding, so a failed expectation says what to fix and where. */
export function describeViolations(violations: readonly AxeViolation[]): string[] {
  return violations.map(
    (violation) =>
      `${violation.impact} ${violation.id} (${violation.help}): ${violation.nodes.slice(0, 5).join(' | ')}`,
  );
}
