import { describe, expect, it } from 'vitest'
import { attr, classList, render } from './test-support/dom'
import './test-support/no-console-errors'
import { Checkboxes, Radios } from './index'

describe('Radios', () => {
  const channel = (extra: Partial<Parameters<typeof Radios>[0]> = {}) =>
    render(
      <Radios
        name="channel"
        fieldset={{ legend: { text: 'Which channel?' } }}
        hint={{ text: 'Choose one' }}
        items={[
          { value: 'sms', text: 'Text message', hint: { text: 'Up to 160 characters' } },
          { value: 'email', text: 'Email', conditional: { html: <p className="govuk-body">Sender address</p> } },
          { divider: 'or' },
          { value: 'none', text: 'No message' },
        ]}
        {...extra}
      />,
    )

  it('gives the first radio the bare id, so the error summary can link to it, and numbers the rest', () => {
    const page = channel()
    expect(page.all('input').map((input) => attr(input, 'id'))).toEqual(['channel', 'channel-2', 'channel-4'])
    // The divider takes a place in the numbering, as in the template's loop.index.
    expect(page.all('label').map((label) => attr(label, 'for'))).toEqual(['channel', 'channel-2', 'channel-4'])
    expect(page.text('.govuk-radios__divider')).toBe('or')
  })

  it('describes the fieldset by hint then error; the radios carry only their own item hint', () => {
    const page = channel({ errorMessage: 'Select a channel' })
    expect(attr(page.one('fieldset'), 'aria-describedby')).toBe('channel-hint channel-error')
    expect(classList(page.one('div.govuk-form-group'))).toContain('govuk-form-group--error')
    expect(attr(page.one('input#channel'), 'aria-describedby')).toBe('channel-item-hint')
    expect(page.text('#channel-item-hint.govuk-radios__hint')).toBe('Up to 160 characters')
    expect(attr(page.one('input#channel-2'), 'aria-describedby')).toBeUndefined()
  })

  it('links a conditional reveal by data-aria-controls and hides it only while unchecked', () => {
    const unchecked = channel()
    expect(attr(unchecked.one('input#channel-2'), 'data-aria-controls')).toBe('conditional-channel-2')
    expect(classList(unchecked.one('#conditional-channel-2'))).toEqual([
      'govuk-radios__conditional',
      'govuk-radios__conditional--hidden',
    ])
    expect(attr(unchecked.one('input#channel'), 'data-aria-controls')).toBeUndefined()

    const checked = channel({ defaultValue: 'email' })
    expect(attr(checked.one('input#channel-2'), 'checked')).toBe('')
    expect(checked.all('input[checked]')).toHaveLength(1)
    expect(classList(checked.one('#conditional-channel-2'))).toEqual(['govuk-radios__conditional'])
  })

  it('lets an item opt out of matching the group value', () => {
    const page = render(
      <Radios name="x" defaultValue="a" items={[{ value: 'a', text: 'A', defaultChecked: false }, { value: 'b', text: 'B' }]} />,
    )
    expect(page.has('input[checked]')).toBe(false)
  })

  it('uses idPrefix for ids and the name for submission', () => {
    const page = render(<Radios idPrefix="wave" name="waveId" errorMessage="Select a wave" items={[{ value: '1', text: 'Wave 1' }]} />)
    expect(attr(page.one('input'), 'id')).toBe('wave')
    expect(attr(page.one('input'), 'name')).toBe('waveId')
    expect(page.has('#wave-error')).toBe(true)
  })

  it('offers inline and small variants and the govuk-radios module', () => {
    const radios = render(<Radios name="x" inline small items={[{ value: 'y', text: 'Yes' }]} />).one('div.govuk-radios')
    expect(classList(radios)).toEqual(['govuk-radios', 'govuk-radios--inline', 'govuk-radios--small'])
    expect(attr(radios, 'data-module')).toBe('govuk-radios')
  })
})

describe('Checkboxes', () => {
  const items = [
    { value: 'sms', text: 'Text message', hint: { text: 'Cheapest' } },
    { value: 'email', text: 'Email', conditional: { html: <p>Sender</p> } },
    { divider: 'or' },
    { value: 'none', text: 'None of these', behaviour: 'exclusive' as const },
  ]

  it('without a fieldset, describes every checkbox by the group hint and error, then its own hint', () => {
    const page = render(
      <Checkboxes name="channels" hint={{ text: 'Select all that apply' }} errorMessage="Select a channel" items={items} />,
    )
    expect(page.all('input').map((input) => attr(input, 'aria-describedby'))).toEqual([
      'channels-hint channels-error channels-item-hint',
      'channels-hint channels-error',
      'channels-hint channels-error',
    ])
  })

  it('with a fieldset, describes the fieldset instead and each checkbox only by its own hint', () => {
    const page = render(
      <Checkboxes
        name="channels"
        fieldset={{ legend: { text: 'Channels' } }}
        hint={{ text: 'Select all that apply' }}
        errorMessage="Select a channel"
        items={items}
      />,
    )
    expect(attr(page.one('fieldset'), 'aria-describedby')).toBe('channels-hint channels-error')
    expect(page.all('input').map((input) => attr(input, 'aria-describedby'))).toEqual([
      'channels-item-hint',
      undefined,
      undefined,
    ])
  })

  it('marks the exclusive "None" option for govuk-frontend, after an "or" divider', () => {
    const page = render(<Checkboxes name="channels" items={items} />)
    expect(attr(page.one('input#channels-4'), 'data-behaviour')).toBe('exclusive')
    expect(page.all('[data-behaviour]')).toHaveLength(1)
    expect(page.text('.govuk-checkboxes__divider')).toBe('or')
  })

  it('re-renders several checked values and reveals their conditional content', () => {
    const page = render(<Checkboxes name="channels" items={items} defaultValues={['sms', 'email']} />)
    expect(page.all('input[checked]').map((input) => attr(input, 'value'))).toEqual(['sms', 'email'])
    expect(attr(page.one('input#channels-2'), 'data-aria-controls')).toBe('conditional-channels-2')
    expect(classList(page.one('#conditional-channels-2'))).toEqual(['govuk-checkboxes__conditional'])
  })

  it('hides conditional content of an unchecked box (for when govuk-frontend is running)', () => {
    const page = render(<Checkboxes name="channels" items={items} />)
    expect(classList(page.one('#conditional-channels-2'))).toContain('govuk-checkboxes__conditional--hidden')
  })
})
