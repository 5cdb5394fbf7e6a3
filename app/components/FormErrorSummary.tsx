import { ErrorSummary } from './govuk'
import { errorLinks, type FieldErrors } from '../utils/forms'

/**
 * The GOV.UK error summary for a form: entries in page order, each linking to its field. With `focus`, the summary
 * takes the focus when it appears, with or without JavaScript (the autofocus attribute on a page load, React after a
 * form posted in the page), so a screen reader starts at the list of problems.
 */
export function FormErrorSummary({ errors, order, hrefs, focus }: { errors?: FieldErrors; order?: readonly string[]; hrefs?: Record<string, string>; focus?: boolean }) {
  const links = errorLinks(errors, order ? [...order] : [], hrefs)
  if (links.length === 0) return null
  return <ErrorSummary errors={links} attributes={focus ? { tabIndex: -1, autoFocus: true } : undefined} />
}
