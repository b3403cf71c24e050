import type { ReactElement } from 'react';
import type { WindowDrawing } from '../../../shared/window-lessons';

// The simple drawings of the "know your window" lessons (shared/window-lessons.ts names them per slide). Plain SVG
// shapes with classes only — the colours are in styles.css ("Know your window" at its end); the CSP allows no inline
// style. They are decoration: every slide says in words what its drawing shows, so each is hidden from assistive
// technology.

type Mood = 'calm' | 'high' | 'low';

/** A little figure whose head's centre is at (x, y): calm and smiling, alarmed with wide eyes and arms up, or drooping. */
function Figure({ x, y, mood = 'calm', scale = 1, armsUp = false }: { x: number; y: number; mood?: Mood; scale?: number; armsUp?: boolean }) {
  const arms = armsUp || mood === 'high' ? 'M0 26 L-20 6 M0 26 L20 6' : mood === 'low' ? 'M0 28 L-9 50 M0 28 L9 50' : 'M0 26 L-18 44 M0 26 L18 44';
  return (
    <g transform={`translate(${x} ${y}) scale(${scale})`}>
      <path className="wd-line" d={`M0 14 V54 ${arms} M0 54 L-14 80 M0 54 L14 80`} />
      <circle className="wd-figure" cx={0} cy={0} r={14} />
      {mood === 'low' ? (
        <path className="wd-line wd-thin" d="M-8 -2 H-3 M3 -2 H8 M-5 8 Q0 5 5 8" />
      ) : (
        <>
          <circle className="wd-ink" cx={-5} cy={-3} r={mood === 'high' ? 2.6 : 1.8} />
          <circle className="wd-ink" cx={5} cy={-3} r={mood === 'high' ? 2.6 : 1.8} />
          {mood === 'high' ? <ellipse className="wd-ink" cx={0} cy={7} rx={3} ry={3.5} /> : <path className="wd-line wd-thin" d="M-6 5 Q0 11 6 5" />}
        </>
      )}
    </g>
  );
}

/** The window drawn as a band between "too high" (above) and "too low" (below), with a figure inside, above or below it. */
function WindowBand({ place }: { place: Mood }) {
  const figure = place === 'high' ? { y: 14, mood: 'high' as const } : place === 'low' ? { y: 170, mood: 'low' as const } : { y: 86, mood: 'calm' as const };
  return (
    <>
      <rect className="wd-zone-high" x={0} y={0} width={240} height={70} />
      <rect className="wd-zone-window" x={0} y={70} width={240} height={90} />
      <rect className="wd-zone-low" x={0} y={160} width={240} height={80} />
      <rect className="wd-frame" x={24} y={70} width={192} height={90} rx={4} />
      <path className="wd-frame wd-thin" d="M24 115 H76 M164 115 H216" />
      {place === 'high' ? <path className="wd-line wd-thin" d="M62 18 l8 -8 l0 14 l8 -8 M178 18 l-8 -8 l0 14 l-8 -8" /> : null}
      {place === 'low' ? <path className="wd-line wd-thin" d="M162 186 h10 l-10 10 h10 M180 174 h7 l-7 7 h7" /> : null}
      <Figure x={120} y={figure.y} mood={figure.mood} scale={0.8} />
    </>
  );
}

/** A body with the signs of stress: a pounding heart, quick breath, a knot in the tummy, fists. */
function BodyStress() {
  return (
    <>
      <path className="wd-line" d="M82 96 L50 140 M138 96 L170 140 M96 158 L90 226 M124 158 L130 226" />
      <circle className="wd-figure" cx={50} cy={144} r={11} />
      <circle className="wd-figure" cx={170} cy={144} r={11} />
      <path className="wd-line wd-thin" d="M44 140 h12 M164 140 h12" />
      <rect className="wd-figure" x={78} y={78} width={64} height={84} rx={22} />
      <circle className="wd-figure" cx={110} cy={46} r={28} />
      <circle className="wd-ink" cx={100} cy={42} r={2.6} />
      <circle className="wd-ink" cx={120} cy={42} r={2.6} />
      <path className="wd-line wd-thin" d="M94 32 l10 4 M126 32 l-10 4" />
      <ellipse className="wd-ink" cx={110} cy={58} rx={4} ry={5} />
      <path className="wd-breath" d="M142 54 q10 -6 20 0 M146 64 q12 -6 24 0 M142 74 q10 -6 20 0" />
      <path className="wd-heart" d="M98 116 c-10 -12 -24 -2 -14 10 l14 13 l14 -13 c10 -12 -4 -22 -14 -10 z" />
      <path className="wd-line wd-thin" d="M66 104 l-8 -4 M66 114 h-10 M130 104 l8 -4" />
      <path className="wd-knot" d="M116 146 c0 -6 8 -6 8 0 c0 8 -14 8 -14 -2 c0 -10 20 -10 20 2" />
    </>
  );
}

/** An alarm bell ringing: what stress is, the body's alarm. */
function Alarm() {
  return (
    <>
      <path className="wd-alarm" d="M100 22 c-30 0 -44 24 -44 54 v26 l-14 18 h116 l-14 -18 v-26 c0 -30 -14 -54 -44 -54 z" />
      <circle className="wd-figure" cx={100} cy={132} r={11} />
      <circle className="wd-ink" cx={100} cy={16} r={6} />
      <path className="wd-line wd-thin" d="M34 50 q-12 24 0 48 M20 40 q-18 34 0 68 M166 50 q12 24 0 48 M180 40 q18 34 0 68" />
    </>
  );
}

