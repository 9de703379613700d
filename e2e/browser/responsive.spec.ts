import path from "node:path";
import { expect, test } from "@playwright/test";
import { MAIN_PAGES, seedMainPages, visit } from "../support/main-pages";
import { OWNER_STATE, SIGNED_OUT } from "../support/owner";

/**
 * Every main page at phone, tablet and desktop widths: the document never scrolls sideways
 * (wide tables scroll inside their own box). With SCREENSHOTS_DIR set (`npm run screenshots`)
 * each page is saved per width under <SCREENSHOTS_DIR>/responsive/<page>-<width>.png.
 */
const WIDTHS = [375, 768, 1280] as const;
const OUT = process.env.SCREENSHOTS_DIR ? path.resolve(process.env.SCREENSHOTS_DIR, "responsive") : null;

test("the main pages fit 375, 768 and 1280 px without scrolling sideways", async ({ browser, request }) => {
  test.setTimeout(300_000);
  const seed = await seedMainPages(request);
  const signedIn = await browser.newContext({ colorScheme: "light", storageState: OWNER_STATE });
  const signedOut = await browser.newContext({ colorScheme: "light", storageState: SIGNED_OUT });
  const overflowing: string[] = [];
  try {
    const pages = { in: await signedIn.newPage(), out: await signedOut.newPage() };
    for (const width of WIDTHS) {
      for (const page of [pages.in, pages.out]) await page.setViewportSize({ width, height: width < 768 ? 740 : 900 });
      for (const target of MAIN_PAGES) {
        const page = target.signedOut ? pages.out : pages.in;
        await visit(page, target, seed);
        const { scrollWidth, clientWidth, culprit } = await page.evaluate(() => {
          const root = document.documentElement;
          // What sticks out of the viewport without a scrolling box of its own around it, to say what to fix.
          const clipped = (el: Element) => {
            // An absolutely positioned element escapes a scroller that is not its containing block (sr-only text in a wide table).
            if (getComputedStyle(el).position === "absolute") return false;
            for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) if (getComputedStyle(up).overflowX !== "visible") return true;
            return false;
          };
          const out = Array.from(document.body.querySelectorAll<HTMLElement>("*")).filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1 && !clipped(el));
          const outermost = out.filter((el) => !out.includes(el.parentElement as HTMLElement));
          const named = outermost.map((el) => `${el.tagName.toLowerCase()}${el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : ""}.${String(el.className).split(" ").slice(0, 6).join(".")} (right ${Math.round(el.getBoundingClientRect().right)})`);
          return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprit: named.slice(0, 3).join(" | ") };
        });
        if (scrollWidth > clientWidth) overflowing.push(`${target.name} @${width}: scrollWidth ${scrollWidth} > ${clientWidth}: ${culprit}`);
        if (OUT) await page.screenshot({ path: path.join(OUT, `${target.name}-${width}.png`), animations: "disabled" });
      }
    }
  } finally {
    await signedIn.close();
    await signedOut.close();
  }
  expect(overflowing, overflowing.join("\n")).toEqual([]);
});
