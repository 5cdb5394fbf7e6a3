import { describe, expect, it } from 'vitest'
import { normalizeHtml, parseHtml } from './html'
import { loadFixtures } from './fixtures'

describe('normalizeHtml', () => {
  it('treats indentation, attribute order and boolean attribute spelling as equal', () => {
    const nunjucks = '<div class="a  b">\n  <input type="radio" checked id="x">\n  Text\n</div>'
    const react = '<div class="a b"><input id="x" type="radio" checked=""/>Text</div>'
    expect(normalizeHtml(react)).toEqual(normalizeHtml(nunjucks))
  })

  it('still tells apart a changed class, a missing attribute, a changed word and a moved element', () => {
    const base = normalizeHtml('<p class="govuk-hint" id="n-hint">Hint text</p><input id="n">')
    expect(normalizeHtml('<p class="govuk-hint-x" id="n-hint">Hint text</p><input id="n">')).not.toEqual(base)
    expect(normalizeHtml('<p class="govuk-hint">Hint text</p><input id="n">')).not.toEqual(base)
    expect(normalizeHtml('<p class="govuk-hint" id="n-hint">Hint</p><input id="n">')).not.toEqual(base)
    expect(normalizeHtml('<p class="govuk-hint" id="n-hint">Hint text<input id="n"></p>')).not.toEqual(base)
  })

  it('decodes entities the way both renderers encode them', () => {
    expect(normalizeHtml('<p title="&#39;a&#39;">&lt;b&gt; &amp; &ctdot;</p>')).toEqual(
      normalizeHtml(`<p title="&#x27;a&#x27;">&lt;b&gt; &amp; \u22EF</p>`),
    )
  })

  it('rejects unbalanced markup rather than comparing garbage', () => {
    expect(() => parseHtml('<div><span></div>')).not.toThrow() // implicit close, as browsers do
    expect(() => parseHtml('<div></span></div>')).toThrow(/Unbalanced/)
  })

  it('parses every fixture the conformance suite compares against into something non-trivial', () => {
    for (const fixture of loadFixtures('radios')) {
      expect(normalizeHtml(fixture.html).length).toBeGreaterThan(3)
    }
  })
})
