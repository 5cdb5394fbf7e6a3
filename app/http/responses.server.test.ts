import { describe, expect, it } from 'vitest'
import { safeRedirectPath } from './responses.server'

describe('the path to go back to after signing in', () => {
  it('keeps a path on this site, with its query and fragment', () => {
    expect(safeRedirectPath('/campaigns/OTM-2027-001/messages?tab=2#top')).toBe('/campaigns/OTM-2027-001/messages?tab=2#top')
    expect(safeRedirectPath('/')).toBe('/')
  })

  it('never leaves the site, however the target is written', () => {
    const hostile = [
      '//evil.example/phish',
      '/\t/evil.example/phish',
      '/\n/evil.example',
      '/\r\n/evil.example',
      '/ /evil.example',
      '/\\evil.example',
      '/\\/evil.example',
      '\\\\evil.example',
      '/.//evil.example',
      '/..//evil.example',
      '/x/..//evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      'evil.example',
      '/\u0000/evil.example',
      '/\u00a0/evil.example',
      '/\u2028/evil.example',
      '',
      null,
      undefined,
    ]
    for (const target of hostile) expect(safeRedirectPath(target), JSON.stringify(target)).toBe('/')
  })

  it('percent-encodes what it keeps, so it is always a valid Location header', () => {
    expect(safeRedirectPath('/\u3002evil')).toBe('/%E3%80%82evil')
    expect(() => new Headers({ Location: safeRedirectPath('/\u3002evil') })).not.toThrow()
    expect(safeRedirectPath('/caf\u00e9?q=\u00e9')).toBe('/caf%C3%A9?q=%C3%A9')
    // A header splitting attempt is refused, not encoded.
    expect(safeRedirectPath('/\r\nSet-Cookie: x=1')).toBe('/')
  })
})
