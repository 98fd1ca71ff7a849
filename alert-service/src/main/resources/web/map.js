// The dashboard's world map, drawn offline from the country shapes alert-service serves (/world-110m.json: Natural
// Earth 1:110m as TopoJSON, keyed by ISO 3166-1 alpha-2). No tiles, fonts or scripts from elsewhere: the TopoJSON is
// decoded and projected here (Equal Earth), into plain SVG paths.
//
// What it shows, for the alerts that pass the filters:
//  - casualty spikes as disks at their place's coordinates, area by the toll, a dashed ring out to the highest report
//    (hollow when the place is located only by its country); one mark per place, labelled with each day's figures;
//  - diplomatic alerts as lines from the acting state (or each member of an acting bloc, or a large bloc's middle) to
//    the target state;
//  - every country shaded by how many alerts concern it (actor, member, target or place).
// Clicking a mark filters by its place; clicking a country filters by that country. Marks are keyboard-operable.
import { activatable, element, formatNumber, svg, svgTitle } from './dom.js';
import { codesOf } from './filters.js';

const RADIANS = Math.PI / 180;
// Equal Earth (Šavrič, Patterson and Jenny, 2018): an equal-area projection, so shaded countries compare fairly.
const A1 = 1.340264;
const A2 = -0.081106;
const A3 = 0.000893;
const A4 = 0.003796;
const M = Math.sqrt(3) / 2;
const SCALE = 100;
const NORTH = 84;
const SOUTH = -58; // below this is Antarctica, where no news happens; it is not drawn
const MAX_ZOOM = 40;
const MAX_MEMBER_LINKS = 8;

/** [x, y] in the map's SVG units of a longitude and latitude in degrees (y grows southwards). */
export function project(longitude, latitude) {
  const lambda = longitude * RADIANS;
  const theta = Math.asin(M * Math.sin(latitude * RADIANS));
  const t2 = theta * theta;
  const t6 = t2 * t2 * t2;
  const x = lambda * Math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)));
  const y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
  return [x * SCALE, -y * SCALE];
}

const WORLD = (() => {
  const [east] = project(180, 0);
  const [, top] = project(0, NORTH);
  const [, bottom] = project(0, SOUTH);
  return { x: -east, y: top, w: 2 * east, h: bottom - top };
})();

/** The arcs of a TopoJSON topology as absolute [longitude, latitude] points (quantised, delta-encoded input). */
function decodeArcs(topology) {
  const [sx, sy] = topology.transform.scale;
  const [tx, ty] = topology.transform.translate;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
}

/** One ring from its arc indexes: a negative index ~i is arc i reversed; consecutive arcs share an end point. */
function ringOf(indexes, arcs) {
  const points = [];
  for (const index of indexes) {
    const arc = index < 0 ? arcs[~index].slice().reverse() : arcs[index];
    if (points.length) {
      points.pop();
    }
    points.push(...arc);
  }
  return points;
}

/**
 * A ring whose longitude jumps across the antimeridian (Russia, Fiji) made continuous (some points beyond ±180), with
 * the shifts at which to draw it again so that the part beyond the edge shows on the other side.
 */
function unwrap(ring) {
  const out = [ring[0]];
  let offset = 0;
  for (let i = 1; i < ring.length; i++) {
    const longitude = ring[i][0] + offset;
    const previous = out[i - 1][0];
    if (longitude - previous > 180) {
      offset -= 360;
    } else if (longitude - previous < -180) {
      offset += 360;
    }
    out.push([ring[i][0] + offset, ring[i][1]]);
  }
  const shifts = [0];
  if (out.some(([longitude]) => longitude > 180)) {
    shifts.push(-360);
  }
  if (out.some(([longitude]) => longitude < -180)) {
    shifts.push(360);
  }
  return { ring: out, shifts };
}

function pathOf(points) {
  return 'M' + points.map(([x, y]) => x.toFixed(1) + ',' + y.toFixed(1)).join('L') + 'Z';
}

