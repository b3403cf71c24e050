import { element } from './dom';

// A button that acts only when held down for a while: by pointer (mouse, touch, pen) or by keyboard (Space or
// Enter held). Letting go early does nothing. Used where a quick tap must not be enough (closing the class device).

/** What a hold button shows and does. */
export interface HoldButtonSpec {
  text: string;
  className: string;
  /** Id of the text that explains the hold (read with the button). */
  describedBy: string;
  holdMs: number;
  onHolding: () => void;
  onRelease: () => void;
  onHeld: () => void;
}

/** A <button> that calls `onHeld` once it has been held for `holdMs`; `is-holding` shows the fill while held. */
export function holdButton(spec: HoldButtonSpec): HTMLButtonElement {
  const hold = element('button', { className: spec.className, attributes: { type: 'button', 'aria-describedby': spec.describedBy } }, [
    element('span', { className: 'pupil-hold-fill', attributes: { 'aria-hidden': 'true' } }),
    element('span', { className: 'pupil-hold-text', text: spec.text }),
  ]);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let isDone = false;
  const start = () => {
    if (timer !== undefined || isDone) return;
    hold.classList.add('is-holding');
    spec.onHolding();
    timer = setTimeout(() => {
      isDone = true;
      timer = undefined;
      hold.classList.remove('is-holding');
      spec.onHeld();
    }, spec.holdMs);
  };
  const stop = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    hold.classList.remove('is-holding');
    spec.onRelease();
  };
  hold.addEventListener('pointerdown', (event) => {
    // Keep the pointer even when a finger slides a little, and no long-press menu on touch screens.
    hold.setPointerCapture?.(event.pointerId);
    start();
  });
  for (const name of ['pointerup', 'pointercancel', 'lostpointercapture'] as const) hold.addEventListener(name, stop);
  hold.addEventListener('contextmenu', (event) => event.preventDefault());
  hold.addEventListener('keydown', (event) => {
    if (event.key !== ' ' && event.key !== 'Enter') return;
    event.preventDefault();
    if (!event.repeat) start();
  });
  hold.addEventListener('keyup', (event) => {
    if (event.key === ' ' || event.key === 'Enter') stop();
  });
  hold.addEventListener('blur', stop);
  return hold;
}
