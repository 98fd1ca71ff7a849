// Live alert list for the Wirewatch alert service.
// Listens to /alerts/stream (Server-Sent Events, replaying current alerts first) and keeps one card per alert id,
// newest lastUpdated first. All text from alerts comes from news articles and is untrusted: it is only ever inserted
// with textContent / createTextNode, and links are made only from http: or https: URLs. The page's Content Security
// Policy forbids inline scripts as a second line of defence.
'use strict';

(function () {
  const RECONNECT_AFTER_CLOSE_MS = 5000;
  const TYPE_LABELS = { DIPLOMATIC_ACTION: 'Diplomatic action', CASUALTY_SPIKE: 'Casualty spike' };

  const list = document.getElementById('alerts');
  const emptyNote = document.getElementById('empty');
  const connection = document.getElementById('connection');
  /** alert id -> { alert, element } */
  const shown = new Map();

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  function safeHttpUrl(value) {
    if (typeof value !== 'string') {
      return null;
    }
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function timeOf(alert) {
    const millis = Date.parse(alert.lastUpdated);
    return Number.isNaN(millis) ? 0 : millis;
  }

  // The replay and the live feed may both deliver a version; only a newer one replaces what is shown.
  function isNewer(candidate, held) {
    const candidateRevision = candidate.revision || 0;
    const heldRevision = held.revision || 0;
    if (candidateRevision !== heldRevision) {
      return candidateRevision > heldRevision;
    }
    return timeOf(candidate) >= timeOf(held);
  }

  function fact(container, label, value) {
    if (value === undefined || value === null || value === '') {
      return;
    }
    container.appendChild(element('dt', null, label));
    container.appendChild(element('dd', null, value));
  }

  function countText(alert) {
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

  function renderEvidence(alert, wasOpen) {
    const evidence = Array.isArray(alert.evidence) ? alert.evidence : [];
    const details = element('details', 'evidence');
    details.open = wasOpen;
    details.appendChild(element('summary', null, 'Evidence (' + evidence.length + ')'));
    const items = element('ul', 'evidence-list');
    evidence.forEach(function (entry) {
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

  function renderCard(alert, wasOpen) {
    const card = element('li', 'alert');
    card.dataset.alertId = alert.id;
    card.dataset.revision = String(alert.revision || 0);

    const badges = element('div', 'badges');
    const statusText = alert.status === 'UPDATE' ? 'UPDATE #' + (alert.revision || 0) : 'NEW';
    const status = element('span', 'badge alert-status status-' + (alert.status === 'UPDATE' ? 'update' : 'new'), statusText);
    badges.appendChild(status);
    const severity = String(alert.severity || 'LOW');
    badges.appendChild(element('span', 'badge alert-severity severity-' + severity.toLowerCase().replace(/[^a-z]/g, ''), severity));
    badges.appendChild(element('span', 'alert-type', TYPE_LABELS[alert.type] || alert.type));
    if (alert.background) {
      badges.appendChild(element('span', 'badge alert-background', 'background mention'));
    }
    card.appendChild(badges);

    card.appendChild(element('h2', 'alert-headline', alert.headline));

    const facts = element('dl', 'facts');
    if (alert.type === 'CASUALTY_SPIKE') {
      fact(facts, 'Place', alert.place);
      fact(facts, 'Count', countText(alert));
    } else {
      const parties = [alert.actor, alert.target].filter(Boolean).join(' → ');
      fact(facts, 'Parties', parties);
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

    card.appendChild(renderEvidence(alert, wasOpen));
    return card;
  }

  // Keeps the list ordered newest lastUpdated first.
  function insertInOrder(card, alert) {
    const time = timeOf(alert);
    let before = null;
    for (const child of list.children) {
      const other = shown.get(child.dataset.alertId);
      if (other && timeOf(other.alert) < time) {
        before = child;
        break;
      }
    }
    list.insertBefore(card, before);
  }

  function show(alert) {
    if (!alert || typeof alert.id !== 'string') {
      return;
    }
    const held = shown.get(alert.id);
    if (held && !isNewer(alert, held.alert)) {
      return;
    }
    let wasOpen = false;
    if (held) {
      const details = held.element.querySelector('details.evidence');
      wasOpen = details !== null && details.open;
      held.element.remove();
    }
    const card = renderCard(alert, wasOpen);
    if (held) {
      card.classList.add('just-updated');
    }
    shown.set(alert.id, { alert: alert, element: card });
    insertInOrder(card, alert);
    emptyNote.hidden = shown.size > 0;
  }

  function setConnection(state, text) {
    connection.dataset.state = state;
    connection.textContent = text;
  }

  function connect() {
    const source = new EventSource('/alerts/stream');
    source.addEventListener('open', function () {
      setConnection('live', 'Live');
    });
    source.addEventListener('alert', function (event) {
      let alert;
      try {
        alert = JSON.parse(event.data);
      } catch (e) {
        return; // a malformed event is skipped; the next one may be fine
      }
      show(alert);
    });
    source.addEventListener('error', function () {
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

  connect();
}());
