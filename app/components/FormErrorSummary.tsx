import { ErrorSummary, type ErrorSummaryProps } from './govuk'
import { errorLinks, type FieldErrors } from '../utils/forms'

/**
 * The error summary of a failed submission. It takes focus when the page loads, even without JavaScript (when GOV.UK
 * Frontend's script, which focuses it otherwise, never runs): the browser honours `autofocus` on an element it can
 * focus. With JavaScript, the root focuses it again after a client-side submission (`focusErrorSummary`).
 */
export function ActionErrorSummary(props: ErrorSummaryProps) {
  const takesFocus = !props.disableAutoFocus
  return <ErrorSummary {...props} attributes={{ ...(takesFocus ? { tabIndex: -1, autoFocus: true } : {}), ...props.attributes }} />
}

/** The GOV.UK error summary for a form: entries in page order, each linking to its field. */
export function FormErrorSummary({ errors, order, hrefs }: { errors?: FieldErrors; order?: readonly string[]; hrefs?: Record<string, string> }) {
  const links = errorLinks(errors, order ? [...order] : [], hrefs)
  if (links.length === 0) return null
  return <ActionErrorSummary errors={links} />
}
