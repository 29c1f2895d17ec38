import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The rules the quality bars name: contrast, names of buttons, labels of fields, valid ARIA roles. */
const RULES = [
  'color-contrast',
  'button-name',
  'label',
  'aria-roles',
  'aria-allowed-role',
  'aria-required-children',
  'aria-required-parent',
  'aria-valid-attr-value',
  'link-name',
  'select-name',
];

/**
 * Runs axe-core on the page as it stands and returns one line per violating node (rule, target,
 * what axe says), so a failing assertion tells what to fix. An empty list is a pass.
 */
export async function axeViolations(
  page: Page,
  { include, rules = RULES }: { include?: string; rules?: string[] } = {},
): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withRules(rules);
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ') ?? v.help}`),
  );
}
