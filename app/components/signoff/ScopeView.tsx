import { formatDate, formatNumber, formatPence } from '~/campaign/format'
import { FteDaysExplained } from '~/components/Explained'
import { NATION_LABELS, type Nation } from '~/campaign/options'
import { CALL_TYPE_LABELS, SCRIPT_SECTION_LABELS, type CallType } from '~/content/script-rules'
import { STANDARD_QUESTION_LABELS, type StandardQuestion } from '~/content/coverage'
import { REFERENCE_TYPE_LABELS } from '~/content/fields'
import { CHANNEL_LABELS, POSTAGE_LABELS } from '~/content/rules'
import type { ForecastSummaryView } from '~/signoff/display'
import type { SignOffGroup } from '~/signoff/groups'
import type {
  CustomerServicesScope,
  DebtManagementScope,
  PressOfficeScope,
  ScopeByGroup,
  ScopeLine,
  ScopeMessage,
  ScopeScript,
  WelshLanguageServicesScope,
} from '~/signoff/scopes'
import { formatShare, welshSharePercent, WELSH_LAYOUT_LABELS, type WelshLayout } from '~/welsh/translation'
import { SummaryList } from '../govuk'

const label = (labels: Record<string, string>, value: string | null) => (value === null ? '' : (labels[value] ?? value))

function Messages({ messages, withWaves }: { messages: Omit<ScopeMessage, 'waves'>[] | ScopeMessage[]; withWaves: boolean }) {
  if (messages.length === 0) return <p className="govuk-body">There are no messages.</p>
  return (
    <>
      {messages.map((m) => {
        const waves = 'waves' in m ? m.waves : []
        return (
          <div className="govuk-summary-card app-scope-message" key={m.id}>
            <div className="govuk-summary-card__title-wrapper">
              <h4 className="govuk-summary-card__title">
                {label(CHANNEL_LABELS, m.channel)}: {m.name}
              </h4>
            </div>
            <div className="govuk-summary-card__content">
              <SummaryList
                rows={[
                  { key: { text: 'Reference shown' }, value: { text: label(REFERENCE_TYPE_LABELS, m.referenceType) } },
                  m.subject !== null && { key: { text: 'Subject' }, value: { text: m.subject } },
                  m.addressBlock !== null && { key: { text: 'Address block' }, value: { text: <span className="app-preserve-lines">{m.addressBlock}</span> } },
                  m.postage !== null && { key: { text: 'Postage' }, value: { text: label(POSTAGE_LABELS, m.postage) } },
                  m.deadlineDays !== null && { key: { text: 'Action deadline' }, value: { text: `Reply within ${m.deadlineDays} days of delivery` } },
                  { key: { text: 'Text' }, value: { text: <span className="app-preserve-lines app-scope-body">{m.body}</span> } },
                  withWaves && {
                    key: { text: 'Waves' },
                    value: {
                      text: waves.length ? (
                        <ul className="govuk-list">
                          {waves.map((w, i) => (
                            <li key={i}>
                              {formatDate(w.sendDate)}: {formatNumber(w.volume)}
                            </li>
                          ))}
                          <li>
                            <strong>Total: {formatNumber(waves.reduce((sum, w) => sum + w.volume, 0))}</strong>
                          </li>
                        </ul>
                      ) : (
                        'No waves'
                      ),
                    },
                  },
                ]}
              />
            </div>
          </div>
        )
      })}
    </>
  )
}

const layoutText = (layout: string | null) => (layout ? (WELSH_LAYOUT_LABELS[layout as WelshLayout] ?? layout) : null)

/** The Welsh versions of the messages, as Customer Services signs them: the Welsh text, marked as Welsh. */
function WelshMessages({ scope }: { scope: CustomerServicesScope }) {
  const names = new Map(scope.messages.map((m) => [m.id, m]))
  return (
    <>
      {(scope.welshMessages ?? []).map((w) => {
        const english = names.get(w.id)
        return (
          <div className="govuk-summary-card app-scope-welsh-message" key={w.id}>
            <div className="govuk-summary-card__title-wrapper">
              <h4 className="govuk-summary-card__title">
                Welsh version: {english ? `${label(CHANNEL_LABELS, english.channel)}: ${english.name}` : 'a removed message'}
              </h4>
            </div>
            <div className="govuk-summary-card__content">
              <SummaryList
                rows={[
                  w.layout !== null && { key: { text: 'Layout' }, value: { text: layoutText(w.layout) } },
                  w.subject !== null && { key: { text: 'Subject' }, value: { text: <span lang="cy">{w.subject}</span> } },
                  { key: { text: 'Text' }, value: { text: <span className="app-preserve-lines app-scope-body" lang="cy">{w.body}</span> } },
                ]}
              />
            </div>
          </div>
        )
      })}
    </>
  )
}

