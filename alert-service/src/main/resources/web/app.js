// The Wirewatch operator's dashboard: filters, a world map, a timeline and the live alert list.
// Alerts arrive over /alerts/stream (Server-Sent Events, every current alert replayed first); the page keeps the
// newest version of each alert id and redraws (at most once a frame) what the filters keep. The filters live in the
// URL's query string, in the same parameters GET /alerts takes, so a view can be shared and fetched as JSON.
// All text from alerts comes from news articles and is untrusted: it only reaches the page through textContent and
// attribute values (see dom.js), and the Content Security Policy forbids inline scripts as a second line of defence.
import { createAlertList } from './alert-list.js';
import { element } from './dom.js';
import { emptyFilters, facetCounts, matches, parseFilters, SEVERITIES, toSearch } from './filters.js';
import { createMap } from './map.js';
import { createTimeline } from './timeline.js';

const RECONNECT_AFTER_CLOSE_MS = 5000;
const THEMES = ['auto', 'light', 'dark'];
const TYPE_LABELS = { DIPLOMATIC_ACTION: 'Diplomatic action', CASUALTY_SPIKE: 'Casualty spike' };

const byId = (id) => document.getElementById(id);
const form = byId('filters');
const connection = byId('connection');

/** alert id -> the newest version seen */
const alerts = new Map();
let filters = parseFilters(location.search);
let names = {};
/** The /casualties answer for the chosen place, and which place a fetch is running for. */
let figures = null;
let figuresFor = '';
let figuresStale = false;
let frame = 0;

const list = createAlertList({
  list: byId('alerts'), emptyNote: byId('empty'), pageInfo: byId('page-info'), newer: byId('page-newer'),
  older: byId('page-older'), onPlace: (place) => setFilters({ place }, true),
});
const map = createMap(byId('map'), byId('map-legend'), {
  onPlace: (place) => setFilters({ place: filters.place === place ? '' : place }, true),
  onCountry: (country) => setFilters({ country: filters.country === country ? '' : country }, true),
});
const timeline = createTimeline({
  daysChart: byId('days-chart'), placeTitle: byId('place-title'), placeHint: byId('place-hint'),
  placeChart: byId('place-chart'), placeTable: byId('place-table'),
}, {
  onDay: (day) => setFilters(filters.from === day && filters.to === day ? { from: '', to: '' } : { from: day, to: day }, true),
});

// ---- theme ------------------------------------------------------------------------------------------------------
function applyTheme(theme) {
  document.documentElement.dataset.theme = theme;
  const button = byId('theme');
  button.textContent = 'Theme: ' + theme;
  button.setAttribute('aria-label', 'Colour theme: ' + (theme === 'auto' ? 'follow the system' : theme)
    + '. Press to change');
}

function storedTheme() {
  try {
    const theme = localStorage.getItem('wirewatch-theme');
    return THEMES.includes(theme) ? theme : 'auto';
  } catch (e) {
    return 'auto';
  }
}

byId('theme').addEventListener('click', () => {
  const next = THEMES[(THEMES.indexOf(document.documentElement.dataset.theme) + 1) % THEMES.length];
  applyTheme(next);
  try {
    localStorage.setItem('wirewatch-theme', next);
  } catch (e) {
    // storage refused (private mode): the choice lasts this page only
  }
});
applyTheme(storedTheme());

// ---- filters and the URL ----------------------------------------------------------------------------------------
function setFilters(patch, push) {
  filters = { ...filters, ...patch };
  if (filters.from && filters.to && filters.from > filters.to) {
    filters.to = filters.from;
  }
  const url = location.pathname + toSearch(filters);
  if (url !== location.pathname + location.search) {
    history[push ? 'pushState' : 'replaceState'](null, '', url);
  }
  list.firstPage();
  syncForm();
  schedule();
}

function syncForm() {
  for (const name of Object.keys(emptyFilters())) {
    const field = form.elements.namedItem(name);
    if (field && field !== document.activeElement) {
      field.value = filters[name];
    }
  }
}

form.addEventListener('input', (event) => {
  const field = event.target;
  if (field.name === 'q') {
    setFilters({ q: field.value.trim() }, false);
  }
});
form.addEventListener('change', (event) => {
  const field = event.target;
  if (field.name && field.name !== 'q') {
    setFilters({ [field.name]: field.value }, true);
  }
});
form.addEventListener('submit', (event) => event.preventDefault());
form.addEventListener('reset', (event) => {
  event.preventDefault();
  setFilters(emptyFilters(), true);
});
window.addEventListener('popstate', () => {
  filters = parseFilters(location.search);
  list.firstPage();
  syncForm();
  schedule();
});
document.addEventListener('keydown', (event) => {
  const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement
    || event.target instanceof HTMLTextAreaElement;
  if (event.key === '/' && !typing) {
    event.preventDefault();
    form.elements.namedItem('q').focus();
  }
});

/** Keeps a select's options to its fixed values or to `values`, each labelled with its count, the chosen one kept. */
function fillSelect(select, anyLabel, values, label, counts) {
  const chosen = filters[select.name];
  // Rebuilt only when something changed: replacing the options of an open select would close it under the user.
  const signature = JSON.stringify([chosen, values.map((value) => [value, label(value), counts.get(value) || 0])]);
  if (select.dataset.signature === signature) {
    return;
  }
  select.dataset.signature = signature;
  const options = [element('option', null, anyLabel)];
  options[0].value = '';
  const all = chosen && !values.includes(chosen) ? [chosen, ...values] : values;
  for (const value of all) {
    const option = element('option', null, label(value) + ' (' + (counts.get(value) || 0) + ')');
    option.value = value;
    options.push(option);
  }
  select.replaceChildren(...options);
  select.value = chosen;
}

