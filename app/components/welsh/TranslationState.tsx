import { formatDate, formatDateTime } from '~/campaign/options'
import type { FieldDiff } from '~/content/diff'
import { FieldDiffs } from '~/components/history/FieldDiffs'
import { Tag, WarningText } from '~/components/govuk'

export type WelshState = 'missing' | 'current' | 'out-of-date'

const TAGS: Record<WelshState, { text: string; colour: 'grey' | 'green' | 'orange' }> = {
  missing: { text: 'Not translated', colour: 'grey' },
  current: { text: 'Up to date', colour: 'green' },
  'out-of-date': { text: 'Out of date', colour: 'orange' },
}

export function TranslationTag({ state }: { state: WelshState }) {
  return <Tag text={TAGS[state].text} colour={TAGS[state].colour} />
}

/** Where the Welsh version stands, in a sentence: which English version it translates, who saved it, any request. */
export function TranslationSummary({
  state,
  englishVersion,
  translation,
  request,
  today,
}: {
  state: WelshState
  englishVersion: number
  translation: { version: number; translatesVersion: number; translatedBy: string | null; updatedAt: string } | null
  request: { neededBy: string; requestedBy: string } | null
  today: string
}) {
  return (
    <div id="translation-state">
      <p className="govuk-body">
        <TranslationTag state={state} />{' '}
        {state === 'missing'
          ? 'There is no Welsh version yet.'
          : state === 'current'
            ? `The Welsh translates the English as it is now (English version ${englishVersion}).`
            : `The Welsh translates English version ${translation!.translatesVersion}; the English is now version ${englishVersion}, and its text has changed.`}
        {translation ? ` Welsh version ${translation.version}, saved ${translation.translatedBy ? `by ${translation.translatedBy} ` : ''}on ${formatDateTime(translation.updatedAt)}.` : null}
      </p>
      {state === 'out-of-date' ? (
        <WarningText text="The campaign cannot launch until the Welsh is brought up to date and Welsh Language Services approves it again." />
      ) : null}
      {request ? (
        <p className="govuk-body" id="translation-request">
          {request.requestedBy} asked for a translation by {formatDate(request.neededBy)}.
          {request.neededBy < today ? <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-1">Overdue</strong> : null}
        </p>
      ) : null}
    </div>
  )
}

/** What changed in the English since the Welsh was translated: the translator changes only this. */
export function EnglishChanges({ diffs, translatesVersion, englishVersion }: { diffs: FieldDiff[]; translatesVersion: number; englishVersion: number }) {
  return (
    <section id="english-changes" aria-labelledby="english-changes-heading">
      <h2 className="govuk-heading-m" id="english-changes-heading">
        What changed in the English since it was translated
      </h2>
      <p className="govuk-body">
        On the left, English version {translatesVersion}, which the Welsh translates; on the right, the English now (version {englishVersion}). Removed
        text is struck through on a red background; added text is on a green background. Change the Welsh to match, then save it.
      </p>
      <FieldDiffs diffs={diffs} leftLabel={`English version ${translatesVersion}`} rightLabel={`English now (version ${englishVersion})`} />
    </section>
  )
}
