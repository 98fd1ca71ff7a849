// Drives the dashboard of a running alert-service that holds the seed alerts (DashboardSeedsBrowserIT), in headless
// Chromium: the map's mark at Homs, the timeline of Homs's reported tolls, the filters and the URL, keyboard use and
// the dark theme; keeps a screenshot of each view.
//
// Usage: node dashboard-test.mjs <page URL>
// Environment: CHROMIUM (default /usr/bin/chromium), SCREENSHOT_DIR (where the PNGs go; none without it),
// STEP_TIMEOUT_MS (default 20000).
// Prints one line `RESULT {json}` with what the page showed; exits non-zero (reason on stderr) when a wait times out.
import { chromium } from 'playwright-core';
import path from 'node:path';

const [pageUrl] = process.argv.slice(2);
if (!pageUrl) {
  console.error('usage: node dashboard-test.mjs <page URL>');
  process.exit(2);
}
const stepTimeout = Number(process.env.STEP_TIMEOUT_MS || 20000);
const screenshots = process.env.SCREENSHOT_DIR || '';

async function shoot(target, name) {
  if (screenshots) {
    await target.screenshot({ path: path.join(screenshots, name) });
  }
}

/** Ids of the cards listed now, in order. */
const cardIds = (page) => page.locator('li.alert').evaluateAll((cards) => cards.map((card) => card.dataset.alertId));

/** The ids /alerts returns for the page's own query string: the API's view of the same filters. */
const apiIds = (page) => page.evaluate(async () => {
  const query = location.search ? location.search + '&limit=1000' : '?limit=1000';
  const response = await fetch('/alerts' + query);
  return (await response.json()).map((alert) => alert.id);
});

/** Waits until the list shows exactly the alerts /alerts gives for the page's URL (the filter has been applied). */
async function listMatchesApi(page) {
  const deadline = Date.now() + stepTimeout;
  for (;;) {
    const [cards, api] = [await cardIds(page), await apiIds(page)];
    if (cards.length === api.length && cards.every((id) => api.includes(id))) {
      return cards;
    }
    if (Date.now() > deadline) {
      throw new Error('list ' + JSON.stringify(cards) + ' never matched /alerts' + new URL(page.url()).search + ' '
        + JSON.stringify(api));
    }
    await page.waitForTimeout(100);
  }
}

