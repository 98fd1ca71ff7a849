// The alert list: one card per alert (latest version), newest lastUpdated first, a page at a time, so that thousands
// of alerts stay readable and cheap to render. Cards of unchanged alerts are reused between renders, so an open
// evidence list stays open while updates arrive.
import { element, safeHttpUrl } from './dom.js';

export const PAGE_SIZE = 50;
const TYPE_LABELS = { DIPLOMATIC_ACTION: 'Diplomatic action', CASUALTY_SPIKE: 'Casualty spike' };

function fact(container, label, value) {
  if (value === undefined || value === null || value === '') {
    return;
  }
  container.appendChild(element('dt', null, label));
  const definition = element('dd');
  if (value instanceof Node) {
    definition.appendChild(value);
  } else {
    definition.textContent = String(value);
  }
  container.appendChild(definition);
}

export function countText(alert) {
  if (alert.count === null || alert.count === undefined) {
    return null;
  }
  const low = alert.countLow;
  const high = alert.countHigh;
  if (low !== null && low !== undefined && high !== null && high !== undefined && (low !== alert.count || high !== alert.count)) {
    return alert.count + ' (reports range ' + low + '–' + high + ')';
  }
  return String(alert.count);
}

function renderEvidence(alert, wasOpen, onToggle) {
  const evidence = Array.isArray(alert.evidence) ? alert.evidence : [];
  const details = element('details', 'evidence');
  details.open = wasOpen;
  details.addEventListener('toggle', () => onToggle(alert.id, details.open));
  details.appendChild(element('summary', null, 'Evidence (' + evidence.length + ')'));
  const items = element('ul', 'evidence-list');
  evidence.forEach((entry) => {
    const item = element('li', 'evidence-item');
    const source = element('p', 'evidence-source');
    const url = safeHttpUrl(entry.url);
    const outletName = entry.outlet || entry.articleId || 'unknown outlet';
    let outlet;
    if (url) {
      outlet = element('a', 'evidence-outlet', outletName);
      outlet.href = url;
      outlet.rel = 'noopener noreferrer';
      outlet.target = '_blank';
    } else {
      outlet = element('span', 'evidence-outlet', outletName);
    }
    source.appendChild(outlet);
    if (entry.attributedTo) {
      source.appendChild(document.createTextNode(' · according to '));
      source.appendChild(element('span', 'evidence-attribution', entry.attributedTo));
    }
    if (entry.count !== null && entry.count !== undefined) {
      source.appendChild(document.createTextNode(' · figure '));
      source.appendChild(element('span', 'evidence-count', entry.count));
    }
    item.appendChild(source);
    item.appendChild(element('blockquote', 'evidence-sentence', entry.sentence));
    items.appendChild(item);
  });
  details.appendChild(items);
  return details;
}

/**
 * @param options.list       the <ol> of cards
 * @param options.emptyNote  shown when there is nothing to list
 * @param options.pageInfo, options.newer, options.older  the pager
 * @param options.onPlace    called with a place name when a card's place is chosen
 */
