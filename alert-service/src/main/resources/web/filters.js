// The dashboard's filters: what the URL's query string holds, which alerts they keep, and the counts beside each
// filter value. The parameters and their meaning are those of GET /alerts (AlertFilter on the server), so the page's
// URL is also an API query for the same alerts: ?type=CASUALTY_SPIKE&severity=HIGH&country=SY&q=homs&from=...&to=...

/** The filters the page keeps in its URL, in the order it writes them. */
export const PARAMETERS = ['q', 'type', 'severity', 'country', 'place', 'from', 'to'];
export const TYPES = ['DIPLOMATIC_ACTION', 'CASUALTY_SPIKE'];
export const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
const MAX_TEXT_LENGTH = 200;
const CODE = /^[A-Za-z][A-Za-z0-9_]{1,19}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function emptyFilters() {
  return { q: '', type: '', severity: '', country: '', place: '', from: '', to: '' };
}

/** Filters from a query string; a value the API would refuse is dropped rather than kept half-understood. */
export function parseFilters(search) {
  const params = new URLSearchParams(search);
  const filters = emptyFilters();
  const q = (params.get('q') || '').trim();
  if (q && q.length <= MAX_TEXT_LENGTH) {
    filters.q = q;
  }
  const type = (params.get('type') || '').toUpperCase();
  if (TYPES.includes(type)) {
    filters.type = type;
  }
  const severity = (params.get('severity') || '').toUpperCase();
  if (SEVERITIES.includes(severity)) {
    filters.severity = severity;
  }
  const country = (params.get('country') || '').trim();
  if (CODE.test(country)) {
    filters.country = country.toUpperCase();
  }
  filters.place = (params.get('place') || '').trim();
  for (const bound of ['from', 'to']) {
    const day = (params.get(bound) || '').trim();
    if (DAY.test(day)) {
      filters[bound] = day;
    }
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    filters.to = filters.from;
  }
  return filters;
}

/** The query string of the filters set ('' when none), parameters in a fixed order so equal views share a URL. */
export function toSearch(filters) {
  const params = new URLSearchParams();
  for (const name of PARAMETERS) {
    if (filters[name]) {
      params.set(name, filters[name]);
    }
  }
  const query = params.toString();
  return query ? '?' + query : '';
}

/** Folded for search as the server folds: accents and other combining marks removed, lower case. */
export function fold(text) {
  return String(text).normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

const searchTexts = new WeakMap();

/** What the free-text search looks in: headline, parties, place and region, outlets, evidence. Folded, cached. */
export function searchText(alert) {
  let text = searchTexts.get(alert);
  if (text === undefined) {
    const parts = [alert.headline, alert.actor, alert.target, alert.place, alert.placeRegion];
    (alert.actorMembers || []).forEach((member) => parts.push(member));
    (alert.outlets || []).forEach((outlet) => parts.push(outlet));
    (alert.evidence || []).forEach((entry) => parts.push(entry.sentence, entry.attributedTo, entry.outlet));
    text = fold(parts.filter((part) => part !== null && part !== undefined).join('\n'));
    searchTexts.set(alert, text);
  }
  return text;
}

/** Every code an alert concerns: actor, members, target, the place's country, and its countries. */
export function codesOf(alert) {
  const codes = new Set();
  for (const code of [alert.actorCode, alert.targetCode, alert.placeCountryCode, ...(alert.actorMemberCodes || []),
    ...(alert.countries || [])]) {
    if (code) {
      codes.add(String(code).toUpperCase());
    }
  }
  return codes;
}

/** The event day (ISO), or the UTC day of lastUpdated for an alert without one, as the server judges it. */
export function eventDay(alert) {
  if (alert.eventDate) {
    return alert.eventDate;
  }
  return typeof alert.lastUpdated === 'string' ? alert.lastUpdated.slice(0, 10) : '';
}

export function severityRank(severity) {
  return SEVERITIES.indexOf(severity);
}

function wordsOf(q) {
  return q ? fold(q).split(/\s+/).filter(Boolean) : [];
}

/**
 * Whether the alert passes every filter, except those named in `ignored` (the facet being counted, or the date range
 * for the per-day chart, which shows the days around the selection).
 */
export function matches(alert, filters, ignored = []) {
  const skip = (name) => ignored.includes(name);
  if (!skip('type') && filters.type && alert.type !== filters.type) {
    return false;
  }
  if (!skip('severity') && filters.severity && severityRank(alert.severity) < severityRank(filters.severity)) {
    return false;
  }
  if (!skip('country') && filters.country && !codesOf(alert).has(filters.country)) {
    return false;
  }
  if (!skip('place') && filters.place
    && (typeof alert.place !== 'string' || alert.place.trim().toLowerCase() !== filters.place.toLowerCase())) {
    return false;
  }
  if (!skip('dates')) {
    const day = eventDay(alert);
    if ((filters.from && day < filters.from) || (filters.to && day > filters.to)) {
      return false;
    }
  }
  if (!skip('q') && filters.q) {
    const text = searchText(alert);
    if (!wordsOf(filters.q).every((word) => text.includes(word))) {
      return false;
    }
  }
  return true;
}

/**
 * How many alerts each filter value would show, given the other filters: for type, country and place the alerts with
 * that value; for severity the alerts at or above each level.
 */
export function facetCounts(alerts, filters) {
  const counts = { type: new Map(), severity: new Map(), country: new Map(), place: new Map() };
  for (const alert of alerts) {
    if (matches(alert, filters, ['type'])) {
      counts.type.set(alert.type, (counts.type.get(alert.type) || 0) + 1);
    }
    if (matches(alert, filters, ['severity'])) {
      const rank = severityRank(alert.severity);
      SEVERITIES.forEach((level, index) => {
        if (rank >= index) {
          counts.severity.set(level, (counts.severity.get(level) || 0) + 1);
        }
      });
    }
    if (matches(alert, filters, ['country'])) {
      codesOf(alert).forEach((code) => counts.country.set(code, (counts.country.get(code) || 0) + 1));
    }
    if (alert.place && matches(alert, filters, ['place'])) {
      counts.place.set(alert.place, (counts.place.get(alert.place) || 0) + 1);
    }
  }
  return counts;
}
