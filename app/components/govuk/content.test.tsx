import { describe, expect, it } from 'vitest'
import { attr, classList, render, textOf } from './test-support/dom'
import './test-support/no-console-errors'
import {
  Button,
  Details,
  InsetText,
  NotificationBanner,
  Panel,
  PhaseBanner,
  SummaryList,
  Table,
  Tabs,
  Tag,
  TaskList,
  WarningText,
} from './index'

describe('TaskList', () => {
  const page = render(
    <TaskList
      items={[
        { title: { text: 'Write the campaign brief' }, href: '/brief', status: { text: 'Completed' } },
        {
          title: { text: 'Add messages' },
          hint: { text: 'Text message and email' },
          href: '/messages',
          status: { tag: { text: 'In progress', colour: 'blue' } },
        },
        {
          title: { text: 'Send for sign-off' },
          href: '/sign-off',
          cannotStartYet: true,
        },
      ]}
    />,
  )
  const items = page.all('li.govuk-task-list__item')

  it('describes each task link by its hint and status, and those ids exist', () => {
    expect(page.all('a.govuk-task-list__link').map((a) => [attr(a, 'href'), attr(a, 'aria-describedby')])).toEqual([
      ['/brief', 'task-list-1-status'],
      ['/messages', 'task-list-2-hint task-list-2-status'],
    ])
    expect(page.text('#task-list-1-status')).toBe('Completed')
    expect(page.text('#task-list-2-hint.govuk-task-list__hint')).toBe('Text message and email')
    expect(classList(page.one('#task-list-2-status strong'))).toEqual(['govuk-tag', 'govuk-tag--blue'])
  })

  it('does not link a task that cannot start yet, and greys its status', () => {
    const blocked = items[2]!
    expect(classList(blocked)).toEqual(['govuk-task-list__item'])
    expect(page.has('li a[href="/sign-off"]')).toBe(false)
    const status = page.one('#task-list-3-status')
    expect(classList(status)).toEqual(['govuk-task-list__status', 'govuk-task-list__status--cannot-start-yet'])
    expect(textOf(status)).toBe('Cannot start yet')
  })

  it('marks linked items so the whole row is clickable', () => {
    expect(items.map((item) => classList(item).includes('govuk-task-list__item--with-link'))).toEqual([true, true, false])
  })

  it('uses idPrefix for the ids of several lists on a page', () => {
    const second = render(<TaskList idPrefix="wave-2" items={[{ title: { text: 'Plan staffing' }, href: '/s', status: { text: 'Completed' } }]} />)
    expect(attr(second.one('a'), 'aria-describedby')).toBe('wave-2-1-status')
    expect(second.has('#wave-2-1-status')).toBe(true)
  })
})

describe('Tag', () => {
  it('adds the colour modifier', () => {
    expect(classList(render(<Tag text="Not started" colour="grey" />).one('strong'))).toEqual(['govuk-tag', 'govuk-tag--grey'])
    expect(classList(render(<Tag text="Active" />).one('strong'))).toEqual(['govuk-tag'])
  })
})

describe('SummaryList', () => {
  it('completes each Change link for screen readers and keeps rows without actions aligned', () => {
    const page = render(
      <SummaryList
        rows={[
          { key: { text: 'Campaign name' }, value: { text: 'Winter vaccines' }, actions: { items: [{ href: '/name', text: 'Change', visuallyHiddenText: 'campaign name' }] } },
          { key: { text: 'Owner' }, value: { text: 'Sam' } },
        ]}
      />,
    )
    expect(textOf(page.one('dd.govuk-summary-list__actions a.govuk-link'))).toBe('Change campaign name')
    expect(page.text('.govuk-summary-list__actions .govuk-visually-hidden')).toBe('campaign name')
    expect(page.all('div.govuk-summary-list__row').map((row) => classList(row).includes('govuk-summary-list__row--no-actions'))).toEqual([
      false,
      true,
    ])
  })

  it('as a card, names the card in every action and uses the requested heading level', () => {
    const page = render(
      <SummaryList
        card={{
          title: { text: 'Wave 1', headingLevel: 3 },
          actions: { items: [{ href: '/wave/1/delete', text: 'Delete', visuallyHiddenText: 'wave' }] },
        }}
        rows={[{ key: { text: 'Start' }, value: { text: '1 March' }, actions: { items: [{ href: '/wave/1/start', text: 'Change', visuallyHiddenText: 'start' }] } }]}
      />,
    )
    expect(page.text('h3.govuk-summary-card__title')).toBe('Wave 1')
    expect(page.text('.govuk-summary-card__actions a')).toBe('Delete wave (Wave 1)')
    expect(page.text('.govuk-summary-list__actions a')).toBe('Change start (Wave 1)')
    expect(page.has('.govuk-summary-card .govuk-summary-card__content dl.govuk-summary-list')).toBe(true)
  })
})

describe('Table', () => {
  it('scopes column and row headers and right-aligns numbers', () => {
    const page = render(
      <Table
        caption="Calls forecast"
        captionClasses="govuk-table__caption--m"
        firstCellIsHeader
        head={[{ text: 'Week' }, { text: 'Calls', format: 'numeric' }]}
        rows={[[{ text: 'Week 1' }, { text: '1,200', format: 'numeric' }]]}
      />,
    )
    expect(page.text('caption.govuk-table__caption.govuk-table__caption--m')).toBe('Calls forecast')
    expect(page.all('thead th').map((th) => attr(th, 'scope'))).toEqual(['col', 'col'])
    expect(classList(page.all('thead th')[1]!)).toContain('govuk-table__header--numeric')
    expect(attr(page.one('tbody th'), 'scope')).toBe('row')
    expect(page.text('tbody th')).toBe('Week 1')
    expect(classList(page.one('tbody td'))).toEqual(['govuk-table__cell', 'govuk-table__cell--numeric'])
  })
})