/** A thermometer with three zones: too high at the top, the window in the middle, too low at the bottom. */
function Thermometer() {
  return (
    <>
      <rect className="wd-zone-high" x={88} y={20} width={24} height={42} />
      <rect className="wd-zone-window" x={88} y={62} width={24} height={62} />
      <rect className="wd-zone-low" x={88} y={124} width={24} height={48} />
      <rect className="wd-mercury" x={94} y={84} width={12} height={96} rx={6} />
      <rect className="wd-frame" x={86} y={12} width={28} height={160} rx={14} />
      <circle className="wd-mercury" cx={100} cy={188} r={22} />
      <circle className="wd-frame" cx={100} cy={188} r={22} />
      <path className="wd-line wd-thin" d="M120 30 h14 M120 62 h22 M120 93 h14 M120 124 h22 M120 150 h14" />
    </>
  );
}

/** Weather inside you, in the check-in's order and pictures: a thunderstorm, wind, sun and fog. */
function Weather() {
  return (
    <>
      <path className="wd-cloud" d="M14 62 a14 14 0 0 1 6 -26 a18 18 0 0 1 34 -6 a14 14 0 0 1 16 32 z" />
      <path className="wd-bolt" d="M40 58 l-10 20 h10 l-6 20 l18 -26 h-10 l6 -14 z" />
      <path className="wd-breath" d="M96 38 h36 a8 8 0 1 0 -8 -8 M96 56 h50 a9 9 0 1 1 -9 9 M96 74 h28" />
      <circle className="wd-sun" cx={210} cy={56} r={18} />
      <path className="wd-line wd-thin" d="M210 26 v-10 M210 86 v10 M180 56 h-10 M240 56 h10 M189 35 l-7 -7 M231 77 l7 7 M231 35 l7 -7 M189 77 l-7 7" />
      <path className="wd-fog" d="M270 40 h40 M276 54 h44 M268 68 h40 M278 82 h36" />
    </>
  );
}

/** A figure breathing slowly: rings that grow out and back in. */
function Breathing() {
  return (
    <>
      <Figure x={62} y={50} scale={1.2} />
      <path className="wd-breath" d="M86 58 q12 -4 22 2" />
      <circle className="wd-ring" cx={160} cy={78} r={18} />
      <circle className="wd-ring" cx={160} cy={78} r={34} />
      <circle className="wd-ring wd-ring-faint" cx={160} cy={78} r={50} />
      <path className="wd-line wd-thin" d="M20 160 H200" />
    </>
  );
}

/** A figure jumping and shaking it out. */
function Moving() {
  return (
    <>
      <Figure x={110} y={36} armsUp scale={1.2} />
      <path className="wd-line wd-thin" d="M60 40 q-10 10 0 20 M48 34 q-14 16 0 32 M160 40 q10 10 0 20 M172 34 q14 16 0 32" />
      <path className="wd-line wd-thin" d="M86 150 q24 8 48 0" />
      <path className="wd-line wd-thin" d="M20 168 H200" />
    </>
  );
}

/** A grown-up and a child side by side, hand in hand: calming down together. */
function Friend() {
  return (
    <>
      <Figure x={80} y={40} scale={1.25} />
      <Figure x={160} y={74} scale={0.85} />
      <path className="wd-line" d="M102 95 Q124 114 145 111" />
      <path className="wd-heart" d="M120 22 c-6 -8 -16 -2 -9 6 l9 9 l9 -9 c7 -8 -3 -14 -9 -6 z" />
      <path className="wd-line wd-thin" d="M20 148 H220" />
    </>
  );
}

// Every drawing a slide may name, with its size: a new key in WINDOW_DRAWINGS does not compile until it is drawn here.
const DRAWINGS: Readonly<Record<WindowDrawing, { viewBox: string; draw: () => ReactElement }>> = {
  alarm: { viewBox: '0 0 200 150', draw: Alarm },
  'body-stress': { viewBox: '0 0 220 232', draw: BodyStress },
  window: { viewBox: '0 0 240 240', draw: () => <WindowBand place="calm" /> },
  'window-high': { viewBox: '0 0 240 240', draw: () => <WindowBand place="high" /> },
  'window-low': { viewBox: '0 0 240 240', draw: () => <WindowBand place="low" /> },
  thermometer: { viewBox: '0 0 200 216', draw: Thermometer },
  weather: { viewBox: '0 0 330 110', draw: Weather },
  breathing: { viewBox: '0 0 220 170', draw: Breathing },
  moving: { viewBox: '0 0 220 176', draw: Moving },
  friend: { viewBox: '0 0 240 156', draw: Friend },
};

/** One drawing of a lesson slide, decorative (the slide's text says what it shows). */
export function WindowLessonDrawing({ drawing }: { drawing: WindowDrawing }) {
  const { viewBox, draw: Draw } = DRAWINGS[drawing];
  return (
    <svg className={`window-drawing window-drawing-${drawing}`} viewBox={viewBox} aria-hidden="true" focusable="false">
      <Draw />
    </svg>
  );
}
