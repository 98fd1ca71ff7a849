// Small DOM helpers shared by the dashboard's modules. Text from alerts comes from news articles and is untrusted: it
// only ever reaches the page through textContent (element(..., text)) or attribute values set one by one, never as
// markup; links are made only from http: and https: URLs.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An HTML element with an optional class and text. */
export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  return node;
}

/** An SVG element with attributes (numbers and strings, set as attributes, never parsed as markup). */
export function svg(tag, attributes, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value !== undefined && value !== null) {
      node.setAttribute(name, String(value));
    }
  }
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  return node;
}

/** A tooltip for an SVG element: an SVG title child, which browsers show on hover and screen readers read. */
export function svgTitle(node, text) {
  node.appendChild(svg('title', {}, text));
  return node;
}

export function safeHttpUrl(value) {
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

/** Makes an element act as a button for mouse and keyboard (Enter, Space). */
export function activatable(node, label, action) {
  node.setAttribute('tabindex', '0');
  node.setAttribute('role', 'button');
  node.setAttribute('aria-label', label);
  node.addEventListener('click', action);
  node.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      action(event);
    }
  });
  return node;
}

export function formatNumber(value) {
  return Number(value).toLocaleString('en');
}
