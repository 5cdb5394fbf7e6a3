// Progressive enhancement for GOV.UK Frontend components after hydration and after each client-side
// navigation. Every page works before (and without) this.

type GovukModule = {
  createAll: (component: unknown, config?: unknown, options?: { onError?: () => void }) => unknown
  [component: string]: unknown
}

// Radios and Checkboxes are left out on purpose: their script marks conditional reveals with
// aria-expanded, which is invalid on a radio or checkbox (alphagov/govuk-frontend#979) and fails axe-core.
// revealConditionals() below does the same show-and-hide without it. See docs/decisions/0004.
const COMPONENTS = ['Accordion', 'Button', 'CharacterCount', 'ErrorSummary', 'FileUpload', 'NotificationBanner', 'PasswordInput', 'ServiceNavigation', 'SkipLink', 'Tabs']

const SELECTOR = 'input.govuk-radios__input[data-aria-controls], input.govuk-checkboxes__input[data-aria-controls], input[data-app-controls]'

function sync(root: ParentNode) {
  for (const input of root.querySelectorAll<HTMLInputElement>('input[data-app-controls]')) {
    const target = document.getElementById(input.dataset.appControls ?? '')
    if (!target) continue
    const hiddenClass = input.classList.contains('govuk-checkboxes__input') ? 'govuk-checkboxes__conditional--hidden' : 'govuk-radios__conditional--hidden'
    target.classList.toggle(hiddenClass, !input.checked)
  }
}

let listening = false

export function revealConditionals(root: Document = document) {
  for (const input of root.querySelectorAll<HTMLInputElement>(SELECTOR)) {
    const id = input.dataset.ariaControls ?? input.dataset.appControls
    if (!id || !root.getElementById(id)) continue
    input.setAttribute('aria-controls', id)
    input.dataset.appControls = id
    delete input.dataset.ariaControls
  }
  sync(root)
  if (!listening) {
    listening = true
    // One delegated listener: choosing any radio can hide its siblings' conditionals.
    root.addEventListener('change', () => sync(root))
  }
}

export async function enhanceGovukComponents(source = '/assets/govuk/govuk-frontend.min.js') {
  const govuk = (await import(/* @vite-ignore */ source)) as GovukModule
  for (const name of COMPONENTS) {
    if (govuk[name]) govuk.createAll(govuk[name], undefined, { onError: () => undefined })
  }
  revealConditionals()
}

/**
 * After a submission fails, moves focus to the page's error summary, as GOV.UK Frontend's ErrorSummary does when it
 * starts: the summary is announced and scrolled into view. Its script runs once per element, and React keeps the same
 * element when a second submission fails too, so this does the focusing itself and then lets the script attach its
 * link handling to a new summary. A summary marked data-disable-auto-focus (findings shown on load) is left alone.
 */
export function focusErrorSummary(root: Document = document): boolean {
  const summary = root.querySelector<HTMLElement>('.govuk-error-summary:not([data-disable-auto-focus="true"])')
  if (!summary) return false
  if (!summary.hasAttribute('tabindex')) {
    summary.setAttribute('tabindex', '-1')
    summary.addEventListener('blur', () => summary.removeAttribute('tabindex'), { once: true })
  }
  summary.focus()
  return true
}