function TranslationFlag({ current }: { current: boolean }) {
  return current ? null : (
    <p className="govuk-body govuk-!-font-weight-bold app-translation-stale">The English has changed since this was translated: the Welsh is out of date.</p>
  )
}

/** Each Welsh version beside the English as it is now, as Welsh Language Services signs them. */
function WelshScope({ scope }: { scope: WelshLanguageServicesScope }) {
  const side = (english: string | null, welsh: string | null) => [
    { key: { text: 'English' }, value: { text: <span className="app-preserve-lines">{english ?? ''}</span> } },
    { key: { text: 'Welsh' }, value: { text: <span className="app-preserve-lines" lang="cy">{welsh ?? ''}</span> } },
  ]
  return (
    <div className="app-scope" data-group="welsh-language-services">
      <h3 className="govuk-heading-m">Welsh messages</h3>
      {scope.welshMessages.length === 0 ? <p className="govuk-body">No message has a Welsh version.</p> : null}
      {scope.welshMessages.map((m) => (
        <div className="govuk-summary-card" key={m.id}>
          <div className="govuk-summary-card__title-wrapper">
            <h4 className="govuk-summary-card__title">
              {label(CHANNEL_LABELS, m.channel)}: {m.name}
            </h4>
          </div>
          <div className="govuk-summary-card__content">
            <TranslationFlag current={m.translationCurrent} />
            <SummaryList
              rows={[
                m.welsh.layout !== null && { key: { text: 'Layout' }, value: { text: layoutText(m.welsh.layout) } },
                ...(m.english.subject !== null || m.welsh.subject !== null ? side(m.english.subject, m.welsh.subject).map((r) => ({ ...r, key: { text: `${r.key.text} subject` } })) : []),
                ...side(m.english.body, m.welsh.body),
              ]}
            />
          </div>
        </div>
      ))}
      <h3 className="govuk-heading-m">Welsh lines</h3>
      {scope.welshLines.length === 0 ? <p className="govuk-body">No line has a Welsh version.</p> : null}
      {scope.welshLines.map((l) => (
        <div className="govuk-summary-card" key={l.id}>
          <div className="govuk-summary-card__title-wrapper">
            <h4 className="govuk-summary-card__title app-preserve-lines">{l.english.question}</h4>
          </div>
          <div className="govuk-summary-card__content">
            {l.standardQuestion ? (
              <p className="govuk-hint govuk-!-font-size-16">Answers “{STANDARD_QUESTION_LABELS[l.standardQuestion as StandardQuestion] ?? l.standardQuestion}”</p>
            ) : null}
            <TranslationFlag current={l.translationCurrent} />
            <SummaryList
              rows={[
                ...side(l.english.question, l.welsh.question).map((r) => ({ ...r, key: { text: `${r.key.text} question` } })),
                ...side(l.english.answer, l.welsh.answer).map((r) => ({ ...r, key: { text: `${r.key.text} answer` } })),
              ]}
            />
          </div>
        </div>
      ))}
      <h3 className="govuk-heading-m">Welsh scripts</h3>
      {scope.welshScripts.length === 0 ? <p className="govuk-body">No script has a Welsh version.</p> : null}
      {scope.welshScripts.map((x) => (
        <div className="govuk-summary-card" key={x.id}>
          <div className="govuk-summary-card__title-wrapper">
            <h4 className="govuk-summary-card__title">{CALL_TYPE_LABELS[x.callType as CallType] ?? x.callType}</h4>
          </div>
          <div className="govuk-summary-card__content">
            <TranslationFlag current={x.translationCurrent} />
            <SummaryList
              rows={(['opening', 'verification', 'recordingNotice', 'body', 'closing'] as const).flatMap((section) =>
                side(x.english[section] || '(empty)', x.welsh[section] || '').map((r) => ({ ...r, key: { text: `${SCRIPT_SECTION_LABELS[section]} (${r.key.text})` } })),
              )}
            />
          </div>
        </div>
      ))}
    </div>
  )
}

