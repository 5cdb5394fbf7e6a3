import type { ReactNode } from 'react'

/**
 * A wide table's scrolling wrapper. It can take keyboard focus and is named, so a keyboard user can scroll it
 * (axe: scrollable-region-focusable) and a screen reader says what it holds.
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="app-table-wrapper" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  )
}
