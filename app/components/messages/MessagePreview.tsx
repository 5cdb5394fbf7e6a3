import { Fragment } from 'react'
import { isReferenceType, sampleValues } from '~/content/fields'
import { renderAddressBlock, renderContent, type RenderedSegment } from '~/content/render'
import { POSTAGE_LABELS, type Channel, type PostageClass } from '~/content/rules'
import { smsLength } from '~/content/sms'
import { SmsLengthDescription } from './SmsCounter'

export interface PreviewableMessage {
  channel: Channel
  name: string
  referenceType: string
  subject: string | null
  body: string
  addressBlock: string | null
  postage: string | null
  deadlineDays: number | null
}

/**
 * Every part is rendered as text nodes, never as HTML: a body holding `<script>` shows those characters. Filled
 * placeholders are marked on screen (not in print) so the designer can tell sample data from their own words.
 */
export function Segments({ segments }: { segments: RenderedSegment[] }) {
  return (
    <>
      {segments.map((segment, index) => {
        if (segment.kind === 'text') return <Fragment key={index}>{segment.text}</Fragment>
        if (segment.kind === 'value') {
          return (
            <span key={index} className="app-preview__value" title={`((${segment.placeholder}))`}>
              {segment.text}
            </span>
          )
        }
        return (
          <span key={index} className="app-preview__unfilled">
            {segment.text}
            <span className="govuk-visually-hidden">{segment.kind === 'unknown' ? ' (not in the mailing data)' : ' (no sample value)'}</span>
          </span>
        )
      })}
    </>
  )
}

function previewOptions(message: PreviewableMessage, extraFields: readonly string[]) {
  const referenceType = isReferenceType(message.referenceType) ? message.referenceType : 'nino'
  return { values: sampleValues(referenceType, extraFields), extraFields }
}

/**
 * An A4 page with the address where a DL or C5 window envelope shows it, laid out in millimetres. `continued` is the
 * second language of a bilingual letter: it starts on a new page, with no address, as the envelope shows only the first.
 */
export function LetterPreview({ message, extraFields, continued = false, lang }: { message: PreviewableMessage; extraFields: readonly string[]; continued?: boolean; lang?: string }) {
  const options = previewOptions(message, extraFields)
  const address = renderAddressBlock(message.addressBlock ?? '', options)
  const body = renderContent(message.body, options)
  const date = typeof options.values.date === 'string' ? options.values.date : ''
  if (continued) {
    return (
      <div className="app-letter-scroll" tabIndex={0} role="region" aria-label="The letter, continued on another A4 page">
        <div className="app-letter app-letter--continued" lang={lang}>
          <div className="app-letter__body">
            <Segments segments={body.segments} />
          </div>
        </div>
      </div>
    )
  }
  return (
    <div className="app-letter-scroll" tabIndex={0} role="region" aria-label="The letter on an A4 page">
      <div className="app-letter" lang={lang}>
        <div className="app-letter__sender">
          <p className="app-letter__line">{lang === 'cy' ? 'Cyllid a Thollau EF' : 'HM Revenue and Customs'}</p>
          <p className="app-letter__line">BX9 1AA</p>
          <p className="app-letter__line app-letter__date">{date}</p>
        </div>
        <div className="app-letter__window" data-testid="letter-window">
          {address.length === 0 ? <p className="app-letter__line app-letter__empty">No address</p> : null}
          {address.map((line, index) => (
            <p className="app-letter__line" key={index}>
              <Segments segments={line} />
            </p>
          ))}
        </div>
        <div className="app-letter__body">
          <Segments segments={body.segments} />
        </div>
      </div>
    </div>
  )
}

export function EmailPreview({ message, extraFields, lang }: { message: PreviewableMessage; extraFields: readonly string[]; lang?: string }) {
  const options = previewOptions(message, extraFields)
  const subject = renderContent(message.subject ?? '', options)
  const body = renderContent(message.body, options)
  return (
    <div className="app-email">
      <dl className="app-email__headers">
        <div>
          <dt>From</dt>
          <dd>HM Revenue and Customs</dd>
        </div>
        <div>
          <dt>To</dt>
          <dd>{String(options.values.customer_name ?? '')}</dd>
        </div>
        <div>
          <dt>Subject</dt>
          <dd className="app-email__subject" lang={lang}>
            <Segments segments={subject.segments} />
          </dd>
        </div>
      </dl>
      <div className="app-email__body" lang={lang}>
        <Segments segments={body.segments} />
      </div>
    </div>
  )
}

export function SmsPreview({ message, extraFields, language = 'en' }: { message: PreviewableMessage; extraFields: readonly string[]; language?: 'en' | 'cy' }) {
  const lang = language === 'cy' ? 'cy' : undefined
  const options = previewOptions(message, extraFields)
  const body = renderContent(message.body, options)
  const sample = smsLength(body.text)
  return (
    <div className="app-sms">
      <div className="app-sms__bubble" lang={lang}>
        <Segments segments={body.segments} />
      </div>
      <h3 className="govuk-heading-s">Length with the sample data</h3>
      <SmsLengthDescription length={sample} language={language} />
      <p className="govuk-body-s govuk-hint">Each customer’s own data makes their text message a little longer or shorter.</p>
    </div>
  )
}

export function OnlinePreview({ message, extraFields, lang }: { message: PreviewableMessage; extraFields: readonly string[]; lang?: string }) {
  const options = previewOptions(message, extraFields)
  const body = renderContent(message.body, options)
  return (
    <div className="app-online">
      <p className="app-online__title">Message in the customer’s HMRC online account</p>
      <p className="app-online__heading">{message.name}</p>
      <div className="app-online__body" lang={lang}>
        <Segments segments={body.segments} />
      </div>
    </div>
  )
}

export function MessagePreview({ message, extraFields }: { message: PreviewableMessage; extraFields: readonly string[] }) {
  switch (message.channel) {
    case 'letter':
      return <LetterPreview message={message} extraFields={extraFields} />
    case 'email':
      return <EmailPreview message={message} extraFields={extraFields} />
    case 'sms':
      return <SmsPreview message={message} extraFields={extraFields} />
    default:
      return <OnlinePreview message={message} extraFields={extraFields} />
  }
}

export function postageText(postage: string | null): string {
  if (postage && postage in POSTAGE_LABELS) return POSTAGE_LABELS[postage as PostageClass]
  return 'No postage class'
}