export function createAlertList(options) {
  const { list, emptyNote, pageInfo, newer, older, onPlace } = options;
  /** id -> { alert, element }: the card drawn for the alert object it was drawn from. */
  const cards = new Map();
  const openEvidence = new Set();
  let page = 0;
  let lastAlerts = [];
  let lastTotal = 0;

  function renderCard(alert) {
    const card = element('li', 'alert');
    card.dataset.alertId = alert.id;
    card.dataset.revision = String(alert.revision || 0);
    card.dataset.type = alert.type;

    const badges = element('div', 'badges');
    const statusText = alert.status === 'UPDATE' ? 'UPDATE #' + (alert.revision || 0) : 'NEW';
    badges.appendChild(element('span', 'badge alert-status status-' + (alert.status === 'UPDATE' ? 'update' : 'new'), statusText));
    const severity = String(alert.severity || 'LOW');
    badges.appendChild(element('span', 'badge alert-severity severity-' + severity.toLowerCase().replace(/[^a-z]/g, ''), severity));
    badges.appendChild(element('span', 'alert-type', TYPE_LABELS[alert.type] || alert.type));
    if (alert.background) {
      badges.appendChild(element('span', 'badge alert-background', 'background mention'));
    }
    card.appendChild(badges);
    card.appendChild(element('h3', 'alert-headline', alert.headline));

    const facts = element('dl', 'facts');
    if (alert.type === 'CASUALTY_SPIKE') {
      if (alert.place) {
        const place = element('button', 'place-link', alert.place);
        place.type = 'button';
        place.title = 'Show this place on the timeline and filter by it';
        place.addEventListener('click', () => onPlace(alert.place));
        const where = element('span');
        where.appendChild(place);
        const region = [alert.placeRegion, alert.placeCountryCode].filter(Boolean).join(', ');
        if (region) {
          where.appendChild(document.createTextNode(' (' + region + ')'));
        }
        fact(facts, 'Place', where);
      }
      fact(facts, 'Count', countText(alert));
      if (alert.baseline !== null && alert.baseline !== undefined) {
        fact(facts, 'Baseline', Number(alert.baseline).toFixed(1) + ' a day');
      }
    } else {
      fact(facts, 'Parties', [alert.actor, alert.target].filter(Boolean).join(' → '));
      if (Array.isArray(alert.actorMembers) && alert.actorMembers.length > 0) {
        fact(facts, 'Members', alert.actorMembers.join(', '));
      }
      fact(facts, 'Action', [alert.action, alert.cameoCode ? 'CAMEO ' + alert.cameoCode : null].filter(Boolean).join(' · '));
    }
    fact(facts, 'Event date', alert.eventDate);
    const outlets = Array.isArray(alert.outlets) && alert.outlets.length > 0 ? ' (' + alert.outlets.join(', ') + ')' : '';
    fact(facts, 'Sources', String(alert.sources) + outlets);
    const updated = Date.parse(alert.lastUpdated);
    fact(facts, 'Updated', Number.isNaN(updated) ? alert.lastUpdated : new Date(updated).toLocaleString());
    card.appendChild(facts);
    card.appendChild(renderEvidence(alert, openEvidence.has(alert.id), (id, open) => {
      if (open) {
        openEvidence.add(id);
      } else {
        openEvidence.delete(id);
      }
    }));
    return card;
  }

  /** The card for this alert version: the one drawn before when the version is the same, else a new one. */
  function cardFor(alert) {
    const held = cards.get(alert.id);
    if (held && held.alert === alert) {
      return held.element;
    }
    const card = renderCard(alert);
    if (held) {
      card.classList.add('just-updated');
    }
    cards.set(alert.id, { alert, element: card });
    return card;
  }

  /**
   * Shows one page of `alerts` (already filtered and sorted newest first).
   * @param total how many alerts are held before filtering, to tell "none yet" from "none match"
   */
  function render(alerts, total) {
    lastAlerts = alerts;
    lastTotal = total;
    const pages = Math.max(1, Math.ceil(alerts.length / PAGE_SIZE));
    page = Math.min(page, pages - 1);
    const start = page * PAGE_SIZE;
    const shown = alerts.slice(start, start + PAGE_SIZE);
    list.replaceChildren(...shown.map(cardFor));
    emptyNote.hidden = alerts.length > 0;
    emptyNote.textContent = total === 0
      ? 'No alerts yet. New diplomatic actions and casualty spikes appear here as they are reported.'
      : 'No alert matches these filters.';
    pageInfo.textContent = alerts.length === 0 ? '' : (start + 1) + '–' + (start + shown.length) + ' of ' + alerts.length;
    newer.disabled = page === 0;
    older.disabled = page >= pages - 1;
  }

  newer.addEventListener('click', () => {
    page = Math.max(0, page - 1);
    render(lastAlerts, lastTotal);
  });
  older.addEventListener('click', () => {
    page += 1;
    render(lastAlerts, lastTotal);
  });

  return {
    render,
    /** Back to the newest page (when the filters change). */
    firstPage() {
      page = 0;
    },
  };
}
