// The dashboard's timeline: alerts per event day by type (for the alerts the filters keep, the date range aside, so the
// days around a selection stay in view), and for a chosen place every reported death toll day by day: the toll the
// reports support, the range of figures, each report and who gives it, against the place's trailing baseline, so a
// spike shows as what it is. Drawn as SVG with a table beside it that says the same in text.
import { activatable, element, formatNumber, svg, svgTitle } from './dom.js';
import { eventDay } from './filters.js';

const DAY_MS = 86400000;
const MAX_DAYS = 366;
const WIDTH = 420;
const HEIGHT = 140;
const MARGIN = { left: 30, right: 6, top: 14, bottom: 22 };

function dayNumber(iso) {
  return Math.round(Date.parse(iso + 'T00:00:00Z') / DAY_MS);
}

function isoOf(number) {
  return new Date(number * DAY_MS).toISOString().slice(0, 10);
}

function axis(chart, first, last, x, plotBottom) {
  const ticks = last === first ? [first] : [first, Math.round((first + last) / 2), last];
  for (const tick of [...new Set(ticks)]) {
    chart.appendChild(svg('text', { class: 'axis-label', x: x(tick + 0.5), y: plotBottom + 16, 'text-anchor': 'middle' },
      isoOf(tick)));
  }
  chart.appendChild(svg('line', { class: 'axis', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: plotBottom, y2: plotBottom }));
}

function yAxis(chart, max, y, label) {
  chart.appendChild(svg('text', { class: 'axis-label', x: MARGIN.left - 4, y: y(max) + 4, 'text-anchor': 'end' },
    formatNumber(max)));
  chart.appendChild(svg('text', { class: 'axis-label', x: MARGIN.left - 4, y: y(0), 'text-anchor': 'end' }, '0'));
  chart.appendChild(svg('text', { class: 'axis-label axis-title', x: MARGIN.left, y: MARGIN.top - 5 }, label));
}

/**
 * @param parts  { daysChart, placeTitle, placeHint, placeChart, placeTable }
 * @param handlers { onDay(isoDay) }
 */
