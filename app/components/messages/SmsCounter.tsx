import { useEffect, useState } from 'react'
import { smsLength, type SmsLength } from '~/content/sms'
import { formatNumber } from '~/campaign/options'

const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`

/** One sentence about the length, the same in the browser and on the server because both run `smsLength`. */
export function smsLengthSummary(length: SmsLength): string {
  const encoding = length.encoding === 'GSM-7' ? 'GSM' : 'Unicode (UCS-2)'
  const count = `${plural(length.characters, 'character', 'characters')} in ${encoding}`
  if (length.fragments === 0) return `${count}: the text message is empty`
  if (length.fragments === 1) {
    return `${count}: 1 text message, with room for ${plural(length.remainingInFragment, 'more character', 'more characters')}`
  }
  return `${count}: ${plural(length.fragments, 'text message', 'text messages')} of up to ${length.perFragment} characters each`
}

/**
 * The length, and each character that forces Unicode, named, with what could replace it. In Welsh text the letters of
 * Welsh spelling are expected: they are named together, and never offered a replacement.
 */
export function SmsLengthDescription({ length, language = 'en' }: { length: SmsLength; language?: 'en' | 'cy' }) {
  const seen = new Set<string>()
  const all = length.nonGsm.filter((c) => (seen.has(c.char) ? false : (seen.add(c.char), true)))
  const welshLetters = language === 'cy' ? all.filter((c) => c.welsh) : []
  const unique = language === 'cy' ? all.filter((c) => !c.welsh) : all
  return (
    <>
      <p className="govuk-body govuk-!-margin-bottom-2 app-sms-count__summary">{smsLengthSummary(length)}.</p>
      {language === 'cy' ? (
        <p className="govuk-body-s govuk-!-margin-bottom-1 app-sms-count__welsh">
          {welshLetters.length > 0 ? (
            <>
              The Welsh letters{' '}
              <span lang="cy">{welshLetters.map((c) => c.char).join(' ')}</span> are not in the GSM alphabet, so GOV.UK Notify sends this
              text message in Unicode: each text message holds 70 characters, or 67 when there is more than one. Keep them: they are part of
              the Welsh spelling.
            </>
          ) : (
            <>
              A Welsh letter outside the GSM alphabet, such as ŵ, ŷ, â, ê, î, ô or û, makes GOV.UK Notify send the text message in Unicode:
              70 characters each, or 67 when there is more than one.
            </>
          )}
        </p>
      ) : null}
      {unique.length > 0 ? (
        <div className="app-sms-count__non-gsm">
          <p className="govuk-body-s govuk-!-margin-bottom-1">
            {unique.length === 1 ? 'This character is' : 'These characters are'} not in the GSM alphabet, so each text message holds 70
            characters (67 when there is more than one) instead of 160 (153):
          </p>
          <ul className="govuk-list govuk-list--bullet govuk-body-s">
            {unique.slice(0, 20).map((c) => (
              <li key={c.char}>
                {c.name}
                {c.suggestion === undefined ? null : c.suggestion === '' ? ': delete it' : `: replace it with ${c.suggestion}`}
              </li>
            ))}
            {unique.length > 20 ? <li>and {plural(unique.length - 20, 'other', 'others')}</li> : null}
          </ul>
        </div>
      ) : null}
    </>
  )
}

/**
 * The count under an SMS body. The server renders the count of the text it has (the no-JavaScript answer); in the
 * browser it follows every keystroke on screen, but tells screen readers only once the typing pauses, so they are
 * not interrupted on every character.
 */
export function SmsCounter({ textareaId, initialText, language = 'en' }: { textareaId: string; initialText: string; language?: 'en' | 'cy' }) {
  const [text, setText] = useState(initialText)
  const [announcement, setAnnouncement] = useState('')
  useEffect(() => {
    const textarea = document.getElementById(textareaId)
    if (!(textarea instanceof HTMLTextAreaElement)) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const update = () => {
      setText(textarea.value)
      clearTimeout(timer)
      timer = setTimeout(() => setAnnouncement(smsLengthSummary(smsLength(textarea.value))), 1000)
    }
    setText(textarea.value)
    textarea.addEventListener('input', update)
    return () => {
      textarea.removeEventListener('input', update)
      clearTimeout(timer)
    }
  }, [textareaId])
  return (
    <div className="app-sms-count" id={`${textareaId}-sms-count`} data-testid="sms-count">
      <SmsLengthDescription length={smsLength(text)} language={language} />
      <div className="govuk-visually-hidden" aria-live="polite">
        {announcement}
      </div>
    </div>
  )
}