describe('Button', () => {
  it('submits by default and says which button was pressed through name and value', () => {
    const button = render(<Button text="Save and continue" name="intent" value="save" preventDoubleClick />).one('button')
    expect([attr(button, 'type'), attr(button, 'name'), attr(button, 'value')]).toEqual(['submit', 'intent', 'save'])
    expect(attr(button, 'data-module')).toBe('govuk-button')
    expect(attr(button, 'data-prevent-double-click')).toBe('true')
  })

  it('offers secondary and warning variants, and disables accessibly', () => {
    expect(classList(render(<Button text="Cancel" variant="secondary" />).one('button'))).toEqual(['govuk-button', 'govuk-button--secondary'])
    const warning = render(<Button text="Delete campaign" variant="warning" disabled />).one('button')
    expect(classList(warning)).toEqual(['govuk-button', 'govuk-button--warning'])
    expect([attr(warning, 'disabled'), attr(warning, 'aria-disabled')]).toEqual(['', 'true'])
  })

  it('renders a link styled as a button when given href', () => {
    const link = render(<Button text="Start now" href="/start" isStartButton />).one('a')
    expect([attr(link, 'role'), attr(link, 'draggable'), attr(link, 'href')]).toEqual(['button', 'false', '/start'])
    expect(classList(link)).toEqual(['govuk-button', 'govuk-button--start'])
    expect(attr(render(<Button text="Start now" href="/start" isStartButton />).one('svg'), 'aria-hidden')).toBe('true')
  })
})

describe('NotificationBanner', () => {
  it('is a labelled region by default', () => {
    const page = render(<NotificationBanner text="Sign-off is due on Friday" />)
    const banner = page.one('div.govuk-notification-banner')
    expect(attr(banner, 'role')).toBe('region')
    expect(attr(banner, 'aria-labelledby')).toBe('govuk-notification-banner-title')
    expect(page.text('h2#govuk-notification-banner-title')).toBe('Important')
    expect(page.text('p.govuk-notification-banner__heading')).toBe('Sign-off is due on Friday')
  })

  it('is an alert titled Success for success messages', () => {
    const page = render(<NotificationBanner type="success" text="Campaign saved" />)
    const banner = page.one('div.govuk-notification-banner')
    expect(attr(banner, 'role')).toBe('alert')
    expect(classList(banner)).toContain('govuk-notification-banner--success')
    expect(page.text('.govuk-notification-banner__title')).toBe('Success')
  })
})

describe('Tabs', () => {
  it('renders every panel, linked from the list, so all content shows without JavaScript', () => {
    const page = render(
      <Tabs
        items={[
          { id: 'forecast', label: 'Forecast', panel: { text: 'Calls by week' } },
          { id: 'staffing', label: 'Staffing', panel: { html: <table /> } },
        ]}
      />,
    )
    expect(page.all('a.govuk-tabs__tab').map((a) => attr(a, 'href'))).toEqual(['#forecast', '#staffing'])
    expect(page.all('div.govuk-tabs__panel').map((panel) => attr(panel, 'id'))).toEqual(['forecast', 'staffing'])
    expect(classList(page.one('#staffing'))).toContain('govuk-tabs__panel--hidden')
    expect(classList(page.all('li.govuk-tabs__list-item')[0]!)).toContain('govuk-tabs__list-item--selected')
    expect(attr(page.one('div.govuk-tabs'), 'data-module')).toBe('govuk-tabs')
    expect(page.text('#forecast p.govuk-body')).toBe('Calls by week')
  })
})

describe('simple content', () => {
  it('Details puts the summary in the summary element and can start open', () => {
    const page = render(<Details summaryText="How forecasts work" open>Erlang C</Details>)
    expect(page.text('summary.govuk-details__summary span.govuk-details__summary-text')).toBe('How forecasts work')
    expect(attr(page.one('details'), 'open')).toBe('')
    expect(page.text('.govuk-details__text')).toBe('Erlang C')
  })

  it('WarningText reads "Warning" before the text, not the icon', () => {
    const page = render(<WarningText text="This will notify 40,000 people" />)
    expect(attr(page.one('.govuk-warning-text__icon'), 'aria-hidden')).toBe('true')
    expect(page.text('strong.govuk-warning-text__text')).toBe('Warning This will notify 40,000 people')
  })

  it('Panel is a confirmation with an h1 by default', () => {
    const page = render(<Panel titleText="Campaign signed off" text="Reference: OTM-42" />)
    expect(classList(page.one('div.govuk-panel'))).toEqual(['govuk-panel', 'govuk-panel--confirmation'])
    expect(page.text('h1.govuk-panel__title')).toBe('Campaign signed off')
    expect(page.text('.govuk-panel__body')).toBe('Reference: OTM-42')
  })

  it('InsetText and PhaseBanner wrap their content', () => {
    expect(render(<InsetText>Figures are estimates</InsetText>).text('div.govuk-inset-text')).toBe('Figures are estimates')
    const banner = render(<PhaseBanner tag={{ text: 'Beta' }} text="This is a new service" />)
    expect(banner.text('.govuk-phase-banner__content')).toBe('Beta This is a new service')
    expect(classList(banner.one('strong'))).toEqual(['govuk-tag', 'govuk-phase-banner__content__tag'])
  })
})
