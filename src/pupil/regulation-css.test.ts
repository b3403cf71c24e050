import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BREATHING_PACE_SECONDS } from '../shared/regulation';

// The breathing animation is CSS alone (the CSP allows no inline style, so the page cannot pass the pace in): its
// numbers in regulation.css must stay those of BREATHING_PACE_SECONDS, which the breathing activities describe.

const css = readFileSync(new URL('./regulation.css', import.meta.url), 'utf8');

/** The body of one @keyframes rule. */
function keyframes(name: string): string {
  const start = css.indexOf(`@keyframes ${name} {`);
  expect(start, name).toBeGreaterThan(-1);
  const end = css.indexOf('\n}\n', start);
  return css.slice(start, end);
}

/** The percentages at which a keyframes rule sets a value, in order. */
function stops(name: string): number[] {
  return [...keyframes(name).matchAll(/([\d.]+)%/g)].map((match) => Number(match[1]));
}

describe('the breathing animation', () => {
  const { in: breatheIn, hold, out } = BREATHING_PACE_SECONDS;
  const cycle = breatheIn + hold + out;
  const percent = (seconds: number) => Number(((100 * seconds) / cycle).toFixed(3));

  it('lasts one breath: in, wait and out together', () => {
    expect(css).toContain(`animation: regulation-breathe ${cycle}s ease-in-out infinite;`);
    expect(css).toContain(`animation-duration: ${cycle}s;`);
  });

  it('grows while breathing in, stays while waiting and shrinks while blowing out, with the words at the same moments', () => {
    expect(stops('regulation-breathe')).toEqual([0, percent(breatheIn), percent(breatheIn + hold), 100]);
    expect(stops('regulation-breathe-in')).toEqual([0, percent(breatheIn), 100]);
    expect(stops('regulation-breathe-hold')).toEqual([0, percent(breatheIn), percent(breatheIn + hold), 100]);
    expect(stops('regulation-breathe-out')).toEqual([0, percent(breatheIn), percent(breatheIn + hold), 100]);
  });

  it('moves only when the pupil did not ask for less motion, and shows its steps still when they did', () => {
    const reduce = css.slice(css.indexOf('@media (prefers-reduced-motion: reduce)'));
    expect(reduce).toMatch(/\.regulation-motion \{\s*display: none;/);
    expect(reduce).toMatch(/\.regulation-still \{\s*display: block;/);
    const outsideMedia = css.replace(/@media \(prefers-reduced-motion: no-preference\) \{[\s\S]*?\n\}\n/, '');
    expect(outsideMedia).not.toMatch(/\banimation(-name)?:/);
  });
});
