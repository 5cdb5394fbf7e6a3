import { describe, expect, it } from 'vitest'
import { attr, classList, render } from './test-support/dom'
import './test-support/no-console-errors'
import {
  CharacterCount,
  ErrorMessage,
  Fieldset,
  FileUpload,
  Input,
  Label,
  PasswordInput,
  Select,
  Textarea,
} from './index'
import { errorId, hintId } from './shared'

describe('id helpers', () => {
  it('follow GOV.UK naming', () => {
    expect(hintId('campaign-name')).toBe('campaign-name-hint')
    expect(errorId('campaign-name')).toBe('campaign-name-error')
  })
})

describe('ErrorMessage', () => {
  it('is read as "Error: …" with the prefix visually hidden', () => {
    const page = render(<ErrorMessage id="name-error" text="Enter a campaign name" />)
    expect(page.one('p.govuk-error-message#name-error')).toBeTruthy()
    expect(page.text('span.govuk-visually-hidden')).toBe('Error:')
    expect(page.text()).toBe('Error: Enter a campaign name')
  })
})

describe('Label', () => {
  it('points at its control', () => {
    expect(attr(render(<Label text="Name" htmlFor="name" />).one('label'), 'for')).toBe('name')
  })

  it('wraps in a single h1 when it is the page heading', () => {
    const page = render(<Label text="What is the campaign called?" htmlFor="name" isPageHeading />)
    expect(page.one('h1.govuk-label-wrapper label.govuk-label').attributes).toContainEqual(['for', 'name'])
  })

  it('renders nothing without text', () => {
    expect(render(<Label text="" htmlFor="x" />).html).toBe('')
  })
})

describe('Fieldset', () => {
  it('puts the legend in an h1 when it is the page heading', () => {
    const page = render(
      <Fieldset describedBy="when-hint" legend={{ text: 'When does it start?', isPageHeading: true }}>
        <p>content</p>
      </Fieldset>,
    )
    expect(attr(page.one('fieldset'), 'aria-describedby')).toBe('when-hint')
    expect(page.text('legend.govuk-fieldset__legend h1.govuk-fieldset__heading')).toBe('When does it start?')
    expect(page.text('fieldset p')).toBe('content')
  })
})

describe('Input', () => {
  it('labels the input by name when no id is given', () => {
    const page = render(<Input name="campaignName" label={{ text: 'Campaign name' }} />)
    expect(attr(page.one('label'), 'for')).toBe('campaignName')
    expect(attr(page.one('input'), 'id')).toBe('campaignName')
    expect(attr(page.one('input'), 'type')).toBe('text')
    expect(attr(page.one('input'), 'aria-describedby')).toBeUndefined()
  })

  it('describes the input by the hint, then the error, exactly as the template orders them', () => {
    const page = render(
      <Input
        id="budget"
        name="budget"
        label={{ text: 'Budget' }}
        hint={{ text: 'In pounds' }}
        errorMessage="Enter a budget"
        describedBy="budget-guidance"
      />,
    )
    expect(attr(page.one('input'), 'aria-describedby')).toBe('budget-guidance budget-hint budget-error')
    expect(page.text('#budget-hint')).toBe('In pounds')
    expect(page.text('#budget-error')).toBe('Error: Enter a budget')
    // The hint and error come before the input, as the template renders them.
    expect(page.html.indexOf('budget-hint"')).toBeLessThan(page.html.indexOf('budget-error"'))
    expect(page.html.indexOf('budget-error"')).toBeLessThan(page.html.indexOf('<input'))
  })

  it('marks the input and its form group in error, and re-renders what the user typed', () => {
    const page = render(
      <Input name="reach" label={{ text: 'Reach' }} errorMessage="Reach must be a whole number" defaultValue="12.5" />,
    )
    expect(classList(page.one('div.govuk-form-group'))).toContain('govuk-form-group--error')
    expect(classList(page.one('input'))).toContain('govuk-input--error')
    expect(attr(page.one('input'), 'value')).toBe('12.5')
  })

  it('has no error styling or error id without an error', () => {
    const page = render(<Input name="reach" label={{ text: 'Reach' }} errorMessage="" hint={{ text: 'People' }} />)
    expect(page.has('.govuk-form-group--error')).toBe(false)
    expect(page.has('.govuk-input--error')).toBe(false)
    expect(page.has('#reach-error')).toBe(false)
    expect(attr(page.one('input'), 'aria-describedby')).toBe('reach-hint')
  })

  it('hides prefix and suffix from screen readers inside the wrapper', () => {
    const page = render(<Input name="cost" label={{ text: 'Cost' }} prefix={{ text: '£' }} suffix={{ text: 'per item' }} />)
    expect(attr(page.one('.govuk-input__wrapper .govuk-input__prefix'), 'aria-hidden')).toBe('true')
    expect(attr(page.one('.govuk-input__wrapper .govuk-input__suffix'), 'aria-hidden')).toBe('true')
    expect(page.has('.govuk-input__wrapper input#cost')).toBe(true)
  })

  it('passes width, inputmode, autocomplete and spellcheck through', () => {
    const page = render(
      <Input
        name="postcode"
        label={{ text: 'Postcode' }}
        width={10}
        inputmode="numeric"
        autocomplete="postal-code"
        spellcheck={false}
      />,
    )
    const input = page.one('input')
    expect(classList(input)).toContain('govuk-input--width-10')
    expect(attr(input, 'inputmode')).toBe('numeric')
    expect(attr(input, 'autocomplete')).toBe('postal-code')
    expect(attr(input, 'spellcheck')).toBe('false')
    expect(classList(render(<Input name="x" label={{ text: 'X' }} width="one-half" />).one('input'))).toContain(
      'govuk-!-width-one-half',
    )
  })
})