export function createTimeline(parts, handlers) {
  const { daysChart, placeTitle, placeHint, placeChart, placeTable } = parts;
  daysChart.setAttribute('viewBox', '0 0 ' + WIDTH + ' ' + HEIGHT);
  placeChart.setAttribute('viewBox', '0 0 ' + WIDTH + ' ' + HEIGHT);

  function renderDays(alerts, filters) {
    daysChart.replaceChildren();
    const counts = new Map();
    for (const alert of alerts) {
      const day = eventDay(alert);
      if (!day) {
        continue;
      }
      const entry = counts.get(day) || { DIPLOMATIC_ACTION: 0, CASUALTY_SPIKE: 0 };
      entry[alert.type] = (entry[alert.type] || 0) + 1;
      counts.set(day, entry);
    }
    if (counts.size === 0) {
      daysChart.appendChild(svg('text', { class: 'axis-label', x: WIDTH / 2, y: HEIGHT / 2, 'text-anchor': 'middle' },
        'No alerts to show'));
      return;
    }
    const numbers = [...counts.keys()].map(dayNumber);
    const last = Math.max(...numbers);
    const first = Math.max(Math.min(...numbers), last - MAX_DAYS + 1);
    const span = last - first + 1;
    const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
    const plotBottom = HEIGHT - MARGIN.bottom;
    const x = (number) => MARGIN.left + (number - first) / span * plotWidth;
    const max = Math.max(...[...counts.values()].map((entry) => entry.DIPLOMATIC_ACTION + entry.CASUALTY_SPIKE));
    const y = (value) => plotBottom - value / max * (plotBottom - MARGIN.top);
    if (filters.from || filters.to) {
      const from = Math.max(first, filters.from ? dayNumber(filters.from) : first);
      const to = Math.min(last, filters.to ? dayNumber(filters.to) : last);
      if (from <= to) {
        daysChart.appendChild(svg('rect', { class: 'selection', x: x(from), y: MARGIN.top - 4, width: x(to + 1) - x(from),
          height: plotBottom - MARGIN.top + 4 }));
      }
    }
    const barWidth = Math.max(1, plotWidth / span * 0.8);
    for (const [day, entry] of counts) {
      const number = dayNumber(day);
      if (number < first) {
        continue;
      }
      const group = svg('g', { class: 'day' });
      group.dataset.day = day;
      group.dataset.diplomatic = String(entry.DIPLOMATIC_ACTION);
      group.dataset.casualty = String(entry.CASUALTY_SPIKE);
      const left = x(number) + (plotWidth / span - barWidth) / 2;
      const casualtyTop = y(entry.CASUALTY_SPIKE);
      group.appendChild(svg('rect', { class: 'bar casualty', x: left, y: casualtyTop, width: barWidth,
        height: plotBottom - casualtyTop }));
      const diplomaticTop = y(entry.CASUALTY_SPIKE + entry.DIPLOMATIC_ACTION);
      group.appendChild(svg('rect', { class: 'bar diplomatic', x: left, y: diplomaticTop, width: barWidth,
        height: casualtyTop - diplomaticTop }));
      const label = day + ': ' + entry.DIPLOMATIC_ACTION + ' diplomatic, ' + entry.CASUALTY_SPIKE + ' casualty';
      svgTitle(group, label);
      activatable(group, label + '. Show only this day', () => handlers.onDay(day));
      daysChart.appendChild(group);
    }
    axis(daysChart, first, last, x, plotBottom);
    yAxis(daysChart, max, y, 'alerts');
    const key = svg('g', { class: 'chart-key' });
    key.appendChild(svg('rect', { class: 'bar diplomatic', x: WIDTH - 150, y: 1, width: 9, height: 9 }));
    key.appendChild(svg('text', { class: 'axis-label', x: WIDTH - 136, y: 9 }, 'diplomatic'));
    key.appendChild(svg('rect', { class: 'bar casualty', x: WIDTH - 70, y: 1, width: 9, height: 9 }));
    key.appendChild(svg('text', { class: 'axis-label', x: WIDTH - 56, y: 9 }, 'casualty'));
    daysChart.appendChild(key);
  }

  /** @param figures the /casualties answer for the chosen place, or null when no place is chosen */
  function renderPlace(place, figures) {
    const body = placeTable.tBodies[0];
    body.replaceChildren();
    placeChart.replaceChildren();
    if (!place) {
      placeTitle.textContent = 'Reported deaths by day';
      placeHint.hidden = false;
      placeChart.hidden = true;
      placeTable.hidden = true;
      return;
    }
    placeTitle.textContent = 'Reported deaths in ' + place + ' by day';
    placeHint.hidden = true;
    placeChart.hidden = false;
    placeTable.hidden = false;
    const days = figures && figures.place === place ? figures.days : null;
    if (!days || days.length === 0) {
      placeChart.appendChild(svg('text', { class: 'axis-label', x: WIDTH / 2, y: HEIGHT / 2, 'text-anchor': 'middle' },
        days ? 'No tolls reported for this place' : 'Loading…'));
      placeTable.hidden = true;
      return;
    }
    const numbers = days.map((day) => dayNumber(day.day));
    const first = Math.min(...numbers) - 1;
    const last = Math.max(...numbers) + 1;
    const span = last - first + 1;
    const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
    const plotBottom = HEIGHT - MARGIN.bottom;
    const x = (number) => MARGIN.left + (number - first + 0.5) / span * plotWidth;
    const max = Math.max(1, ...days.map((day) => Math.max(day.high, day.baseline || 0)));
    const y = (value) => plotBottom - value / max * (plotBottom - MARGIN.top - 10);
    const barWidth = Math.min(28, plotWidth / span * 0.6);

    // The baseline each day was weighed against: a dashed step from the day before to the day.
    const baseline = svg('g', { class: 'baseline' });
    for (const day of days) {
      if (day.baseline !== null && day.baseline !== undefined) {
        const number = dayNumber(day.day);
        baseline.appendChild(svg('line', { x1: x(number) - barWidth, x2: x(number) + barWidth, y1: y(day.baseline),
          y2: y(day.baseline) }));
      }
    }
    for (const day of days) {
      const number = dayNumber(day.day);
      const group = svg('g', { class: 'figure-day' + (day.alertId ? ' spike' : '') });
      group.dataset.day = day.day;
      group.appendChild(svg('rect', { class: 'toll', x: x(number) - barWidth / 2, y: y(day.count), width: barWidth,
        height: plotBottom - y(day.count) }));
      if (day.high > day.low) {
        group.appendChild(svg('line', { class: 'range', x1: x(number), x2: x(number), y1: y(day.low), y2: y(day.high) }));
      }
      for (const report of day.reports) {
        const dot = svg('circle', { class: 'report', cx: x(number), cy: y(report.count), r: 3.5 });
        svgTitle(dot, reportText(report));
        group.appendChild(dot);
      }
      group.appendChild(svg('text', { class: 'value-label', x: x(number), y: y(day.high) - 5, 'text-anchor': 'middle' },
        rangeText(day)));
      svgTitle(group, day.day + ': ' + rangeText(day) + ' killed' + (day.alertId ? ' (spike)' : '')
        + (day.baseline !== null && day.baseline !== undefined ? ', baseline ' + day.baseline.toFixed(1) : ''));
      placeChart.appendChild(group);
    }
    placeChart.appendChild(baseline);
    axis(placeChart, first, last, (number) => x(number) - 0.5 / span * plotWidth, plotBottom);
    yAxis(placeChart, max, y, 'killed');

    for (const day of days) {
      const row = element('tr', day.alertId ? 'spike' : null);
      row.dataset.day = day.day;
      row.appendChild(element('th', null, day.day)).setAttribute('scope', 'row');
      const toll = element('td', 'toll', formatNumber(day.count) + (day.high > day.low ? ' (' + rangeText(day) + ')' : ''));
      if (day.alertId) {
        toll.appendChild(document.createTextNode(' '));
        toll.appendChild(element('span', 'badge spike-badge', 'spike'));
      }
      row.appendChild(toll);
      row.appendChild(element('td', 'baseline', day.baseline === null || day.baseline === undefined ? '—'
        : day.baseline.toFixed(1)));
      const reports = element('td', 'reports');
      const list = element('ul', 'report-list');
      for (const report of day.reports) {
        list.appendChild(element('li', null, reportText(report)));
      }
      reports.appendChild(list);
      row.appendChild(reports);
      body.appendChild(row);
    }
  }

  return { renderDays, renderPlace };
}

function rangeText(day) {
  return day.high > day.low ? formatNumber(day.low) + '–' + formatNumber(day.high) : formatNumber(day.count);
}

function reportText(report) {
  return (report.outlet || report.articleId || 'unknown outlet') + ': ' + (report.countText || formatNumber(report.count))
    // the count in brackets only where the words do not say it ("dozens (24)", not "at least 95 (95)")
    + (report.countText && !report.countText.includes(formatNumber(report.count)) ? ' (' + formatNumber(report.count) + ')' : '')
    + (report.source ? ', according to ' + report.source : '');
}
