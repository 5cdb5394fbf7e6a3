import { Form } from '@remix-run/react'
import { STANDARD_QUESTION_LABELS, type LineAudience, type StandardQuestion } from '~/content/coverage'
import { Button } from './govuk'

/** Each button and link names the list it is in, as a page can list lines for two audiences. */
const LIST_NAMES: Record<LineAudience, string> = {
  helpline: 'helpline line',
  press: 'press line',
  'debt-management': 'Debt Management line',
  internal: 'internal line',
}

export interface LineCardData {
  id: string
  audience: LineAudience
  question: string
  answer: string
  standardQuestion: StandardQuestion | null
  version: number
}

/**
 * One audience's lines to take, in order. Each line can be changed, removed and moved up or down; the buttons are
 * ordinary form posts, so reordering works without JavaScript.
 */
export function LineCards({ campaignRef, lines, canEdit, emptyText }: { campaignRef: string; lines: LineCardData[]; canEdit: boolean; emptyText: string }) {
  if (lines.length === 0) return <p className="govuk-body">{emptyText}</p>
  return (
    <ol className="app-line-list">
      {lines.map((line, index) => {
        const above = lines[index - 1]
        const below = lines[index + 1]
        const name = `${LIST_NAMES[line.audience]} ${index + 1}, “${line.question}”`
        return (
          <li key={line.id} className="govuk-summary-card app-line" id={`line-${line.id}`}>
            <div className="govuk-summary-card__title-wrapper">
              <h3 className="govuk-summary-card__title">
                <span className="govuk-visually-hidden">Line {index + 1}: </span>
                <span className="app-preserve-lines">{line.question}</span>
              </h3>
              {canEdit ? (
                <ul className="govuk-summary-card__actions">
                  <li className="govuk-summary-card__action">
                    <a className="govuk-link" href={`/campaigns/${campaignRef}/lines/${line.id}/edit`}>
                      Change<span className="govuk-visually-hidden"> {name}</span>
                    </a>
                  </li>
                  <li className="govuk-summary-card__action">
                    <a className="govuk-link" href={`/campaigns/${campaignRef}/lines/${line.id}/remove`}>
                      Remove<span className="govuk-visually-hidden"> {name}</span>
                    </a>
                  </li>
                </ul>
              ) : null}
            </div>
            <div className="govuk-summary-card__content">
              {line.standardQuestion ? (
                <p className="govuk-hint govuk-!-font-size-16">Answers the standard question “{STANDARD_QUESTION_LABELS[line.standardQuestion]}”</p>
              ) : null}
              <p className="govuk-body app-preserve-lines">{line.answer}</p>
              {canEdit && lines.length > 1 ? (
                <Form method="post" className="app-line-move app-no-print">
                  <input type="hidden" name="intent" value="move" />
                  <input type="hidden" name="lineId" value={line.id} />
                  <input type="hidden" name="version" value={line.version} />
                  {above ? <input type="hidden" name="above" value={above.id} /> : null}
                  {below ? <input type="hidden" name="below" value={below.id} /> : null}
                  <div className="govuk-button-group">
                    {above ? (
                      <Button
                        name="direction"
                        value="up"
                        variant="secondary"
                        classes="govuk-!-margin-bottom-0"
                        text={
                          <>
                            Move up<span className="govuk-visually-hidden"> {name}</span>
                          </>
                        }
                      />
                    ) : null}
                    {below ? (
                      <Button
                        name="direction"
                        value="down"
                        variant="secondary"
                        classes="govuk-!-margin-bottom-0"
                        text={
                          <>
                            Move down<span className="govuk-visually-hidden"> {name}</span>
                          </>
                        }
                      />
                    ) : null}
                  </div>
                </Form>
              ) : null}
            </div>
          </li>
        )
      })}
    </ol>
  )
}
