/** The page a failed single sign-on ends on: what happened in plain words, and a way to start again. */
export function SsoProblem({ title, message }: { title: string; message: string }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">{message}</p>
        <p className="govuk-body">Nothing was changed. The attempt has been recorded.</p>
        <a className="govuk-button" data-module="govuk-button" href="/login" role="button" draggable="false">
          Start again
        </a>
      </div>
    </div>
  )
}
