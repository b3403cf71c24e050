import type { CheckinState } from '../shared/checkin';
import { element } from './dom';
import type { RegulationRun } from './regulation-flow';

// The pupil entry's only link to the regulation moment (issue 19): after a check-in outside the window it loads
// regulation-flow.ts — its own chunk with its own stylesheet — and lets it place the offer on the result screen. A
// check-in inside the window loads nothing, so the entry stays within its budget (pupil-entry-budget.test.ts).

/**
 * Makes room on the result screen, above its buttons, and fills it with the offer once the regulation code has
 * loaded; without network the room stays empty (the check-in itself was received). Nothing for `in_window`.
 */
export function offerRegulation(screen: HTMLElement, checkinState: CheckinState, run: RegulationRun): void {
  if (checkinState === 'in_window') return;
  const place = element('div', { className: 'pupil-regulation-place' });
  screen.insertBefore(place, screen.querySelector(':scope > .pupil-actions'));
  import('./regulation-flow')
    .then((flow) => {
      // The page moved on while the code loaded (back to the names, another check-in): no offer any more.
      if (place.isConnected) flow.showOffer(place, checkinState, run);
    })
    .catch(() => place.remove());
}