/** Signed area and centroid of a projected ring. */
function centroidOf(points) {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const cross = points[j][0] * points[i][1] - points[i][0] * points[j][1];
    area += cross;
    cx += (points[j][0] + points[i][0]) * cross;
    cy += (points[j][1] + points[i][1]) * cross;
  }
  if (area === 0) {
    return { area: 0, point: points[0] };
  }
  return { area: Math.abs(area / 2), point: [cx / (3 * area), cy / (3 * area)] };
}

/** Countries from the topology: code, name, SVG path, and an anchor point (centroid of the largest part). */
function countriesOf(topology) {
  const arcs = decodeArcs(topology);
  const countries = [];
  for (const geometry of topology.objects.countries.geometries) {
    if (geometry.id === 'AQ' || !geometry.arcs) {
      continue;
    }
    const polygons = geometry.type === 'Polygon' ? [geometry.arcs] : geometry.arcs;
    let path = '';
    let largest = { area: -1, point: null };
    for (const polygon of polygons) {
      polygon.forEach((indexes, ringIndex) => {
        const { ring, shifts } = unwrap(ringOf(indexes, arcs));
        for (const shift of shifts) {
          const projected = ring.map(([longitude, latitude]) => project(longitude + shift, latitude));
          path += pathOf(projected);
          if (ringIndex === 0 && shift === 0) {
            const centroid = centroidOf(projected);
            if (centroid.area > largest.area) {
              largest = centroid;
            }
          }
        }
      });
    }
    countries.push({ code: geometry.id, name: (geometry.properties && geometry.properties.name) || geometry.id,
      path, anchor: largest.point });
  }
  return countries;
}

/** The Equal Earth outline: countries are clipped to it, so a shifted copy of Russia shows only inside. */
function outlinePath() {
  const points = [];
  for (let latitude = -90; latitude <= 90; latitude += 5) {
    points.push(project(180, latitude));
  }
  for (let latitude = 90; latitude >= -90; latitude -= 5) {
    points.push(project(-180, latitude));
  }
  return pathOf(points);
}

function shadeClass(count) {
  if (count >= 10) {
    return 'shade-4';
  }
  if (count >= 4) {
    return 'shade-3';
  }
  if (count >= 2) {
    return 'shade-2';
  }
  return count >= 1 ? 'shade-1' : '';
}

/** Screen radius of a toll: area grows with the count; small tolls stay visible, huge ones stay on the map. */
function radiusPixels(count) {
  return Math.min(40, 3 + 1.7 * Math.sqrt(Math.max(0, count || 0)));
}

const SEVERITY_RANK = { LOW: 0, MEDIUM: 1, HIGH: 2, CRITICAL: 3 };

/**
 * @param root      the <svg> to draw in
 * @param legend    the element to put the legend in
 * @param handlers  { onPlace(place), onCountry(code) }
 */
