// Watches the alert page of a running pipeline (./wirewatch up replaying the seeds), for the launcher's
// AlertPageLiveIT: the seed alerts must appear, with their evidence, and later reports must update them live; the
// dashboard's map must mark Homs and its timeline show Homs's tolls of 3 and 6 February 2012 (a missing one fails the
// script, so the test).
//
// Usage: node pipeline-page-test.mjs <page URL>
// Environment: CHROMIUM (default /usr/bin/chromium), STEP_TIMEOUT_MS (default 60000), SCREENSHOT (optional PNG path).
// Prints one line `RESULT {json}`; exits non-zero (reason on stderr) when a wait times out.
import { chromium } from 'playwright-core';

const [pageUrl] = process.argv.slice(2);
if (!pageUrl) {
  console.error('usage: node pipeline-page-test.mjs <page URL>');
  process.exit(2);
}
const stepTimeout = Number(process.env.STEP_TIMEOUT_MS || 60000);

/**
 * The card of the first alert whose headline contains `text` (and starts with `start`, when given), once it shows at
 * least `sources` sources.
 */
async function cardWith(page, text, sources, start = '') {
  await page.waitForFunction(([needle, wanted, prefix]) => [...document.querySelectorAll('li.alert')]
    .some((element) => {
      const headline = element.querySelector('.alert-headline').textContent;
      return headline.includes(needle) && headline.startsWith(prefix)
        && element.querySelectorAll('.evidence-sentence').length >= wanted;
    }), [text, sources, start], { timeout: stepTimeout });
  const card = page.locator('li.alert').filter({ has: page.locator('.alert-headline', { hasText: text }) })
    .filter({ has: page.locator('.alert-headline', { hasText: new RegExp('^' + start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }) })
    .first();
  return card.evaluate((element) => ({
    id: element.dataset.alertId,
    revision: Number(element.dataset.revision),
    status: element.querySelector('.alert-status').innerText,
    headline: element.querySelector('.alert-headline').innerText,
    outlets: [...element.querySelectorAll('.evidence-outlet')].map((outlet) => outlet.textContent),
    sentences: [...element.querySelectorAll('.evidence-sentence')].map((sentence) => sentence.textContent),
  }));
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  timeout: 30000,
});
const result = { pageErrors: [] };
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => result.pageErrors.push(String(error)));
  await page.goto(pageUrl);
  await page.locator('#connection[data-state="live"]').waitFor({ timeout: stepTimeout });
  result.cardsWhenConnected = await page.locator('li.alert').count();
  // Corroboration arrives live: the GCC alert ends with evidence from all three outlets.
  result.gcc = await cardWith(page, 'GCC withdraws ambassadors', 3);
  result.homs = await cardWith(page, 'killed on 2012-02-06', 2, 'Homs');
  result.us = await cardWith(page, 'US closes its embassy', 1);
  result.cardCount = await page.locator('li.alert').count();
  result.headlines = await page.locator('li.alert .alert-headline').allInnerTexts();
  await page.locator('body[data-map-loaded="true"]').waitFor({ timeout: stepTimeout });
  const homsMark = page.locator('#map g.mark[data-place="Homs"]');
  await homsMark.waitFor({ timeout: stepTimeout });
  result.homsMarkTitle = await homsMark.locator('title').textContent();
  await homsMark.click();
  for (const day of ['2012-02-03', '2012-02-06']) {
    await page.locator(`#place-table tr[data-day="${day}"]`).waitFor({ timeout: stepTimeout });
  }
  result.homsFigures = await page.locator('#place-table tbody tr').evaluateAll((rows) => rows.map((row) => ({
    day: row.dataset.day, toll: row.querySelector('.toll').textContent,
  })));
  if (process.env.SCREENSHOT) {
    await page.screenshot({ path: process.env.SCREENSHOT, fullPage: true });
  }
  console.log('RESULT ' + JSON.stringify(result));
} catch (error) {
  console.error('Browser step failed: ' + (error && error.stack ? error.stack : error));
  console.error('Observed so far: ' + JSON.stringify(result));
  process.exitCode = 1;
} finally {
  await browser.close();
}
