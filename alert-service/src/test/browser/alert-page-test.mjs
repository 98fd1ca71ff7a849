// Drives the alert-service web page in headless Chromium, for AlertPageBrowserIT.
//
// Usage: node alert-page-test.mjs <page URL> <control URL>
//   page URL     the AlertHttpServer under test, e.g. http://127.0.0.1:41234/
//   control URL  the test's publish endpoint: POST <control URL>publish with an alert JSON puts that alert version
//                into the server's feed (and queries), as the alert topology would
// Environment: CHROMIUM (default /usr/bin/chromium), SCREENSHOT (optional PNG path), STEP_TIMEOUT_MS (default 10000).
//
// The script waits for what the page should show and records what it saw; it prints one line
// `RESULT {json}` for the Java test to assert on, and exits non-zero (with the reason on stderr) if a wait times out.
import { chromium } from 'playwright-core';

const [pageUrl, controlUrl] = process.argv.slice(2);
if (!pageUrl || !controlUrl) {
  console.error('usage: node alert-page-test.mjs <page URL> <control URL>');
  process.exit(2);
}
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const stepTimeout = Number(process.env.STEP_TIMEOUT_MS || 10000);

const HOSTILE_SCRIPT = '<script>window.__pwned=1</script>';
const HOSTILE_IMG = '<img src=x onerror="window.__pwned=2">';

function evidence(articleId, url, outlet, sentence, seenAt) {
  return { articleId, url, outlet, sentence, seenAt };
}

const gulfRecall = {
  id: 'dip-gcc-recall-syr-2012-02-07', status: 'NEW', type: 'DIPLOMATIC_ACTION',
  action: 'RECALL_AMBASSADOR', cameoCode: '161', actor: 'Gulf Cooperation Council',
  actorMembers: ['Saudi Arabia', 'Kuwait', 'Bahrain', 'Qatar', 'United Arab Emirates', 'Oman'], target: 'Syria',
  eventDate: '2012-02-07', headline: 'Gulf states recall ambassadors from Syria', severity: 'HIGH',
  sources: 1, outlets: ['Reuters'],
  evidence: [evidence('a-000', 'https://example.org/reuters/gcc', 'Reuters',
    'The six Gulf Arab states said they were recalling their ambassadors from Damascus.', '2012-02-07T09:30:00Z')],
  firstSeen: '2012-02-07T09:30:00Z', lastUpdated: '2012-02-07T09:30:00Z', revision: 0,
};

const homsSpike = {
  id: 'cas-homs-2012-02-06', status: 'NEW', type: 'CASUALTY_SPIKE', place: 'Homs',
  count: 50, countLow: 40, countHigh: 60, baseline: 4.5, eventDate: '2012-02-06',
  headline: 'At least 50 killed in shelling of Homs', severity: 'CRITICAL', sources: 2, outlets: ['BBC', 'Al Jazeera'],
  evidence: [
    evidence('a-001', 'https://example.org/bbc/homs', 'BBC',
      'Activists said at least 50 people were killed as government forces shelled Homs.', '2012-02-07T09:40:00Z'),
    evidence('a-002', null, 'Al Jazeera', 'Opposition groups put the death toll in Homs at 60.', '2012-02-07T09:40:00Z'),
  ],
  firstSeen: '2012-02-07T09:40:00Z', lastUpdated: '2012-02-07T09:40:00Z', revision: 0,
};

const homsUpdate = {
  ...homsSpike, status: 'UPDATE', revision: 1, sources: 3, outlets: ['BBC', 'Al Jazeera', 'AP'], count: 55,
  evidence: [...homsSpike.evidence,
    evidence('a-004', 'https://example.org/ap/homs', 'AP', 'The AP counted 55 dead after a day of shelling in Homs.',
      '2012-02-07T10:40:00Z')],
  lastUpdated: '2012-02-07T10:40:00Z',
};

const hostile = {
  id: 'cas-hostile-2012-02-07', status: 'NEW', type: 'CASUALTY_SPIKE', place: 'Hama ' + HOSTILE_IMG,
  count: 7, countLow: 7, countHigh: 7, eventDate: '2012-02-07',
  headline: 'Markup test ' + HOSTILE_SCRIPT + ' and ' + HOSTILE_IMG, severity: 'MEDIUM', sources: 1,
  outlets: ['<b>Bold Outlet</b>'],
  evidence: [evidence('a-666', 'javascript:window.__pwned=3', '<b>Bold Outlet</b>',
    'Quoted ' + HOSTILE_SCRIPT + ' then ' + HOSTILE_IMG, '2012-02-07T11:00:00Z')],
  firstSeen: '2012-02-07T11:00:00Z', lastUpdated: '2012-02-07T11:00:00Z', revision: 0,
};