export function createMap(root, legend, handlers) {
  let countries = [];
  let byCode = new Map();
  let points = {};
  let view = { ...WORLD };
  let lastAlerts = [];
  let names = {};
  let selected = { place: '', country: '' };
  let dragged = false;

  root.setAttribute('viewBox', [WORLD.x, WORLD.y, WORLD.w, WORLD.h].join(' '));
  const defs = svg('defs');
  const clip = svg('clipPath', { id: 'map-globe' });
  clip.appendChild(svg('path', { d: outlinePath() }));
  defs.appendChild(clip);
  root.appendChild(defs);
  root.appendChild(svg('path', { class: 'globe', d: outlinePath() }));
  const countryLayer = svg('g', { class: 'countries', 'clip-path': 'url(#map-globe)' });
  const dotLayer = svg('g', { class: 'small-states' });
  const linkLayer = svg('g', { class: 'links' });
  const markLayer = svg('g', { class: 'marks' });
  root.append(countryLayer, dotLayer, linkLayer, markLayer);

  function unitsPerPixel() {
    const width = root.getBoundingClientRect().width;
    return width > 0 ? view.w / width : WORLD.w / 800;
  }

  /** Where lines to or from a code start: a state's centroid or point; a bloc's, the mean of its members'. */
  function anchorOf(code) {
    const country = byCode.get(code);
    if (country && country.anchor) {
      return country.anchor;
    }
    const point = points[code];
    if (point) {
      return project(point[0], point[1]);
    }
    const members = (names[code] && names[code].members) || [];
    const anchors = members.map((member) => byCode.get(member) && byCode.get(member).anchor).filter(Boolean);
    if (anchors.length === 0) {
      return null;
    }
    return [anchors.reduce((sum, [x]) => sum + x, 0) / anchors.length,
      anchors.reduce((sum, [, y]) => sum + y, 0) / anchors.length];
  }

  /** Each acting state of a diplomatic alert: the actor if a state, else the bloc's members. */
  function actingStates(alert) {
    if (Array.isArray(alert.actorMemberCodes) && alert.actorMemberCodes.length > 0) {
      return alert.actorMemberCodes;
    }
    const actor = alert.actorCode && names[alert.actorCode];
    if (actor && Array.isArray(actor.members) && actor.members.length > 0) {
      return actor.members;
    }
    return alert.actorCode ? [alert.actorCode] : [];
  }

  function nameOf(code) {
    return (names[code] && names[code].name) || (byCode.get(code) && byCode.get(code).name) || code;
  }

  function load(topology, actorNames) {
    names = actorNames || {};
    countries = countriesOf(topology);
    byCode = new Map(countries.map((country) => [country.code, country]));
    points = (topology.wirewatch && topology.wirewatch.points) || {};
    countryLayer.replaceChildren();
    for (const country of countries) {
      const path = svg('path', { d: country.path, class: 'country' });
      path.dataset.code = country.code;
      svgTitle(path, country.name);
      path.addEventListener('click', () => {
        if (!dragged) {
          handlers.onCountry(country.code);
        }
      });
      country.element = path;
      countryLayer.appendChild(path);
    }
    render(lastAlerts, selected);
  }

  function render(alerts, filters) {
    lastAlerts = alerts;
    selected = { place: filters.place || '', country: filters.country || '' };
    if (countries.length === 0) {
      return;
    }
    // Countries: how many shown alerts concern each.
    const concern = new Map();
    for (const alert of alerts) {
      codesOf(alert).forEach((code) => concern.set(code, (concern.get(code) || 0) + 1));
    }
    for (const country of countries) {
      const count = concern.get(country.code) || 0;
      const classes = ['country', shadeClass(count)];
      if (selected.country === country.code) {
        classes.push('selected');
      }
      country.element.setAttribute('class', classes.filter(Boolean).join(' '));
      country.element.firstChild.textContent = nameOf(country.code) + (count ? ': ' + count + ' alert' + (count === 1 ? '' : 's') : '');
    }
    drawOverlay(alerts, concern);
  }

  function drawOverlay(alerts, concern) {
    const unit = unitsPerPixel();
    // States too small for the 1:110m shapes: a dot, shaded like a country, where an alert concerns them.
    dotLayer.replaceChildren();
    for (const [code, count] of concern) {
      if (!byCode.has(code) && points[code]) {
        const [x, y] = anchorOf(code);
        const dot = svg('circle', { cx: x, cy: y, r: 4 * unit, class: 'small-state ' + shadeClass(count) });
        dot.dataset.code = code;
        svgTitle(dot, nameOf(code) + ': ' + count + ' alert' + (count === 1 ? '' : 's'));
        dot.addEventListener('click', () => handlers.onCountry(code));
        dotLayer.appendChild(dot);
      }
    }

    // Diplomatic links, one per acting state and target, the thickest for the most alerts.
    const links = new Map();
    for (const alert of alerts) {
      if (alert.type !== 'DIPLOMATIC_ACTION' || !alert.targetCode) {
        continue;
      }
      // A small bloc's members each get a line (the GCC's six); a large one (the EU's 27) one line from its middle,
      // its members shaded all the same.
      const states = actingStates(alert);
      const sources = states.length > MAX_MEMBER_LINKS && alert.actorCode ? [alert.actorCode] : states;
      for (const from of sources) {
        if (from === alert.targetCode) {
          continue;
        }
        const key = from + '>' + alert.targetCode;
        const link = links.get(key) || { from, to: alert.targetCode, count: 0, severity: 'LOW', actions: new Set() };
        link.count += 1;
        if (SEVERITY_RANK[alert.severity] > SEVERITY_RANK[link.severity]) {
          link.severity = alert.severity;
        }
        if (alert.action) {
          link.actions.add(alert.action);
        }
        links.set(key, link);
      }
    }
    linkLayer.replaceChildren();
    for (const link of links.values()) {
      const start = anchorOf(link.from);
      const end = anchorOf(link.to);
      if (!start || !end) {
        continue;
      }
      const dx = end[0] - start[0];
      const dy = end[1] - start[1];
      const length = Math.hypot(dx, dy) || 1;
      // A gentle arc, bowing to the left of the direction of travel, so A->B and B->A do not overlap.
      const control = [(start[0] + end[0]) / 2 - dy * 0.2, (start[1] + end[1]) / 2 + dx * 0.2];
      const group = svg('g', { class: 'link severity-' + link.severity.toLowerCase() });
      group.dataset.from = link.from;
      group.dataset.to = link.to;
      group.appendChild(svg('path', {
        d: 'M' + start.join(',') + 'Q' + control.join(',') + ' ' + end.join(','),
        'stroke-width': Math.min(6, 1.2 + Math.log2(link.count)),
      }));
      // An arrowhead of constant screen size at the target, along the curve's last tangent.
      const tx = end[0] - control[0];
      const ty = end[1] - control[1];
      const tangent = Math.hypot(tx, ty) || length;
      const ux = tx / tangent;
      const uy = ty / tangent;
      const size = 7 * unit;
      const tip = end;
      const back = [tip[0] - ux * size, tip[1] - uy * size];
      group.appendChild(svg('path', {
        class: 'arrow',
        d: 'M' + tip.join(',') + 'L' + (back[0] - uy * size * 0.5) + ',' + (back[1] + ux * size * 0.5)
          + 'L' + (back[0] + uy * size * 0.5) + ',' + (back[1] - ux * size * 0.5) + 'Z',
      }));
      svgTitle(group, nameOf(link.from) + ' → ' + nameOf(link.to) + ': ' + link.count + ' alert'
        + (link.count === 1 ? '' : 's') + (link.actions.size ? ' (' + [...link.actions].join(', ') + ')' : ''));
      linkLayer.appendChild(group);
    }

    // Casualty marks, one per place, sized by its largest toll shown.
    const places = new Map();
    for (const alert of alerts) {
      if (alert.type !== 'CASUALTY_SPIKE' || !alert.place) {
        continue;
      }
      let position = null;
      let exact = false;
      if (typeof alert.latitude === 'number' && typeof alert.longitude === 'number') {
        position = project(alert.longitude, alert.latitude);
        exact = true;
      } else if (alert.placeCountryCode || (alert.countries && alert.countries.length === 1)) {
        position = anchorOf(alert.placeCountryCode || alert.countries[0]);
      }
      if (!position) {
        continue;
      }
      const key = alert.place + '|' + position.join(',');
      const mark = places.get(key) || { place: alert.place, position, exact, alerts: [] };
      mark.alerts.push(alert);
      places.set(key, mark);
    }
    markLayer.replaceChildren();
    // Marks placed by their country only go underneath, so they never hide a place known exactly; among each kind the
    // small marks go on top of the large.
    const ordered = [...places.values()].sort((a, b) => (a.exact - b.exact) || (maxCount(b) - maxCount(a)));
    for (const mark of ordered) {
      const count = maxCount(mark);
      const high = Math.max(count, ...mark.alerts.map((alert) => alert.countHigh || 0));
      const low = Math.min(count, ...mark.alerts.map((alert) => (alert.countLow === null || alert.countLow === undefined
        ? count : alert.countLow)));
      const [x, y] = mark.position;
      const severity = mark.alerts.reduce((worst, alert) =>
        (SEVERITY_RANK[alert.severity] > SEVERITY_RANK[worst] ? alert.severity : worst), 'LOW');
      const group = svg('g', { class: 'mark severity-' + severity.toLowerCase() + (mark.exact ? '' : ' approximate')
        + (selected.place && selected.place.toLowerCase() === mark.place.toLowerCase() ? ' selected' : '') });
      group.dataset.place = mark.place;
      group.dataset.x = x.toFixed(2);
      group.dataset.y = y.toFixed(2);
      if (high > count) {
        group.appendChild(svg('circle', { class: 'range', cx: x, cy: y, r: radiusPixels(high) * unit }));
      }
      group.appendChild(svg('circle', { class: 'toll', cx: x, cy: y, r: radiusPixels(count) * unit }));
      if (low < count) {
        group.appendChild(svg('circle', { class: 'low', cx: x, cy: y, r: radiusPixels(low) * unit }));
      }
      const days = mark.alerts.slice().sort((a, b) => String(a.eventDate).localeCompare(String(b.eventDate)))
        .map((alert) => (alert.eventDate || '?') + ': ' + tollText(alert));
      const label = mark.place + (mark.exact ? '' : ' (located by country only)') + ' — ' + days.join('; ');
      svgTitle(group, label);
      activatable(group, label, () => {
        if (!dragged) {
          handlers.onPlace(mark.place);
        }
      });
      markLayer.appendChild(group);
    }
  }

  function maxCount(mark) {
    return Math.max(0, ...mark.alerts.map((alert) => alert.count || 0));
  }

  function tollText(alert) {
    const low = alert.countLow;
    const high = alert.countHigh;
    const range = low !== null && low !== undefined && high !== null && high !== undefined && low !== high
      ? formatNumber(low) + '–' + formatNumber(high) : formatNumber(alert.count);
    return range + ' killed';
  }

  function setView(next) {
    const aspect = WORLD.w / WORLD.h;
    let w = Math.max(WORLD.w / MAX_ZOOM, Math.min(WORLD.w, next.w));
    let h = w / aspect;
    let x = Math.max(WORLD.x, Math.min(WORLD.x + WORLD.w - w, next.x + (next.w - w) / 2));
    let y = Math.max(WORLD.y, Math.min(WORLD.y + WORLD.h - h, next.y + (next.h - h) / 2));
    view = { x, y, w, h };
    root.setAttribute('viewBox', [x, y, w, h].map((value) => value.toFixed(2)).join(' '));
    root.dataset.zoom = (WORLD.w / w).toFixed(2);
    render(lastAlerts, selected);
  }

  function zoom(factor, center) {
    const [cx, cy] = center || [view.x + view.w / 2, view.y + view.h / 2];
    const w = view.w / factor;
    const h = view.h / factor;
    setView({ x: cx - (cx - view.x) / factor, y: cy - (cy - view.y) / factor, w, h });
  }

  /** Frames every mark, link end and concerned country shown, with a margin. */
  function fit() {
    const xs = [];
    const ys = [];
    for (const mark of markLayer.querySelectorAll('.mark')) {
      xs.push(Number(mark.dataset.x));
      ys.push(Number(mark.dataset.y));
    }
    for (const link of linkLayer.querySelectorAll('.link')) {
      for (const code of [link.dataset.from, link.dataset.to]) {
        const anchor = anchorOf(code);
        if (anchor) {
          xs.push(anchor[0]);
          ys.push(anchor[1]);
        }
      }
    }
    if (xs.length === 0) {
      setView(WORLD);
      return;
    }
    const minX = Math.min(...xs);
    const maxX = Math.max(...xs);
    const minY = Math.min(...ys);
    const maxY = Math.max(...ys);
    const aspect = WORLD.w / WORLD.h;
    let w = Math.max(maxX - minX, (maxY - minY) * aspect, WORLD.w / 12) * 1.3;
    setView({ x: (minX + maxX) / 2 - w / 2, y: (minY + maxY) / 2 - w / aspect / 2, w, h: w / aspect });
  }

  // Wheel zooms about the pointer; dragging pans; a drag is not a click.
  root.addEventListener('wheel', (event) => {
    event.preventDefault();
    const box = root.getBoundingClientRect();
    const center = [view.x + (event.clientX - box.left) / box.width * view.w,
      view.y + (event.clientY - box.top) / box.height * view.h];
    zoom(event.deltaY < 0 ? 1.25 : 0.8, center);
  }, { passive: false });
  let drag = null;
  root.addEventListener('pointerdown', (event) => {
    drag = { x: event.clientX, y: event.clientY, view: { ...view }, moved: false };
    dragged = false;
  });
  root.addEventListener('pointermove', (event) => {
    if (!drag) {
      return;
    }
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) {
      return;
    }
    if (!drag.moved) {
      root.setPointerCapture(event.pointerId);
    }
    drag.moved = true;
    dragged = true;
    const box = root.getBoundingClientRect();
    const scale = drag.view.w / box.width;
    setView({ x: drag.view.x - dx * scale, y: drag.view.y - dy * scale, w: drag.view.w, h: drag.view.h });
  });
  const endDrag = () => {
    drag = null;
    // The click that ends a drag fires after pointerup; forget the drag once it has been swallowed.
    setTimeout(() => {
      dragged = false;
    }, 0);
  };
  root.addEventListener('pointerup', endDrag);
  root.addEventListener('pointercancel', endDrag);
  if (typeof ResizeObserver === 'function') {
    new ResizeObserver(() => render(lastAlerts, selected)).observe(root);
  }

  drawLegend(legend);

  return {
    load,
    render,
    zoomIn: () => zoom(1.6),
    zoomOut: () => zoom(1 / 1.6),
    fit,
    world: () => setView(WORLD),
  };
}

