/**
 * The only way the explorer builds DOM: elements from tag names, attributes set one by one and text set as text.
 * Nothing here (or anywhere in web/) parses a string as HTML.
 */
type Child = Node | string | null | undefined | false;

type Handlers = Partial<Record<keyof HTMLElementEventMap, (event: Event) => void>>;

export interface Attrs {
  [name: string]: string | number | boolean | null | undefined | Handlers;
  on?: Handlers;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'on' || typeof value === 'object') continue;
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = String(value);
    else if (key === 'text') el.textContent = String(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const [name, handler] of Object.entries(attrs.on ?? {})) {
    if (handler) el.addEventListener(name, handler);
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Removes every child. */
export function clear(el: Node) {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/**
 * Handlers for an element that acts as a button without being one (a card, a marked sentence): `action` runs on a
 * click, and on Enter or Space while the element itself has the focus.
 */
export function pressable(action: (event: Event) => void): Handlers {
  return {
    click: action,
    keydown: (event) => {
      const { key } = event as KeyboardEvent;
      if ((key !== 'Enter' && key !== ' ') || event.target !== event.currentTarget) return;
      event.preventDefault();
      action(event);
    },
  };
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`The page has no #${id}.`);
  return el as T;
}

/** A small shape-and-colour swatch for a kind, drawn with SVG DOM (no markup strings). */
export function swatch(color: string, shape: string): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('swatch');
  const points: Record<string, string> = {
    diamond: '10,1 19,10 10,19 1,10',
    'round-diamond': '10,1 19,10 10,19 1,10',
    'round-triangle': '10,2 19,18 1,18',
    vee: '1,2 10,8 19,2 10,19',
    star: '10,1 12.6,7.4 19.5,7.4 14,11.6 16,18.5 10,14.4 4,18.5 6,11.6 0.5,7.4 7.4,7.4',
    hexagon: '5,2 15,2 19.5,10 15,18 5,18 0.5,10',
    'round-octagon': '6,1 14,1 19,6 19,14 14,19 6,19 1,14 1,6',
    pentagon: '10,1 19,8 15.5,19 4.5,19 1,8',
    'round-pentagon': '10,1 19,8 15.5,19 4.5,19 1,8',
    'round-tag': '1,3 13,3 19,10 13,17 1,17',
    'cut-rectangle': '5,2 15,2 19,6 19,14 15,18 5,18 1,14 1,6',
  };
  let shapeEl: SVGElement;
  if (shape === 'ellipse') {
    shapeEl = document.createElementNS(ns, 'circle');
    shapeEl.setAttribute('cx', '10');
    shapeEl.setAttribute('cy', '10');
    shapeEl.setAttribute('r', '8.5');
  } else if (points[shape]) {
    shapeEl = document.createElementNS(ns, 'polygon');
    shapeEl.setAttribute('points', points[shape] as string);
  } else {
    shapeEl = document.createElementNS(ns, 'rect');
    shapeEl.setAttribute('x', '2');
    shapeEl.setAttribute('y', shape === 'barrel' ? '3' : '4');
    shapeEl.setAttribute('width', '16');
    shapeEl.setAttribute('height', shape === 'barrel' ? '14' : '12');
    shapeEl.setAttribute('rx', shape.startsWith('round') || shape === 'barrel' ? '4' : '0');
  }
  shapeEl.setAttribute('fill', color);
  shapeEl.setAttribute('stroke', '#333');
  shapeEl.setAttribute('stroke-width', '1');
  svg.appendChild(shapeEl);
  return svg;
}

/** Saves a blob as a file. */
export function download(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: filename, class: 'visually-hidden' });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
