import { RULES, SCRIPT_SECTION_LABELS, type Finding, type ScriptSection } from '~/content'
import { ErrorSummary, Tag } from './govuk'

function where(finding: Finding): string {
  return finding.location.line ? ` (line ${finding.location.line})` : ''
}

/** The findings of one section, shown beside it; errors in GOV.UK's error style, warnings tagged. */
export function SectionFindings({ section, findings }: { section: ScriptSection; findings: Finding[] }) {
  const here = findings.filter((f) => f.location.field === section)
  if (here.length === 0) return null
  return (
    <div id={`${section}-findings`} className="app-findings">
      {here.map((f, index) =>
        f.level === 'error' ? (
          <p key={index} className="govuk-error-message" data-rule={f.id}>
            <span className="govuk-visually-hidden">Error:</span> {f.message}
            {where(f)}
          </p>
        ) : (
          <p key={index} className="govuk-body app-finding-warning" data-rule={f.id}>
            <Tag text="Warning" colour="yellow" /> {f.message}
            {where(f)}
          </p>
        ),
      )}
    </div>
  )
}

export function sectionHasError(findings: Finding[], section: ScriptSection): boolean {
  return findings.some((f) => f.location.field === section && f.level === 'error')
}

/**
 * The script's findings at the top of the page: errors (which block a sign-off request) in an error summary whose
 * links go to the section concerned, warnings in a list to check.
 */
export function FindingsSummary({ findings, sectionHref }: { findings: Finding[]; sectionHref: (section: ScriptSection) => string }) {
  const errors = findings.filter((f) => f.level === 'error')
  const warnings = findings.filter((f) => f.level === 'warning')
  const label = (f: Finding) => `${SCRIPT_SECTION_LABELS[f.location.field as ScriptSection] ?? 'Script'}: ${f.message}`
  return (
    <>
      <ErrorSummary
        titleText="There is a problem with this script"
        descriptionText="Fix these before you ask for sign-off."
        errors={errors.map((f) => ({ text: label(f), href: sectionHref(f.location.field as ScriptSection) }))}
      />
      {warnings.length ? (
        <div className="govuk-inset-text" id="warnings">
          <h2 className="govuk-heading-s">Check {warnings.length === 1 ? 'this' : `these ${warnings.length} things`}</h2>
          <ul className="govuk-list govuk-list--bullet">
            {warnings.map((f, index) => (
              <li key={index}>
                <a className="govuk-link" href={sectionHref(f.location.field as ScriptSection)}>
                  {label(f)}
                </a>{' '}
                <span className="govuk-body-s">({RULES[f.id].source ?? 'guidance'})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  )
}
