import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeViolation, HPage } from './types';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

let axeSource: string | null = null;

function loadAxeSource(): string {
  if (axeSource === null) {
    const require = createRequire(import.meta.url);
    axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  }
  return axeSource;
}

/**
 * `rootSelector` uses the harness syntax: `sesame-guide >>> .panel` scans `.panel` inside the guide's open
 * shadow root (axe's `fromShadowDom`). Without it the whole document is scanned, open shadow roots included.
 */
export function axeContext(rootSelector?: string): unknown {
  if (rootSelector === undefined) return null;
  const parts = rootSelector
    .split('>>>')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length <= 1) return parts[0] ?? null;
  return { include: [{ fromShadowDom: parts }] };
}

export interface AxeOptions {
  /** Rule ids to skip, each with a reason at the call site (e.g. a browser quirk axe cannot see through). */
  disableRules?: string[];
}

/** Injects axe-core into the page (extension pages too) and returns the WCAG 2.2 AA violations. */
export async function axe(
  page: HPage,
  rootSelector?: string,
  opts: AxeOptions = {},
): Promise<AxeViolation[]> {
  const injected = await page.evaluateSource<boolean>('typeof window.axe === "object"');
  // Evaluated through the driver, not a <script> tag, so the extension pages' CSP does not block it.
  if (!injected) await page.evaluateSource(`${loadAxeSource()}; true`);
  const context = axeContext(rootSelector);
  const rules = Object.fromEntries((opts.disableRules ?? []).map((id) => [id, { enabled: false }]));
  const options = { runOnly: { type: 'tag', values: [...AXE_TAGS] }, resultTypes: ['violations'], rules };
  const source = `(async () => {
    const context = ${JSON.stringify(context)};
    const result = await (context === null ? window.axe.run(document, ${JSON.stringify(options)}) : window.axe.run(context, ${JSON.stringify(options)}));
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact ?? null, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary ?? '' })),
    }));
  })()`;
  return page.evaluateSource<AxeViolation[]>(source);
}

/** One line per violation and node, for assertion messages. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — ${JSON.stringify(n.target)} ${n.html}`),
    )
    .join('\n');
}
