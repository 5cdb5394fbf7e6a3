import { describe, expect, it } from 'vitest'
import { attr, classList, render, textOf } from './test-support/dom'
import './test-support/no-console-errors'
import { BackLink, Breadcrumbs, Footer, Header, Pagination, ServiceNavigation, SkipLink } from './index'

describe('SkipLink', () => {
  it('jumps to the main content', () => {
    const link = render(<SkipLink text="Skip to main content" />).one('a.govuk-skip-link')
    expect(attr(link, 'href')).toBe('#content')
    expect(attr(link, 'data-module')).toBe('govuk-skip-link')
  })
})

describe('Header', () => {
  it('links the crown logo home, labelled GOV.UK, and carries no service name', () => {
    const page = render(<Header />)
    expect(attr(page.one('a.govuk-header__homepage-link'), 'href')).toBe('/')
    const logo = page.one('svg.govuk-header__logotype')
    expect(attr(logo, 'aria-label')).toBe('GOV.UK')
    expect(attr(logo, 'role')).toBe('img')
    expect(page.text()).toBe('GOV.UK')
  })
})

describe('ServiceNavigation', () => {
  const nav = (navigation: Parameters<typeof ServiceNavigation>[0]['navigation']) =>
    render(<ServiceNavigation serviceName="OTM Campaign Planner" serviceUrl="/" navigation={navigation} />)

  it('is a labelled landmark holding the service name', () => {
    const page = nav([{ href: '/campaigns', text: 'Campaigns' }])
    expect(attr(page.one('section.govuk-service-navigation'), 'aria-label')).toBe('Service information')
    expect(attr(page.one('section'), 'data-module')).toBe('govuk-service-navigation')
    const name = page.one('.govuk-service-navigation__service-name a')
    expect([attr(name, 'href'), textOf(name)]).toEqual(['/', 'OTM Campaign Planner'])
  })

  it('marks the current page with aria-current="page", a section with "true", and nothing else', () => {
    const page = nav([
      { href: '/campaigns', text: 'Campaigns', active: true },
      { href: '/campaigns/new', text: 'New campaign', current: true },
      { href: '/helplines', text: 'Helplines' },
    ])
    const links = page.all('li a.govuk-service-navigation__link')
    expect(links.map((a) => [attr(a, 'href'), attr(a, 'aria-current')])).toEqual([
      ['/campaigns', 'true'],
      ['/campaigns/new', 'page'],
      ['/helplines', undefined],
    ])
    expect(page.all('li.govuk-service-navigation__item--active')).toHaveLength(2)
    expect(page.all('strong.govuk-service-navigation__active-fallback').map(textOf)).toEqual(['Campaigns', 'New campaign'])
  })

  it('shows the list without JavaScript: the Menu toggle is hidden until govuk-frontend reveals it', () => {
    const page = nav([
      { href: '/campaigns', text: 'Campaigns' },
      { href: '/helplines', text: 'Helplines' },
    ])
    const toggle = page.one('button.govuk-service-navigation__toggle')
    expect(attr(toggle, 'hidden')).toBe('')
    expect(attr(toggle, 'aria-controls')).toBe('navigation')
    const list = page.one('ul#navigation')
    expect(attr(list, 'hidden')).toBeUndefined()
    expect(attr(page.one('nav'), 'aria-label')).toBe('Menu')
  })

  it('has no toggle for a single item', () => {
    expect(nav([{ href: '/campaigns', text: 'Campaigns' }]).has('button')).toBe(false)
  })
})

describe('Footer', () => {
  it('keeps the Open Government Licence and Crown copyright wording and links', () => {
    const page = render(<Footer />)
    expect(page.text('.govuk-footer__licence-description')).toBe(
      'All content is available under the Open Government Licence v3.0, except where otherwise stated',
    )
    expect(attr(page.one('a[rel="license"]'), 'href')).toBe(
      'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
    )
    expect(page.text('a.govuk-footer__copyright-logo')).toBe('© Crown copyright')
    expect(attr(page.one('svg.govuk-footer__crown'), 'role')).toBe('presentation')
  })

  it('drops the licence when told to and lists support links under a hidden heading', () => {
    const page = render(
      <Footer contentLicence={null} meta={{ items: [{ href: '/accessibility', text: 'Accessibility statement' }] }} />,
    )
    expect(page.has('.govuk-footer__licence-description')).toBe(false)
    expect(page.text('h2.govuk-visually-hidden')).toBe('Support links')
    expect(attr(page.one('.govuk-footer__inline-list a'), 'href')).toBe('/accessibility')
  })
})

describe('BackLink', () => {
  it('is a plain link that says Back', () => {
    const link = render(<BackLink href="/campaigns" />).one('a.govuk-back-link')
    expect([attr(link, 'href'), textOf(link)]).toEqual(['/campaigns', 'Back'])
  })
})

describe('Breadcrumbs', () => {
  it('links ancestors and marks the current page, which has no link', () => {
    const page = render(
      <Breadcrumbs items={[{ text: 'Campaigns', href: '/campaigns' }, { text: 'Winter vaccines' }]} />,
    )
    expect(attr(page.one('nav'), 'aria-label')).toBe('Breadcrumb')
    expect(page.all('li a').map(textOf)).toEqual(['Campaigns'])
    expect(textOf(page.one('li[aria-current="page"]'))).toBe('Winter vaccines')
  })
})

describe('Pagination', () => {
  it('numbers pages with "Page N" labels, marks the current one, and shows gaps as an ellipsis', () => {
    const page = render(
      <Pagination
        previous={{ href: '?page=4' }}
        next={{ href: '?page=6' }}
        items={[
          { number: 1, href: '?page=1' },
          { ellipsis: true },
          { number: 4, href: '?page=4' },
          { number: 5, href: '?page=5', current: true },
          { number: 6, href: '?page=6' },
        ]}
      />,
    )
    expect(attr(page.one('nav.govuk-pagination'), 'aria-label')).toBe('Pagination')
    expect(page.all('li a').map((a) => [textOf(a), attr(a, 'aria-label'), attr(a, 'aria-current')])).toEqual([
      ['1', 'Page 1', undefined],
      ['4', 'Page 4', undefined],
      ['5', 'Page 5', 'page'],
      ['6', 'Page 6', undefined],
    ])
    expect(classList(page.one('li.govuk-pagination__item--current'))).toContain('govuk-pagination__item')
    expect(textOf(page.one('li.govuk-pagination__item--ellipsis'))).toBe('\u22EF')
    expect(page.has('li.govuk-pagination__item--ellipsis a')).toBe(false)
    expect(textOf(page.one('a[rel="prev"]'))).toBe('Previous page')
    expect(textOf(page.one('a[rel="next"]'))).toBe('Next page')
  })

  it('stacks previous and next as blocks, with labels, when there are no numbered pages', () => {
    const page = render(<Pagination next={{ href: '/step-3', labelText: 'Check your answers' }} />)
    expect(classList(page.one('nav'))).toContain('govuk-pagination--block')
    expect(textOf(page.one('a[rel="next"]'))).toBe('Next page: Check your answers')
  })
})
