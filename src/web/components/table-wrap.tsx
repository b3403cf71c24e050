import type { ReactNode } from 'react';

/**
 * Holds a table that may be wider than a phone screen. The box scrolls sideways, so it is a named,
 * focusable region: keyboard users can scroll it with the arrow keys.
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
