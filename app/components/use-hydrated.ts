import { useEffect, useState } from 'react'

/** False while the server renders and until the browser has hydrated the page; true after. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  return hydrated
}
