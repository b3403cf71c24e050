// A few lines instead of a framework: build elements with classes, attributes, text and children.
// Never innerHTML and never a style attribute (the CSP has no unsafe-inline; layout is in pupil.css).

/** What an element is built from. */
export interface ElementSpec {
  className?: string;
  text?: string;
  attributes?: Record<string, string>;
  onClick?: () => void;
}

/** Creates an HTML element with the given classes, attributes, text and children. */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, spec: ElementSpec = {}, children: Node[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (spec.className) node.className = spec.className;
  for (const [name, value] of Object.entries(spec.attributes ?? {})) node.setAttribute(name, value);
  if (spec.text !== undefined) node.textContent = spec.text;
  if (spec.onClick) node.addEventListener('click', spec.onClick);
  node.append(...children);
  return node;
}

/** A real <button type="button"> with its visible text as its name. */
export function button(text: string, className: string, onClick: () => void): HTMLButtonElement {
  return element('button', { className, text, attributes: { type: 'button' }, onClick });
}

/** Creates an SVG element (for the picture symbols) with presentation attributes. */
export function svgElement(tag: string, attributes: Record<string, string | number> = {}, children: Node[] = []): SVGElement {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag) as SVGElement;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

/** Replaces what a screen shows and moves focus to its heading, so a screen reader starts reading there. */
export function showScreen(container: HTMLElement, heading: HTMLElement, ...rest: Node[]): void {
  heading.setAttribute('tabindex', '-1');
  container.replaceChildren(heading, ...rest);
  heading.focus();
}

/**
 * Calls `onIdle` when nobody tapped or typed inside the screen for `ms` (every tap or key press starts the wait
 * again), so a shared device never keeps one pupil's half-made answers for the next; returns the function that
 * stops watching.
 */
export function watchIdle(screen: HTMLElement, ms: number, onIdle: () => void): () => void {
  let timer = setTimeout(onIdle, ms);
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(onIdle, ms);
  };
  screen.addEventListener('pointerdown', restart);
  screen.addEventListener('keydown', restart);
  return () => {
    clearTimeout(timer);
    screen.removeEventListener('pointerdown', restart);
    screen.removeEventListener('keydown', restart);
  };
}