function drawLegend(legend) {
  legend.replaceChildren();
  const item = (symbol, text) => {
    const entry = element('span', 'legend-item');
    entry.appendChild(symbol);
    entry.appendChild(document.createTextNode(' ' + text));
    legend.appendChild(entry);
  };
  for (const count of [10, 50, 200]) {
    const r = radiusPixels(count);
    const symbol = svg('svg', { width: 2 * r + 2, height: 2 * r + 2, class: 'legend-symbol', 'aria-hidden': 'true' });
    symbol.appendChild(svg('circle', { class: 'toll', cx: r + 1, cy: r + 1, r }));
    const holder = element('span', 'mark-legend');
    holder.appendChild(symbol);
    item(holder, formatNumber(count) + ' killed');
  }
  const range = svg('svg', { width: 22, height: 22, class: 'legend-symbol', 'aria-hidden': 'true' });
  range.appendChild(svg('circle', { class: 'range', cx: 11, cy: 11, r: 10 }));
  range.appendChild(svg('circle', { class: 'toll', cx: 11, cy: 11, r: 6 }));
  const rangeHolder = element('span', 'mark-legend');
  rangeHolder.appendChild(range);
  item(rangeHolder, 'dashed: highest report');
  const link = svg('svg', { width: 30, height: 12, class: 'legend-symbol', 'aria-hidden': 'true' });
  const linkGroup = svg('g', { class: 'link severity-high' });
  linkGroup.appendChild(svg('path', { d: 'M2,10 Q15,0 28,10', 'stroke-width': 2 }));
  link.appendChild(linkGroup);
  const linkHolder = element('span');
  linkHolder.appendChild(link);
  item(linkHolder, 'actor → target');
  for (const [shade, text] of [['shade-1', '1'], ['shade-2', '2–3'], ['shade-3', '4–9'], ['shade-4', '10+']]) {
    const swatch = svg('svg', { width: 14, height: 14, class: 'legend-symbol', 'aria-hidden': 'true' });
    swatch.appendChild(svg('rect', { class: 'country ' + shade, x: 1, y: 1, width: 12, height: 12 }));
    const holder = element('span');
    holder.appendChild(swatch);
    item(holder, text);
  }
  legend.appendChild(element('span', 'legend-note', 'alerts per country'));
}
