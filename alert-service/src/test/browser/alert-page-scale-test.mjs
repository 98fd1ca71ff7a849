// Opens the dashboard on a server already holding 1,200 alerts and one whose place name is markup, for
// AlertPageBrowserIT: the list must page, filters must answer, a live alert must arrive on top, and the hostile
// place must stay text on the map and in the timeline.
//
// Usage: node alert-page-scale-test.mjs <page URL> <control URL>
// Environment: CHROMIUM (default /usr/bin/chromium), STEP_TIMEOUT_MS (default 20000).
// Prints one line `RESULT {json}`; exits non-zero (reason on stderr) when a wait times out.
import { chromium } from 'playwright-core';

const [pageUrl, controlUrl] = process.argv.slice(2);
if (!pageUrl || !controlUrl) {
  console.error('usage: node alert-page-scale-test.mjs <page URL> <control URL>');
  process.exit(2);
}
const stepTimeout = Number(process.env.STEP_TIMEOUT_MS || 20000);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  timeout: 30000,
});
const result = { pageErrors: [], requestedPaths: [] };
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.setDefaultTimeout(stepTimeout);
  page.on('pageerror', (error) => result.pageErrors.push(String(error)));
  page.on('request', (request) => result.requestedPaths.push(new URL(request.url()).pathname));

  const started = Date.now();
  await page.goto(pageUrl);
  await page.waitForFunction(() => document.getElementById('page-info').textContent === '1–50 of 1203');
  result.millisUntilListed = Date.now() - started;
  result.cards = await page.locator('li.alert').count();
  result.pageInfo = await page.locator('#page-info').innerText();
  result.firstCard = await page.locator('li.alert').first().getAttribute('data-alert-id');
  result.newerDisabled = await page.locator('#page-newer').isDisabled();
  await page.locator('#page-older').click();
  result.pageInfoOlder = await page.locator('#page-info').innerText();
  result.firstCardOlder = await page.locator('li.alert').first().getAttribute('data-alert-id');

  await page.selectOption('#f-type', 'CASUALTY_SPIKE');
  await page.waitForFunction(() => document.getElementById('match-count').textContent.startsWith('401 '));
  result.casualtyCount = await page.locator('#match-count').innerText();
  result.placeOptions = await page.locator('#f-place option').allInnerTexts();
  await page.selectOption('#f-type', '');
  await page.waitForFunction(() => document.getElementById('match-count').textContent.startsWith('1203 '));

  await page.locator('body[data-map-loaded="true"]').waitFor();
  result.links = await page.locator('#map g.link').evaluateAll((links) => links.map((link) => link.dataset.from + '>'
    + link.dataset.to));

  const live = {
    id: 'live-after-load', status: 'NEW', type: 'DIPLOMATIC_ACTION', action: 'EXPEL_DIPLOMATS', actor: 'Italy',
    actorCode: 'IT', target: 'Syria', targetCode: 'SY', countries: ['IT', 'SY'], eventDate: '2012-03-01',
    headline: 'Italy expels Syrian diplomats', severity: 'HIGH', sources: 1, outlets: ['ANSA'], evidence: [],
    firstSeen: '2012-03-01T10:00:00Z', lastUpdated: '2012-03-01T10:00:00Z', revision: 0,
  };
  const response = await fetch(new URL('publish', controlUrl), {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(live),
  });
  if (response.status !== 204) {
    throw new Error('publishing failed: ' + response.status);
  }
  await page.waitForFunction(() => {
    const first = document.querySelector('li.alert');
    return first && first.dataset.alertId === 'live-after-load';
  });
  result.liveFirst = await page.locator('li.alert').first().getAttribute('data-alert-id');

  const hostileMark = page.locator('#map g.mark').filter({ has: page.locator('title', { hasText: '<img' }) });
  await hostileMark.waitFor();
  result.hostileMarkTitle = await hostileMark.locator('title').textContent();
  await hostileMark.click();
  await page.locator('#place-table tbody tr').first().waitFor();
  result.hostileTimelineTitle = await page.locator('#place-title').textContent();
  result.hostileReports = await page.locator('#place-table tbody tr .reports li').first().textContent();
  await page.waitForLoadState('networkidle');
  result.injectedElements = await page.evaluate(() =>
    document.querySelectorAll('main script, main img, main iframe, main object, main b, main em, main i, svg foreignObject').length);
  result.pwned = await page.evaluate(() => typeof window.__pwned === 'undefined' ? 'undefined' : String(window.__pwned));
  console.log('RESULT ' + JSON.stringify(result));
} catch (error) {
  console.error('Browser step failed: ' + (error && error.stack ? error.stack : error));
  console.error('Observed so far: ' + JSON.stringify(result));
  process.exitCode = 1;
} finally {
  await browser.close();
}