function nameOf(code) {
  return (names[code] && names[code].name) || code;
}

// ---- drawing ----------------------------------------------------------------------------------------------------
function schedule() {
  if (!frame) {
    frame = requestAnimationFrame(render);
  }
}

function newestFirst(a, b) {
  const difference = Date.parse(b.lastUpdated) - Date.parse(a.lastUpdated);
  return difference !== 0 ? difference : (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function render() {
  frame = 0;
  const all = [...alerts.values()];
  const shown = all.filter((alert) => matches(alert, filters)).sort(newestFirst);
  const counts = facetCounts(all, filters);

  fillSelect(form.elements.namedItem('type'), 'Any type', Object.keys(TYPE_LABELS), (type) => TYPE_LABELS[type],
    counts.type);
  fillSelect(form.elements.namedItem('severity'), 'Any severity', SEVERITIES,
    (level) => level.charAt(0) + level.slice(1).toLowerCase() + (level === 'CRITICAL' ? '' : ' and above'),
    counts.severity);
  const countries = [...counts.country.keys()].sort((a, b) => counts.country.get(b) - counts.country.get(a)
    || nameOf(a).localeCompare(nameOf(b)));
  fillSelect(form.elements.namedItem('country'), 'Any country', countries, (code) => nameOf(code) + ' · ' + code,
    counts.country);
  const places = [...counts.place.keys()].sort((a, b) => counts.place.get(b) - counts.place.get(a) || a.localeCompare(b));
  fillSelect(form.elements.namedItem('place'), 'Any place', places, (place) => place, counts.place);
  syncForm();

  byId('match-count').textContent = shown.length + ' of ' + all.length + ' alert' + (all.length === 1 ? '' : 's');
  byId('view-json').href = '/alerts' + (toSearch(filters) ? toSearch(filters) + '&' : '?') + 'limit=1000';

  list.render(shown, all.length);
  map.render(shown, filters);
  timeline.renderDays(all.filter((alert) => matches(alert, filters, ['dates'])), filters);
  renderPlaceFigures();
}

function renderPlaceFigures() {
  const place = filters.place;
  if (place && (figuresFor !== place || figuresStale)) {
    fetchFigures(place);
  }
  timeline.renderPlace(place, figures);
}

async function fetchFigures(place) {
  figuresFor = place;
  figuresStale = false;
  try {
    const response = await fetch('/casualties?place=' + encodeURIComponent(place), { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error('HTTP ' + response.status);
    }
    const answer = await response.json();
    if (figuresFor === place) {
      figures = answer;
      schedule();
    }
  } catch (e) {
    // Store rebalancing (503) or the server gone: try again with the next alert or filter change.
    if (figuresFor === place) {
      figuresStale = true;
    }
  }
}

// ---- live alerts ------------------------------------------------------------------------------------------------
function timeOf(alert) {
  const millis = Date.parse(alert.lastUpdated);
  return Number.isNaN(millis) ? 0 : millis;
}

// The replay and the live feed may both deliver a version; only a newer one replaces what is held.
function isNewer(candidate, held) {
  const candidateRevision = candidate.revision || 0;
  const heldRevision = held.revision || 0;
  if (candidateRevision !== heldRevision) {
    return candidateRevision > heldRevision;
  }
  return timeOf(candidate) >= timeOf(held);
}

function receive(alert) {
  if (!alert || typeof alert.id !== 'string') {
    return;
  }
  const held = alerts.get(alert.id);
  if (held && !isNewer(alert, held)) {
    return;
  }
  alerts.set(alert.id, alert);
  if (alert.type === 'CASUALTY_SPIKE' && filters.place && typeof alert.place === 'string'
    && alert.place.toLowerCase() === filters.place.toLowerCase()) {
    figuresStale = true; // a new report for the chosen place: its figures have changed
  }
  schedule();
}

function setConnection(state, text) {
  connection.dataset.state = state;
  connection.textContent = text;
}

function connect() {
  const source = new EventSource('/alerts/stream');
  source.addEventListener('open', () => setConnection('live', 'Live'));
  source.addEventListener('alert', (event) => {
    let alert;
    try {
      alert = JSON.parse(event.data);
    } catch (e) {
      return; // a malformed event is skipped; the next one may be fine
    }
    receive(alert);
  });
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED) {
      // The server refused the stream (too many clients, alerts unavailable): EventSource gives up, so retry by hand.
      setConnection('offline', 'Disconnected — retrying…');
      source.close();
      setTimeout(connect, RECONNECT_AFTER_CLOSE_MS);
    } else {
      setConnection('reconnecting', 'Reconnecting…');
    }
  });
}

byId('map-zoom-in').addEventListener('click', () => map.zoomIn());
byId('map-zoom-out').addEventListener('click', () => map.zoomOut());
byId('map-fit').addEventListener('click', () => map.fit());
byId('map-world').addEventListener('click', () => map.world());

async function loadMap() {
  try {
    const [world, actors] = await Promise.all([fetch('/world-110m.json'), fetch('/actors.json')]);
    names = await actors.json();
    map.load(await world.json(), names);
    document.body.dataset.mapLoaded = 'true';
    schedule();
  } catch (e) {
    byId('map-legend').textContent = 'The map could not be loaded.';
  }
}

syncForm();
schedule();
connect();
loadMap();