const optionTexts = (page, select) => page.locator(select + ' option').allInnerTexts();

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  timeout: 30000,
});
const result = { pageErrors: [], consoleErrors: [], foreignRequests: [] };
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, colorScheme: 'light' });
  const page = await context.newPage();
  page.setDefaultTimeout(stepTimeout);
  page.on('pageerror', (error) => result.pageErrors.push(String(error)));
  page.on('console', (message) => { if (message.type() === 'error') result.consoleErrors.push(message.text()); });
  const origin = new URL(pageUrl).origin;
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== origin) {
      result.foreignRequests.push(request.url());
    }
  });

  // ---- the whole dashboard, then the map: a mark at Homs, inside Syria's outline --------------------------------
  await page.goto(pageUrl);
  await page.locator('#connection[data-state="live"]').waitFor();
  await page.locator('body[data-map-loaded="true"]').waitFor();
  const homsMark = page.locator('g.mark[data-place="Homs"]');
  await homsMark.waitFor();
  await page.waitForFunction(() => document.querySelectorAll('li.alert').length >= 11);
  result.cardCount = await page.locator('li.alert').count();
  result.matchCount = await page.locator('#match-count').innerText();
  result.homsMark = await homsMark.evaluate((mark) => {
    const x = Number(mark.dataset.x);
    const y = Number(mark.dataset.y);
    const point = new DOMPoint(x, y);
    const countryAt = [...document.querySelectorAll('#map path.country')]
      .filter((country) => country.isPointInFill(point)).map((country) => country.dataset.code);
    return { title: mark.querySelector('title').textContent, countryAt, classes: mark.getAttribute('class'),
      circles: mark.querySelectorAll('circle').length };
  });
  result.syriaShade = await page.locator('#map path.country[data-code="SY"]').getAttribute('class');
  result.links = await page.locator('#map g.link').evaluateAll((links) => links.map((link) => link.dataset.from + '>'
    + link.dataset.to));
  await shoot(page, 'dashboard.png');
  await page.locator('#map-fit').click();
  await page.waitForFunction(() => Number(document.getElementById('map').dataset.zoom) > 1.2);
  result.zoomAfterFit = Number(await page.locator('#map').getAttribute('data-zoom'));
  result.homsMarkVisibleAfterFit = await homsMark.isVisible();
  await shoot(page.locator('.map-panel'), 'dashboard-map.png');

  // ---- clicking the mark filters by Homs and shows its reported tolls day by day ---------------------------------
  await homsMark.click();
  await page.waitForURL(/place=Homs/);
  result.urlAfterMark = page.url();
  await page.locator('#place-table tr[data-day="2012-02-06"]').waitFor();
  result.cardsAtHoms = await cardIds(page);
  result.apiAtHoms = await apiIds(page);
  result.placeTitle = await page.locator('#place-title').innerText();
  result.figureRows = await page.locator('#place-table tbody tr').evaluateAll((rows) => rows.map((row) => ({
    day: row.dataset.day, spike: row.classList.contains('spike'), toll: row.querySelector('.toll').innerText,
    baseline: row.querySelector('.baseline').innerText, reports: row.querySelector('.reports').innerText,
  })));
  result.chartDays = await page.locator('#place-chart g.figure-day').evaluateAll((days) => days.map((day) => ({
    day: day.dataset.day, spike: day.classList.contains('spike'), reports: day.querySelectorAll('circle.report').length,
  })));
  result.baselineSegments = await page.locator('#place-chart .baseline line').count();
  result.perDayBars = await page.locator('#days-chart g.day').evaluateAll((days) => days.map((day) => ({
    day: day.dataset.day, diplomatic: Number(day.dataset.diplomatic), casualty: Number(day.dataset.casualty),
  })));
  await shoot(page.locator('.timeline-panel'), 'dashboard-timeline.png');

  // ---- filters change the list and the URL, and agree with /alerts -----------------------------------------------
  await page.goto(pageUrl);
  await page.locator('#connection[data-state="live"]').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('li.alert').length >= 11);
  await page.selectOption('#f-type', 'DIPLOMATIC_ACTION');
  await page.waitForURL(/type=DIPLOMATIC_ACTION/);
  await listMatchesApi(page);
  result.typeOptions = await optionTexts(page, '#f-type');
  result.cardsDiplomatic = await cardIds(page);
  result.apiDiplomatic = await apiIds(page);
  await page.selectOption('#f-country', 'SA');
  await page.waitForURL(/country=SA/);
  await listMatchesApi(page);
  result.urlCountry = page.url();
  result.cardsSaudi = await cardIds(page);
  result.apiSaudi = await apiIds(page);
  result.countryOptions = await optionTexts(page, '#f-country');
  await page.selectOption('#f-country', '');
  await page.locator('#match-count').click(); // away from the select, which keeps '/' for itself
  await page.keyboard.press('/');
  result.searchFocusedBySlash = await page.evaluate(() => document.activeElement && document.activeElement.id);
  await page.keyboard.type('ambassador');
  await page.waitForURL(/q=ambassador/);
  await listMatchesApi(page);
  result.urlSearch = page.url();
  result.cardsSearch = await cardIds(page);
  result.apiSearch = await apiIds(page);
  result.headlinesSearch = await page.locator('li.alert .alert-headline').allInnerTexts();
  await page.fill('#f-from', '2012-02-07');
  await page.locator('#f-from').dispatchEvent('change');
  await page.waitForURL(/from=2012-02-07/);
  await listMatchesApi(page);
  result.cardsSearchFrom7th = await cardIds(page);
  result.apiSearchFrom7th = await apiIds(page);
  await page.locator('#match-count').click(); // the date field's focus ring out of the picture
  await shoot(page, 'dashboard-filters.png');
  await page.goBack();
  await page.waitForFunction(() => !location.search.includes('from='));
  await listMatchesApi(page);
  result.urlAfterBack = page.url();
  result.cardsAfterBack = await cardIds(page);

  // ---- a shared URL opens the same view; the keyboard reaches the map's marks ------------------------------------
  await page.goto(new URL('/?severity=HIGH&country=SY', pageUrl).href);
  await page.locator('#connection[data-state="live"]').waitFor();
  await listMatchesApi(page);
  result.sharedFields = { severity: await page.inputValue('#f-severity'), country: await page.inputValue('#f-country') };
  result.cardsShared = await cardIds(page);
  result.apiShared = await apiIds(page);
  await page.locator('g.mark[data-place="Homs"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/place=Homs/);
  result.urlAfterKeyboard = page.url();

  // ---- dark theme ---------------------------------------------------------------------------------------------
  await page.goto(pageUrl);
  await page.locator('#connection[data-state="live"]').waitFor();
  await page.locator('g.mark[data-place="Homs"]').waitFor();
  await page.locator('#theme').click(); // auto -> light
  await page.locator('#theme').click(); // light -> dark
  result.theme = await page.evaluate(() => document.documentElement.dataset.theme);
  result.darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.reload();
  await page.locator('#connection[data-state="live"]').waitFor();
  result.themeAfterReload = await page.evaluate(() => document.documentElement.dataset.theme);
  await page.locator('g.mark[data-place="Homs"]').click();
  await page.locator('#place-table tr[data-day="2012-02-03"]').waitFor();
  await page.locator('#map-fit').click();
  await shoot(page, 'dashboard-dark.png');

  console.log('RESULT ' + JSON.stringify(result));
} catch (error) {
  console.error('Browser step failed: ' + (error && error.stack ? error.stack : error));
  console.error('Observed so far: ' + JSON.stringify(result));
  process.exitCode = 1;
} finally {
  await browser.close();
}