function Lines({ lines, empty }: { lines: Omit<ScopeLine, 'audience'>[]; empty: string }) {
  if (lines.length === 0) return <p className="govuk-body">{empty}</p>
  return (
    <dl className="govuk-summary-list app-scope-lines">
      {lines.map((line) => (
        <div className="govuk-summary-list__row" key={line.id}>
          <dt className="govuk-summary-list__key app-preserve-lines">{line.question}</dt>
          <dd className="govuk-summary-list__value">
            {line.standardQuestion ? (
              <p className="govuk-hint govuk-!-font-size-16">Answers “{STANDARD_QUESTION_LABELS[line.standardQuestion as StandardQuestion] ?? line.standardQuestion}”</p>
            ) : null}
            <p className="govuk-body app-preserve-lines">{line.answer}</p>
          </dd>
        </div>
      ))}
    </dl>
  )
}

const SECTIONS = ['opening', 'verification', 'recordingNotice', 'body', 'closing'] as const

function Scripts({ scripts }: { scripts: ScopeScript[] }) {
  if (scripts.length === 0) return <p className="govuk-body">There are no scripts.</p>
  return (
    <>
      {scripts.map((s) => (
        <div className="govuk-summary-card" key={s.id}>
          <div className="govuk-summary-card__title-wrapper">
            <h4 className="govuk-summary-card__title">{CALL_TYPE_LABELS[s.callType as CallType] ?? s.callType}</h4>
          </div>
          <div className="govuk-summary-card__content">
            {/* A section left blank is not part of the script, so it is not listed. */}
            {SECTIONS.some((section) => s[section]?.trim()) ? (
              <SummaryList
                rows={SECTIONS.filter((section) => s[section]?.trim()).map((section) => ({
                  key: { text: SCRIPT_SECTION_LABELS[section] },
                  value: { text: <span className="app-preserve-lines">{s[section]}</span> },
                }))}
              />
            ) : (
              <p className="govuk-body">Nothing has been written in this script.</p>
            )}
          </div>
        </div>
      ))}
    </>
  )
}

