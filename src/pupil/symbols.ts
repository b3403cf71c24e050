import type { AgeGroup, CheckinState } from '../shared/checkin';
import { svgElement } from './dom';

// The pictures on the state buttons, drawn here as inline SVG (no image files to fetch on weak Wi-Fi,
// nothing inline-styled). Young pupils see a weather picture named by the form's `symbol`; older
// pupils see their "window": a bar with the calm band in the middle and a dot where they are.

type Drawing = () => SVGElement[];

const INK = '#24211d';

const ray = (angle: number) => {
  const radians = (angle * Math.PI) / 180;
  const point = (radius: number) => [32 + radius * Math.cos(radians), 32 + radius * Math.sin(radians)].map((value) => value.toFixed(1));
  const [x1, y1] = point(18);
  const [x2, y2] = point(27);
  return svgElement('line', { x1: x1 ?? 0, y1: y1 ?? 0, x2: x2 ?? 0, y2: y2 ?? 0, stroke: '#8a5a00', 'stroke-width': 4, 'stroke-linecap': 'round' });
};

const cloud = (fill: string) =>
  svgElement('path', { d: 'M17 40a10 10 0 0 1 1-20 14 14 0 0 1 27 1 9.5 9.5 0 0 1 2 19z', fill, stroke: INK, 'stroke-width': 2 });

const PICTURES: Record<string, Drawing> = {
  sun: () => [...[0, 45, 90, 135, 180, 225, 270, 315].map(ray), svgElement('circle', { cx: 32, cy: 32, r: 13, fill: '#f6c326', stroke: '#8a5a00', 'stroke-width': 3 })],
  wind: () =>
    ['M6 22h34a6 6 0 1 0-6-6', 'M6 33h46a6 6 0 1 1-6 6', 'M6 44h26a5 5 0 1 1-5 5'].map((d) =>
      svgElement('path', { d, fill: 'none', stroke: '#1d5b57', 'stroke-width': 4, 'stroke-linecap': 'round' }),
    ),
  thunderstorm: () => [
    cloud('#7b8490'),
    svgElement('path', { d: 'M35 36 25 50h8l-4 12 14-17h-8l4-9z', fill: '#f6c326', stroke: '#6b4500', 'stroke-width': 2, 'stroke-linejoin': 'round' }),
  ],
  fog: () => [
    svgElement('circle', { cx: 40, cy: 20, r: 10, fill: '#f3e3b0', stroke: '#8a7a50', 'stroke-width': 2 }),
    ...[30, 39, 48, 57].map((y, index) =>
      svgElement('line', { x1: 8 + (index % 2) * 6, y1: y, x2: 56 - (index % 2) * 6, y2: y, stroke: '#5b6470', 'stroke-width': 4, 'stroke-linecap': 'round' }),
    ),
  ],
};

// Where the dot sits on the window bar (y, in a 64-high picture); the band from 24 to 40 is "in my window".
const DOT_POSITION: Record<CheckinState, number> = { far_high: 11, bit_high: 19, in_window: 32, low: 50 };
const DOT_COLOUR: Record<CheckinState, string> = { far_high: '#9a3b1f', bit_high: '#8a5a00', in_window: '#245b28', low: '#1f4a7a' };

function windowBar(state: CheckinState): SVGElement[] {
  return [
    svgElement('rect', { x: 20, y: 3, width: 24, height: 58, rx: 12, fill: '#ffffff', stroke: INK, 'stroke-width': 2 }),
    svgElement('rect', { x: 21, y: 24, width: 22, height: 16, fill: '#bfe0c0' }),
    svgElement('circle', { cx: 32, cy: DOT_POSITION[state], r: 7, fill: DOT_COLOUR[state], stroke: INK, 'stroke-width': 1.5 }),
  ];
}

/** The decorative picture of a state button (hidden from screen readers: the words say it all). */
export function stateSymbol(state: CheckinState, symbol: string, ageGroup: AgeGroup): SVGElement {
  const picture = ageGroup === 'young' ? PICTURES[symbol] : undefined;
  return svgElement(
    'svg',
    { viewBox: '0 0 64 64', width: 64, height: 64, 'aria-hidden': 'true', focusable: 'false', class: 'pupil-symbol' },
    picture ? picture() : windowBar(state),
  );
}

/** A large tick shown once a check-in has arrived. */
export function receivedSymbol(): SVGElement {
  return svgElement('svg', { viewBox: '0 0 64 64', width: 72, height: 72, 'aria-hidden': 'true', focusable: 'false', class: 'pupil-symbol' }, [
    svgElement('circle', { cx: 32, cy: 32, r: 28, fill: '#e4f1e4', stroke: '#245b28', 'stroke-width': 3 }),
    svgElement('path', { d: 'M19 33l9 9 18-19', fill: 'none', stroke: '#245b28', 'stroke-width': 6, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }),
  ]);
}
