import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { MAIN_PAGES, seedMainPages, visit, type Seed } from "../support/main-pages";
import { OWNER_STATE, SIGNED_OUT } from "../support/owner";

/**
 * axe on every main page (the table in e2e/support/main-pages.ts), in light and in dark mode:
 * no serious or critical violation. One browser context per color scheme (the theme follows
 * the system's by default), each page visited once in it.
 */
type Scheme = "light" | "dark";

async function contextFor(browser: Browser, scheme: Scheme, signedOut: boolean): Promise<BrowserContext> {
  return browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 800 }, storageState: signedOut ? SIGNED_OUT : OWNER_STATE });
}

for (const scheme of ["light", "dark"] as const) {
  test(`no serious or critical axe violation on the main pages, ${scheme} mode`, async ({ browser, request }) => {
    test.setTimeout(240_000);
    const seed: Seed = await seedMainPages(request);
    const signedIn = await contextFor(browser, scheme, false);
    const signedOut = await contextFor(browser, scheme, true);
    const found: string[] = [];
    try {
      const pages = { in: await signedIn.newPage(), out: await signedOut.newPage() };
      for (const target of MAIN_PAGES) {
        const page = target.signedOut ? pages.out : pages.in;
        await visit(page, target, seed);
        await expect(page.locator("html")).toHaveClass(scheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b).*$/);
        const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
        for (const violation of violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
          const where = violation.nodes.slice(0, 3).map((node) => `${node.target.join(" ")}${node.failureSummary ? ` (${node.failureSummary.split("\n").slice(1).join(" ").trim()})` : ""}`);
          found.push(`${target.name}: ${violation.id} [${violation.impact}] ×${violation.nodes.length}: ${where.join(" | ")}`);
        }
      }
    } finally {
      await signedIn.close();
      await signedOut.close();
    }
    expect(found, found.join("\n")).toEqual([]);
  });
}