function ForecastInputs({ scope, helplineNames, summary }: { scope: CustomerServicesScope; helplineNames: Record<string, string>; summary: ForecastSummaryView | null }) {
  const f = scope.forecastInputs
  if (!f) return <p className="govuk-body">The forecast inputs have not been saved yet.</p>
  const messageName = new Map(scope.messages.map((m) => [m.id, m.name]))
  const curves = Object.entries(f.responseCurvesPercent)
  return (
    <>
      <SummaryList
        rows={[
          { key: { text: 'Contact rates' }, value: { text: `Low ${f.contactRatesPercent.low}%, central ${f.contactRatesPercent.central}%, high ${f.contactRatesPercent.high}%` } },
          { key: { text: 'Bank holidays' }, value: { text: NATION_LABELS[f.nation as Nation] ?? f.nation } },
          {
            key: { text: 'Response curves' },
            value: { text: curves.length ? curves.map(([channel, curve]) => `${label(CHANNEL_LABELS, channel)}: ${curve.join(', ')}% by working day`).join('; ') : 'The standard curves' },
          },
          { key: { text: 'Calls before the action deadline' }, value: { text: `${f.deadlineBump.sharePercent}%, in the ${f.deadlineBump.workingDays} working days before it` } },
          ...f.messages.map((m) => ({
            key: { text: `Calls from “${messageName.get(m.id) ?? 'a removed message'}”` },
            value: {
              text: `${m.split.length ? m.split.map((s) => `${helplineNames[s.id] ?? '(removed helpline)'} ${s.sharePercent}%`).join(', ') : 'No helpline yet'}${
                m.delayOverrideDays !== null ? `; delivery ${m.delayOverrideDays} working days after sending (set by hand)` : ''
              }`,
            },
          })),
        ]}
      />
      {summary ? (
        <>
          <h4 className="govuk-heading-s">What the inputs forecast</h4>
          <p className="govuk-body govuk-hint">Worked out with today’s helpline settings, for reading: the inputs above are what is signed.</p>
          <SummaryList rows={summary.rows.map((r) => ({ key: { text: r.key }, value: { text: r.value } }))} />
          <FteDaysExplained />
          {summary.helplines.length ? (
            <ul className="govuk-list govuk-list--bullet">
              {summary.helplines.map((h) => (
                <li key={h.name}>
                  <strong>{h.name}</strong>: {h.text}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </>
  )
}

/** A group's scope exactly as it will be signed: every part, in full, as text. */
export function ScopeView<G extends SignOffGroup>({
  group,
  scope,
  helplineNames,
  forecastSummary,
}: {
  group: G
  scope: ScopeByGroup[G]
  helplineNames: Record<string, string>
  forecastSummary: ForecastSummaryView | null
}) {
  if (group === 'customer-services') {
    const s = scope as CustomerServicesScope
    return (
      <div className="app-scope" data-group={group}>
        <h3 className="govuk-heading-m">Planned launch date</h3>
        <p className="govuk-body">{formatDate(s.launchDate)}</p>
        <h3 className="govuk-heading-m">Messages and waves</h3>
        <Messages messages={s.messages} withWaves />
        {s.welshMessages?.length ? (
          <>
            <h3 className="govuk-heading-m">Welsh versions of the messages</h3>
            <WelshMessages scope={s} />
          </>
        ) : null}
        <h3 className="govuk-heading-m">Forecast inputs</h3>
        <ForecastInputs scope={s} helplineNames={helplineNames} summary={forecastSummary} />
        {s.welshCustomers ? (
          <p className="govuk-body" id="welsh-share">
            {formatNumber(s.welshCustomers.customers)} of {formatNumber(s.welshCustomers.populationSize)} customers asked for Welsh (
            {formatShare(welshSharePercent({ welshCustomers: s.welshCustomers.customers, populationSize: s.welshCustomers.populationSize }))}): that share of every
            message’s calls goes to the Welsh-language helpline.
          </p>
        ) : null}
        <h3 className="govuk-heading-m">Helpline lines</h3>
        <Lines lines={s.helplineLines} empty="There are no helpline lines." />
        <h3 className="govuk-heading-m">Internal lines</h3>
        <Lines lines={s.internalLines} empty="There are no internal lines." />
        <h3 className="govuk-heading-m">Scripts</h3>
        <Scripts scripts={s.scripts} />
      </div>
    )
  }
  if (group === 'debt-management') {
    const s = scope as DebtManagementScope
    return (
      <div className="app-scope" data-group={group}>
        <h3 className="govuk-heading-m">Liability estimate</h3>
        <SummaryList
          rows={[
            { key: { text: 'Customers with extra liability' }, value: { text: s.liabilityEstimate.customers === null ? 'Not given' : formatNumber(s.liabilityEstimate.customers) } },
            { key: { text: 'Average extra liability' }, value: { text: s.liabilityEstimate.averagePence === null ? 'Not given' : formatPence(s.liabilityEstimate.averagePence) } },
          ]}
        />
        <h3 className="govuk-heading-m">Special treatment</h3>
        <p className="govuk-body app-preserve-lines">{s.specialTreatment ?? 'Not recorded yet.'}</p>
        <h3 className="govuk-heading-m">Debt Management lines</h3>
        <Lines lines={s.debtManagementLines} empty="There are no Debt Management lines." />
        <h3 className="govuk-heading-m">Messages and waves</h3>
        <Messages messages={s.messages} withWaves />
      </div>
    )
  }
  if (group === 'welsh-language-services') return <WelshScope scope={scope as WelshLanguageServicesScope} />
  const s = scope as PressOfficeScope
  return (
    <div className="app-scope" data-group={group}>
      <h3 className="govuk-heading-m">Launch date</h3>
      <SummaryList
        rows={[
          { key: { text: 'Planned launch date' }, value: { text: formatDate(s.launchDate) } },
          { key: { text: 'Date told to the Press Office' }, value: { text: s.launchDateTold ? formatDate(s.launchDateTold) : 'Not recorded' } },
        ]}
      />
      <h3 className="govuk-heading-m">Press lines</h3>
      <Lines lines={s.pressLines} empty="There are no press lines." />
      <h3 className="govuk-heading-m">Messages</h3>
      <Messages messages={s.messages} withWaves={false} />
    </div>
  )
}
