import { Pagination } from './govuk'

/** The page numbers to show: the first, the last, and the pages either side of this one, with gaps marked. */
export function pageItems(page: number, pages: number) {
  const wanted = new Set([1, pages, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pages))
  const sorted = [...wanted].sort((a, b) => a - b)
  const items: { number?: number; ellipsis?: boolean; current?: boolean }[] = []
  sorted.forEach((n, index) => {
    if (index > 0 && n - sorted[index - 1]! > 1) items.push({ ellipsis: true })
    items.push({ number: n, current: n === page })
  })
  return items
}

/** GOV.UK pagination for a list split into pages; nothing when it fits on one. */
export function PageLinks({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null
  return (
    <Pagination
      previous={page > 1 ? { href: href(page - 1) } : undefined}
      next={page < pages ? { href: href(page + 1) } : undefined}
      items={pageItems(page, pages).map((item) => (item.ellipsis ? { ellipsis: true } : { number: item.number, href: href(item.number!), current: item.current }))}
    />
  )
}

/** The page a `?page=` parameter asks for, kept within 1 and `pages`. */
export function pageFrom(searchParams: URLSearchParams, pages: number): number {
  const asked = Number.parseInt(searchParams.get('page') ?? '1', 10)
  return Math.min(Math.max(1, pages), Number.isFinite(asked) && asked > 0 ? asked : 1)
}