async function publish(alert) {
  const response = await fetch(new URL('publish', controlUrl), {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(alert),
  });
  if (response.status !== 204) {
    throw new Error(`publishing ${alert.id} failed: ${response.status} ${await response.text()}`);
  }
}

const cardSelector = (id) => `li.alert[data-alert-id="${id}"]`;

/** What a person sees on one card, with its evidence expanded. */
async function readCard(page, id) {
  const card = page.locator(cardSelector(id));
  const details = card.locator('details.evidence');
  if (!(await details.evaluate((element) => element.open))) {
    await card.locator('details.evidence > summary').click();
  }
  await card.locator('.evidence-sentence').first().waitFor({ state: 'visible', timeout: stepTimeout });
  return card.evaluate((element) => ({
    id: element.dataset.alertId,
    status: element.querySelector('.alert-status').innerText,
    severity: element.querySelector('.alert-severity').innerText,
    type: element.querySelector('.alert-type').innerText,
    headline: element.querySelector('.alert-headline').innerText,
    facts: element.querySelector('.facts').innerText,
    evidenceSummary: element.querySelector('details.evidence > summary').innerText,
    outlets: [...element.querySelectorAll('.evidence-outlet')].map((outlet) => ({
      text: outlet.innerText, tag: outlet.tagName.toLowerCase(), href: outlet.getAttribute('href'),
    })),
    sentences: [...element.querySelectorAll('.evidence-sentence')].map((sentence) => sentence.innerText),
    injectedElements: element.querySelectorAll('script, img, b, iframe, object').length,
  }));
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  timeout: 30000,
});
const result = { pageErrors: [], consoleErrors: [], requestedPaths: [] };
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(stepTimeout);
  page.on('pageerror', (error) => result.pageErrors.push(String(error)));
  page.on('console', (message) => { if (message.type() === 'error') result.consoleErrors.push(message.text()); });
  page.on('request', (request) => result.requestedPaths.push(new URL(request.url()).pathname));

  // The page loads, connects to the stream and shows that it is empty.
  await page.goto(pageUrl);
  await page.locator('#connection[data-state="live"]').waitFor();
  result.connectionText = await page.locator('#connection').innerText();
  result.emptyNoteVisibleAtStart = await page.locator('#empty').isVisible();
  result.cardsAtStart = await page.locator('li.alert').count();

  // Alerts published after the page loaded appear live, newest lastUpdated first.
  await publish(gulfRecall);
  await publish(homsSpike);
  await page.locator(cardSelector(homsSpike.id)).waitFor();
  await page.locator(cardSelector(gulfRecall.id)).waitFor();
  result.emptyNoteVisibleAfterAlerts = await page.locator('#empty').isVisible();
  result.orderAfterNew = await page.locator('li.alert').evaluateAll((cards) => cards.map((card) => card.dataset.alertId));
  result.gulfCard = await readCard(page, gulfRecall.id);
  result.homsCard = await readCard(page, homsSpike.id);

  // An UPDATE replaces the card of the same alert id in place.
  await publish(homsUpdate);
  await page.locator(`${cardSelector(homsSpike.id)}[data-revision="1"]`).waitFor();
  result.homsCardsAfterUpdate = await page.locator(cardSelector(homsSpike.id)).count();
  result.homsUpdated = await readCard(page, homsSpike.id);
  result.cardCountAfterUpdate = await page.locator('li.alert').count();

  // Markup inside alert text is shown literally and never runs.
  await publish(hostile);
  await page.locator(cardSelector(hostile.id)).waitFor();
  result.hostileCard = await readCard(page, hostile.id);
  // Let any image the markup might have created load or fail before looking for its effects.
  await page.waitForLoadState('networkidle');
  result.pwned = await page.evaluate(() => typeof window.__pwned === 'undefined' ? 'undefined' : String(window.__pwned));
  result.finalOrder = await page.locator('li.alert').evaluateAll((cards) => cards.map((card) => card.dataset.alertId));

  if (process.env.SCREENSHOT) {
    await page.screenshot({ path: process.env.SCREENSHOT, fullPage: true });
  }
  console.log('RESULT ' + JSON.stringify(result));
} catch (error) {
  console.error('Browser test step failed: ' + (error && error.stack ? error.stack : error));
  console.error('Observed so far: ' + JSON.stringify(result));
  process.exitCode = 1;
} finally {
  await browser.close();
}
