// The planner's few terms of art, each explained where a reader first meets it, in a GOV.UK Details component, so
// the page stays short for those who know them already.
import { Details } from './govuk'

/** FTE (full-time equivalent) and FTE-days. */
export function FteDaysExplained() {
  return (
    <Details summaryText="What FTE and FTE-days mean" attributes={{ 'data-explains': 'fte-days' }}>
      <p className="govuk-body">
        FTE means full-time equivalent: one person working full time, or two working half time. An FTE-day is one FTE for one day, so 30
        FTE-days could be 3 extra people for 10 days or 10 for 3 days.
      </p>
    </Details>
  )
}

/** MAPE, the error of a forecast against the calls that came. */
export function MapeExplained() {
  return (
    <Details summaryText="What the error (MAPE) means" attributes={{ 'data-explains': 'mape' }}>
      <p className="govuk-body">
        MAPE is the mean absolute percentage error. For each day with calls, it takes how far the forecast was from the calls that came, as a share
        of those calls, and averages them. 0% is a perfect forecast; 25% means the forecast was a quarter out on a typical day, too high or too low.
      </p>
    </Details>
  )
}

/** GSM, the text message alphabet, and what happens to a message with a letter outside it. */
export function GsmExplained() {
  return (
    <Details summaryText="What GSM and Unicode mean for a text message" attributes={{ 'data-explains': 'gsm' }}>
      <p className="govuk-body">
        GSM is the standard alphabet of text messages: English letters, numbers and common punctuation. A text message in GSM holds 160 characters,
        or 153 a part when it is sent in several parts. One character outside it, such as a curly apostrophe or a Welsh ŵ, makes the whole message
        Unicode, which holds 70 characters, or 67 a part, so it may cost more parts to send.
      </p>
    </Details>
  )
}