describe('Textarea', () => {
  it('wires label, hint and error and keeps the submitted text', () => {
    const page = render(
      <Textarea
        name="lineToTake"
        label={{ text: 'Line to take' }}
        hint={{ text: 'What staff should say' }}
        errorMessage="Line to take must be 500 characters or fewer"
        defaultValue={'<b>Stay calm</b>'}
      />,
    )
    const textarea = page.one('textarea')
    expect(attr(page.one('label'), 'for')).toBe('lineToTake')
    expect(attr(textarea, 'aria-describedby')).toBe('lineToTake-hint lineToTake-error')
    expect(classList(textarea)).toEqual(['govuk-textarea', 'govuk-textarea--error'])
    expect(attr(textarea, 'rows')).toBe('5')
    expect(page.text('textarea')).toBe('<b>Stay calm</b>')
  })
})

describe('CharacterCount', () => {
  it('renders the limit for users without JavaScript and describes the textarea by it first', () => {
    const page = render(
      <CharacterCount
        name="smsText"
        maxlength={160}
        label={{ text: 'Text message' }}
        hint={{ text: 'Do not include personal data' }}
        errorMessage="Text message must be 160 characters or fewer"
      />,
    )
    const group = page.one('div.govuk-form-group')
    expect(classList(group)).toEqual(['govuk-form-group', 'govuk-form-group--error', 'govuk-character-count'])
    expect(attr(group, 'data-module')).toBe('govuk-character-count')
    expect(attr(group, 'data-maxlength')).toBe('160')
    expect(page.text('#smsText-info.govuk-character-count__message')).toBe('You can enter up to 160 characters')
    expect(attr(page.one('textarea'), 'aria-describedby')).toBe('smsText-info smsText-hint smsText-error')
    expect(classList(page.one('textarea'))).toContain('govuk-js-character-count')
  })

  it('counts words when given maxwords', () => {
    const page = render(<CharacterCount name="brief" maxwords={50} label={{ text: 'Brief' }} />)
    expect(attr(page.one('.govuk-character-count'), 'data-maxwords')).toBe('50')
    expect(page.text('#brief-info')).toBe('You can enter up to 50 words')
  })
})

describe('Select', () => {
  const items = [
    { value: '', text: 'Choose a channel' },
    { value: 'sms', text: 'Text message' },
    { value: 'email', text: 'Email' },
  ]

  it('selects the re-rendered value and wires hint and error', () => {
    const page = render(
      <Select
        name="channel"
        label={{ text: 'Channel' }}
        hint={{ text: 'How people will hear' }}
        errorMessage="Select a channel"
        items={items}
        defaultValue="email"
      />,
    )
    expect(attr(page.one('label'), 'for')).toBe('channel')
    expect(attr(page.one('select'), 'aria-describedby')).toBe('channel-hint channel-error')
    expect(classList(page.one('select'))).toContain('govuk-select--error')
    expect(page.all('option[selected]').map((o) => attr(o, 'value'))).toEqual(['email'])
  })

  it('selects nothing without a value', () => {
    expect(render(<Select name="channel" label={{ text: 'Channel' }} items={items} />).has('option[selected]')).toBe(false)
  })
})

describe('FileUpload', () => {
  it('wires hint and error to the file input', () => {
    const page = render(
      <FileUpload name="audience" label={{ text: 'Audience list' }} hint={{ text: 'CSV' }} errorMessage="Select a file" />,
    )
    const input = page.one('input[type="file"]')
    expect(attr(input, 'id')).toBe('audience')
    expect(attr(input, 'aria-describedby')).toBe('audience-hint audience-error')
    expect(classList(input)).toContain('govuk-file-upload--error')
  })
})

describe('PasswordInput', () => {
  it('is a password input whose show button stays hidden until govuk-frontend starts', () => {
    const page = render(
      <PasswordInput name="password" label={{ text: 'Password' }} hint={{ text: 'At least 12 characters' }} errorMessage="Enter your password" />,
    )
    const input = page.one('input')
    expect(attr(input, 'type')).toBe('password')
    expect(attr(input, 'autocomplete')).toBe('current-password')
    expect(attr(input, 'spellcheck')).toBe('false')
    expect(attr(input, 'aria-describedby')).toBe('password-hint password-error')
    expect(attr(page.one('.govuk-password-input'), 'data-module')).toBe('govuk-password-input')
    const toggle = page.one('button.govuk-js-password-input-toggle')
    expect(attr(toggle, 'hidden')).toBe('')
    expect(attr(toggle, 'type')).toBe('button')
    expect(attr(toggle, 'aria-controls')).toBe('password')
  })
})
