import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_NESTING, normaliseName, parseContent, walkNodes, type ContentNode } from './placeholders'

/** Puts the text back together from the tree, to show nothing is lost or invented. */
function reassemble(nodes: ContentNode[], source: string): string {
  return nodes
    .map((n) => {
      if (n.kind === 'text') return n.text
      if (n.kind === 'placeholder') return n.raw
      return source.slice(n.start, n.flagStart) + n.flag + '??' + reassembleBody(n, source) + '))'
    })
    .join('')
}
function reassembleBody(n: Extract<ContentNode, { kind: 'optional' }>, source: string): string {
  const afterFlag = source.slice(n.flagStart + n.flag.length, n.end - 2)
  return afterFlag.slice(afterFlag.indexOf('??') + 2)
}

describe('normaliseName', () => {
  it('ignores case, spaces, hyphens and underscores, as GOV.UK Notify does', () => {
    expect(normaliseName('Customer Name')).toBe('customername')
    expect(normaliseName('customer_name')).toBe('customername')
    expect(normaliseName(' CUSTOMER-NAME ')).toBe('customername')
    expect(normaliseName('N I N O')).toBe('nino')
  })
})

describe('parseContent', () => {
  it('finds placeholders with their offset, line and column', () => {
    const parsed = parseContent('Dear ((customer_name)),\n\nYour reference is (( UTR )).')
    expect(parsed.placeholders.map((p) => [p.name, p.key, p.start, p.end, p.line, p.column])).toEqual([
      ['customer_name', 'customername', 5, 22, 1, 6],
      ['UTR', 'utr', 43, 52, 3, 19],
    ])
    expect(parsed.issues).toEqual([])
  })

  it('parses optional content whose text holds placeholders', () => {
    const parsed = parseContent('Hi. ((has_debt??You owe ((amount)) for ((tax_year)).)) Bye.')
    expect(parsed.optionals).toHaveLength(1)
    const optional = parsed.optionals[0]!
    expect(optional.flag).toBe('has_debt')
    expect(optional.key).toBe('hasdebt')
    expect(parsed.source.slice(optional.flagStart, optional.flagStart + optional.flag.length)).toBe('has_debt')
    expect(parsed.placeholders.map((p) => [p.name, p.enclosingFlags])).toEqual([
      ['amount', ['has_debt']],
      ['tax_year', ['has_debt']],
    ])
    expect(optional.children.map((c) => c.kind)).toEqual(['text', 'placeholder', 'text', 'placeholder', 'text'])
  })

  it('nests optional content inside optional content', () => {
    const parsed = parseContent('((a??x ((b??y ((utr))))))')
    expect(parsed.issues).toEqual([])
    expect(parsed.placeholders[0]!.enclosingFlags).toEqual(['a', 'b'])
    expect(parsed.optionals.map((o) => o.flag)).toEqual(['a', 'b'])
  })

  it('keeps single brackets in optional content balanced', () => {
    const parsed = parseContent('((has_agent??(or your agent))) next')
    expect(parsed.issues).toEqual([])
    expect(parsed.optionals[0]!.children).toEqual([{ kind: 'text', text: '(or your agent)', start: 13, end: 28 }])
    expect(parsed.nodes.at(-1)).toMatchObject({ kind: 'text', text: ' next' })
  })

  it('reads brackets around a placeholder as text', () => {
    const parsed = parseContent('(see ((reference))) and (((utr)))')
    expect(parsed.placeholders.map((p) => p.raw)).toEqual(['((reference))', '((utr))'])
    expect(parsed.nodes.filter((n) => n.kind === 'text').map((n) => (n as { text: string }).text)).toEqual(['(see ', ') and (', ')'])
  })

  it('reports an unclosed (( and keeps the text', () => {
    const parsed = parseContent('Dear ((customer_name,\nthanks ((date))')
    expect(parsed.issues).toMatchObject([{ kind: 'unclosed', start: 5, line: 1, column: 6 }])
    expect(parsed.placeholders.map((p) => p.raw)).toEqual(['((date))'])
    expect(reassemble(parsed.nodes, parsed.source)).toBe(parsed.source)
  })

  it('reports empty placeholders and flags', () => {
    expect(parseContent('a (()) b').issues).toMatchObject([{ kind: 'empty', start: 2, end: 6 }])
    expect(parseContent('(( \t ))').issues).toMatchObject([{ kind: 'empty' }])
    expect(parseContent('((??text))').issues).toMatchObject([{ kind: 'empty-flag' }])
  })

  it('reports a placeholder inside a placeholder name, keeping the inner one', () => {
    const parsed = parseContent('((customer ((nino)) name))')
    expect(parsed.issues).toMatchObject([{ kind: 'invalid-name', start: 0 }])
    expect(parsed.placeholders.map((p) => p.name)).toEqual(['nino'])
  })

  it('reports names with brackets or line breaks', () => {
    expect(parseContent('((name (x)))').issues).toMatchObject([{ kind: 'invalid-name' }])
    expect(parseContent('((customer\nname))').issues).toMatchObject([{ kind: 'invalid-name' }])
  })

  it('treats nesting deeper than the limit as text and reports it once', () => {
    const deep = '((a??'.repeat(MAX_NESTING + 3) + 'x' + '))'.repeat(MAX_NESTING + 3)
    const parsed = parseContent(deep)
    expect(parsed.issues.filter((i) => i.kind === 'too-deep')).toHaveLength(1)
    let depth = 0
    const measure = (nodes: ContentNode[], d: number) => {
      for (const n of nodes) {
        depth = Math.max(depth, d)
        if (n.kind === 'optional') measure(n.children, d + 1)
      }
    }
    measure(parsed.nodes, 0)
    expect(depth).toBeLessThanOrEqual(MAX_NESTING)
  })

  it('handles an empty body', () => {
    const parsed = parseContent('')
    expect(parsed.nodes).toEqual([])
    expect(parsed.placeholders).toEqual([])
    expect(parsed.issues).toEqual([])
  })

  it('counts \\r\\n as one line break', () => {
    const parsed = parseContent('a\r\nb\r\n((date))')
    expect(parsed.placeholders[0]).toMatchObject({ line: 3, column: 1 })
  })

  it.each([
    ['many unclosed openers', '(('.repeat(100_000)],
    ['many openers with text', '((a '.repeat(50_000)],
    ['many closers', '))'.repeat(100_000)],
    ['alternating brackets', '(()'.repeat(66_666)],
    ['many placeholders', '((customer_name)) '.repeat(11_000)],
    ['many optional blocks', '((a??((b??x))))'.repeat(13_000)],
    ['deep nesting', '((a??'.repeat(40_000)],
    ['a long unclosed name', '((' + 'x'.repeat(199_998)],
  ])('parses 200,000 characters of %s', (_, body) => {
    // Not a performance budget (those live in bench/): quadratic behaviour here would take minutes and hit the
    // test timeout, which is what this guards against.
    const parsed = parseContent(body)
    expect(parsed.source.length).toBeGreaterThan(150_000)
    expect(parsed.issues.length + parsed.placeholders.length + parsed.nodes.length).toBeGreaterThan(0)
  })

  it('is total: any string parses, and the tree covers the text in order', () => {
    const alphabet = fc.constantFrom('(', ')', '?', 'a', 'B', ' ', '\n', '_', '((', '))', '??', '((nino))')
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((parts) => parts.join('')), (text) => {
        const parsed = parseContent(text)
        let last = 0
        walkNodes(parsed.nodes, (node) => {
          expect(node.start).toBeGreaterThanOrEqual(last)
          expect(node.end).toBeLessThanOrEqual(text.length)
          if (node.kind !== 'optional') last = node.end
          else last = node.start
        })
        for (const p of parsed.placeholders) expect(text.slice(p.start, p.end)).toBe(p.raw)
        for (const issue of parsed.issues) expect(issue.start).toBeLessThan(issue.end)
      }),
      { seed: 20270601, numRuns: 2000 },
    )
  })

  it('never throws on arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        parseContent(text)
      }),
      { seed: 7, numRuns: 1000 },
    )
  })
})
