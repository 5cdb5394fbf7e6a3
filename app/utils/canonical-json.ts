/**
 * Canonical JSON: object keys sorted by code point, no insignificant whitespace, `undefined` members
 * dropped. The same content always gives the same text, whatever order it was built in, so its hash can
 * bind an approval or chain the audit trail.
 */
export function canonicalJson(value: unknown): string {
  return serialise(value, new Set())
}

function serialise(value: unknown, seen: Set<object>): string {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'boolean':
      return value ? 'true' : 'false'
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: numbers must be finite')
      return JSON.stringify(Object.is(value, -0) ? 0 : value)
    case 'object': {
      if (seen.has(value)) throw new TypeError('canonicalJson: cyclic value')
      seen.add(value)
      const text = Array.isArray(value)
        ? `[${value.map((item) => (item === undefined ? 'null' : serialise(item, seen))).join(',')}]`
        : `{${Object.keys(value)
            .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
            .sort(compareCodePoints)
            .map((key) => `${JSON.stringify(key)}:${serialise((value as Record<string, unknown>)[key], seen)}`)
            .join(',')}}`
      seen.delete(value)
      return text
    }
    default:
      throw new TypeError(`canonicalJson: cannot serialise a ${typeof value}`)
  }
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
