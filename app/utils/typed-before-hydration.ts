// React 18 puts a <textarea> back to its server-rendered text when it hydrates, and re-selects a <select>'s
// server-rendered option (react-dom's postMountWrapper for both), so whatever a person typed or chose before the
// page's JavaScript started would silently be lost and the form would submit the old text. Text inputs, radios and
// checkboxes keep what was typed; these two do not. This remembers them before hydration and puts them back after.

type Field = HTMLTextAreaElement | HTMLSelectElement

const changed = new Map<Field, string>()
let watching = false

const isField = (target: EventTarget | null): target is Field => target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement

function wasChanged(field: Field): boolean {
  if (field instanceof HTMLTextAreaElement) return field.value !== field.defaultValue
  return Array.from(field.options).some((option) => option.selected !== option.defaultSelected)
}

function remember(event: Event) {
  if (isField(event.target)) changed.set(event.target, event.target.value)
}

/** Call before hydrating: notes fields already changed while the script loaded, and any changed from now on. */
export function rememberTypedText(root: Document = document) {
  for (const field of root.querySelectorAll<Field>('textarea, select')) if (wasChanged(field)) changed.set(field, field.value)
  root.addEventListener('input', remember, true)
  root.addEventListener('change', remember, true)
  watching = true
}

/** Call once hydration has committed: puts back what React overwrote, and stops watching. */
export function restoreTypedText(root: Document = document) {
  if (!watching) return
  watching = false
  root.removeEventListener('input', remember, true)
  root.removeEventListener('change', remember, true)
  for (const [field, value] of changed) if (field.isConnected && field.value !== value) field.value = value
  changed.clear()
}
