import { describe, expect, it } from 'vitest'
import { exampleAggregate, exampleWelshAggregate } from './test-support/aggregate'
import { requiredGroups, groupsOf, SIGN_OFF_GROUPS, type SignOffGroup } from './groups'
import { scopeHash } from './hash.server'
import { changedParts, describeParts, hasWelshContent, requiredGroupsFor, scopeContent, type SignOffAggregate } from './scopes'

const hashes = (aggregate: SignOffAggregate) =>
  Object.fromEntries(SIGN_OFF_GROUPS.map((group) => [group, scopeHash(scopeContent(group, aggregate))])) as Record<SignOffGroup, string>

/** Which groups' hashes a change to the aggregate moves. */
function staled(change: (a: SignOffAggregate) => void, example: () => SignOffAggregate = exampleAggregate): SignOffGroup[] {
  const before = hashes(example())
  const changed = example()
  change(changed)
  const after = hashes(changed)
  return SIGN_OFF_GROUPS.filter((group) => before[group] !== after[group])
}

/** The same value with every object's keys inserted in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .reverse()
        .map((key) => [key, reversedKeys((value as Record<string, unknown>)[key])]),
    )
  }
  return value
}

/** Every leaf of a scope, as a path of keys and indexes. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, [...path, index]))
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, child]) => leaves(child, [...path, key]))
  return [path]
}

function mutateAt(root: unknown, path: (string | number)[]): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>
  let node = copy
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  const last = path[path.length - 1]!
  const old = node[last]
  node[last] = typeof old === 'number' ? old + 1 : typeof old === 'string' ? `${old} ` : typeof old === 'boolean' ? !old : 'now set'
  return copy
}

describe('canonical hashing of a scope', () => {
  it('is a SHA-256 in hex that does not depend on the order of keys', () => {
    const aggregate = exampleAggregate()
    for (const group of SIGN_OFF_GROUPS) {
      const scope = scopeContent(group, aggregate)
      expect(scopeHash(scope)).toMatch(/^[0-9a-f]{64}$/)
      expect(scopeHash(reversedKeys(scope))).toBe(scopeHash(scope))
      // Built from an aggregate whose objects were all put together in another order, too.
      expect(scopeHash(scopeContent(group, reversedKeys(aggregate) as SignOffAggregate))).toBe(scopeHash(scope))
    }
    expect(scopeHash({ a: 1, b: [1, 2] })).toBe(scopeHash({ b: [1, 2], a: 1 }))
    expect(scopeHash({ a: 1, b: [1, 2] })).not.toBe(scopeHash({ a: 1, b: [2, 1] }))
    // The known digest of "{}" pins the algorithm and the encoding.
    expect(scopeHash({})).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a')
  })

  it('changes when any field of any scope changes', () => {
    const aggregate = exampleWelshAggregate()
    for (const group of SIGN_OFF_GROUPS) {
      const scope = scopeContent(group, aggregate)
      const paths = leaves(scope)
      expect(paths.length).toBeGreaterThan(10)
      for (const path of paths) {
        expect(scopeHash(mutateAt(scope, path)), `${group}: ${path.join('.')}`).not.toBe(scopeHash(scope))
      }
    }
  })

  it('gives identical content the same hash, whatever its versions, and ignores the order of lines', () => {
    expect(hashes(exampleAggregate())).toEqual(hashes(exampleAggregate()))
    expect(
      staled((a) => {
        a.lines.reverse()
      }),
    ).toEqual([])
  })

  it('keeps each group’s scope independent of the others’', () => {
    const line = (a: SignOffAggregate, id: string) => a.lines.find((l) => l.id === id)!
    // The example: editing a press line stales the Press Office alone.
    expect(staled((a) => (line(a, 'l5').answer = 'HMRC writes to landlords every year.'))).toEqual(['press-office'])
    expect(staled((a) => a.lines.push({ id: 'l9', audience: 'press', standardQuestion: null, question: 'Why now?', answer: 'Because.' }))).toEqual(['press-office'])
    expect(staled((a) => (a.pressBriefing = { launchDateTold: '2027-03-08' }))).toEqual(['press-office'])
    expect(staled((a) => (line(a, 'l1').answer = 'We have information from letting agents.'))).toEqual(['customer-services'])
    expect(staled((a) => (line(a, 'l4').answer = 'Your team leader.'))).toEqual(['customer-services'])
    expect(staled((a) => (a.scripts[0]!.body = 'We wrote to you.'))).toEqual(['customer-services'])
    expect(staled((a) => (a.forecast!.contactRatesPercent.central = 9))).toEqual(['customer-services'])
    expect(staled((a) => (a.forecast!.messages.m1!.split = { h1: 100 }))).toEqual(['customer-services'])
    expect(staled((a) => (a.forecast = null))).toEqual(['customer-services'])
    expect(staled((a) => (a.campaign.nation = 'scotland'))).toEqual(['customer-services'])
    expect(staled((a) => (line(a, 'l3').answer = 'Call the Payment Support Service.'))).toEqual(['debt-management'])
    expect(staled((a) => (a.debtTreatment = { specialTreatment: 'Plans of up to 24 months.' }))).toEqual(['debt-management'])
    expect(staled((a) => (a.campaign.liabilityAveragePence = 95_000))).toEqual(['debt-management'])
    expect(staled((a) => (a.messages[0]!.waves[1]!.volume = 150_000))).toEqual(['customer-services', 'debt-management'])
    expect(staled((a) => (a.campaign.plannedLaunchDate = '2027-03-08'))).toEqual(['customer-services', 'press-office'])
    expect(staled((a) => (a.messages[1]!.body = 'HMRC: please check your return.'))).toEqual(['customer-services', 'debt-management', 'press-office'])
    // Content that no group signs.
    expect(staled((a) => (a.campaign.pressInform = false))).toEqual([])
  })

  it('signs the Welsh versions for Welsh Language Services, beside the English, and the Welsh messages for Customer Services too', () => {
    const welsh = exampleWelshAggregate
    // Either side of a translation puts Welsh Language Services' approval out of date.
    expect(staled((a) => (a.welsh.messages[0]!.welsh.body = 'Annwyl ((customer_name)), ((reference))'), welsh)).toEqual(['customer-services', 'welsh-language-services'])
    expect(staled((a) => (a.welsh.lines[0]!.welsh.answer = 'Mae asiantau yn dweud wrthym.'), welsh)).toEqual(['welsh-language-services'])
    expect(staled((a) => (a.welsh.scripts[0]!.welsh.closing = 'Diolch.'), welsh)).toEqual(['welsh-language-services'])
    expect(staled((a) => (a.lines.find((l) => l.id === 'l1')!.answer = 'Letting agents tell us.'), welsh)).toEqual(['customer-services', 'welsh-language-services'])
    expect(staled((a) => (a.scripts[0]!.body = 'We wrote to you.'), welsh)).toEqual(['customer-services', 'welsh-language-services'])
    expect(staled((a) => (a.messages[0]!.body += '\n\nThank you.'), welsh)).toEqual(['customer-services', 'debt-management', 'press-office', 'welsh-language-services'])
    // The waves are not translated, and lines the Welsh does not translate are not Welsh Language Services' to sign.
    expect(staled((a) => (a.messages[0]!.waves[0]!.volume = 1), welsh)).toEqual(['customer-services', 'debt-management'])
    expect(staled((a) => (a.lines.find((l) => l.id === 'l5')!.answer = 'Yes.'), welsh)).toEqual(['press-office'])
    // Bringing a translation up to date (the Welsh now translates the English as it is) is a new version to approve.
    expect(staled((a) => (a.welsh.messages[0]!.translatedFrom = { channel: 'letter', subject: null, body: 'An earlier letter' }), welsh)).toEqual(['welsh-language-services'])
    // The Welsh share of the calls is a forecast input that Customer Services signs.
    expect(staled((a) => (a.campaign.welshCustomers = 10_000), welsh)).toEqual(['customer-services'])
    expect(staled((a) => (a.campaign.populationSize = 300_000), welsh)).toEqual(['customer-services'])
  })

  it('says whether each Welsh version translates the English as it is now', () => {
    const aggregate = exampleWelshAggregate()
    expect(scopeContent('welsh-language-services', aggregate).welshMessages.map((m) => m.translationCurrent)).toEqual([true])
    aggregate.messages[0]!.body += '\n\nThank you.'
    const scope = scopeContent('welsh-language-services', aggregate)
    expect(scope.welshMessages.map((m) => [m.name, m.translationCurrent, m.english.body.endsWith('Thank you.')])).toEqual([['Rental income letter', false, true]])
    expect(scope.welshLines.map((l) => l.translationCurrent)).toEqual([true])
    expect(scope.welshScripts.map((s) => s.translationCurrent)).toEqual([true])
    // Changed back to exactly what was translated, it is current again.
    aggregate.messages[0]!.body = exampleAggregate().messages[0]!.body
    expect(scopeContent('welsh-language-services', aggregate).welshMessages[0]!.translationCurrent).toBe(true)
  })

  it('leaves the scopes of a campaign without Welsh exactly as they were', () => {
    const plain = exampleAggregate()
    const cs = scopeContent('customer-services', plain)
    expect(Object.keys(cs)).toEqual(['launchDate', 'messages', 'forecastInputs', 'helplineLines', 'internalLines', 'scripts'])
    expect(scopeContent('welsh-language-services', plain)).toEqual({ welshMessages: [], welshLines: [], welshScripts: [] })
    expect(Object.keys(scopeContent('customer-services', exampleWelshAggregate()))).toEqual([
      'launchDate',
      'messages',
      'welshMessages',
      'forecastInputs',
      'welshCustomers',
      'helplineLines',
      'internalLines',
      'scripts',
    ])
  })

  it('has Customer Services alone sign a letter’s own delivery profile, and leaves every hash alone without one', () => {
    const letter = (a: SignOffAggregate) => a.messages.find((m) => m.channel === 'letter')!
    expect(staled((a) => (letter(a).deliveryProfile = [60, 30, 10]))).toEqual(['customer-services'])
    expect(staled((a) => (letter(a).deliveryProfile = null))).toEqual([])
  })

  it('does not sign forecast settings left behind by a deleted message', () => {
    expect(staled((a) => (a.forecast!.messages.gone = { delayOverrideDays: 3, split: { h1: 100 } }))).toEqual([])
  })

  it('names what changed between a snapshot and the current scope', () => {
    const before = exampleAggregate()
    const after = exampleAggregate()
    after.lines.find((l) => l.id === 'l6')!.answer = 'About 300,000.'
    expect(changedParts(scopeContent('press-office', before), scopeContent('press-office', after))).toEqual(['pressLines'])
    after.messages[0]!.waves[0]!.sendDate = '2027-03-02'
    expect(changedParts(scopeContent('customer-services', before), scopeContent('customer-services', after))).toEqual(['waves'])
    after.messages[0]!.body += '\n\nThank you.'
    after.campaign.plannedLaunchDate = '2027-03-02'
    const parts = changedParts(scopeContent('customer-services', before), scopeContent('customer-services', after))
    expect(parts).toEqual(['launchDate', 'messages', 'waves'])
    expect(describeParts(parts)).toBe('the planned launch date, the messages and the waves')
    expect(changedParts(scopeContent('debt-management', before), scopeContent('debt-management', before))).toEqual([])
  })
})

describe('required groups', () => {
  it('always include Customer Services, and Debt Management and the Press Office when the campaign needs them', () => {
    expect(requiredGroups({ extraLiability: false, pressInform: false })).toEqual(['customer-services'])
    expect(requiredGroups({ extraLiability: true, pressInform: false })).toEqual(['customer-services', 'debt-management'])
    expect(requiredGroups({ extraLiability: false, pressInform: true })).toEqual(['customer-services', 'press-office'])
    expect(requiredGroups({ extraLiability: true, pressInform: true })).toEqual(['customer-services', 'debt-management', 'press-office'])
  })

  it('include Welsh Language Services when anything has a Welsh version', () => {
    expect(requiredGroups({ extraLiability: false, pressInform: false, welshContent: true })).toEqual(['customer-services', 'welsh-language-services'])
    expect(hasWelshContent(exampleAggregate())).toBe(false)
    expect(requiredGroupsFor(exampleAggregate())).toEqual(['customer-services', 'debt-management', 'press-office'])
    expect(requiredGroupsFor(exampleWelshAggregate())).toEqual(['customer-services', 'debt-management', 'press-office', 'welsh-language-services'])
    // Welsh-preference customers alone do not need Welsh Language Services: Welsh versions do.
    const customersOnly = exampleAggregate()
    customersOnly.campaign.welshCustomers = 500
    expect(requiredGroupsFor(customersOnly)).not.toContain('welsh-language-services')
    const scriptOnly = exampleAggregate()
    scriptOnly.welsh.scripts.push({ id: 's1', welsh: { opening: 'Bore da' }, translatedFrom: {} })
    expect(requiredGroupsFor(scriptOnly)).toContain('welsh-language-services')
  })

  it('take their members from the roles of the same name, and nobody else', () => {
    expect(groupsOf({ roles: ['welsh-language-services', 'viewer'] })).toEqual(['welsh-language-services'])
    expect(groupsOf({ roles: ['designer', 'press-office'] })).toEqual(['press-office'])
    expect(groupsOf({ roles: ['admin', 'viewer', 'designer'] })).toEqual([])
    expect(groupsOf({ roles: ['debt-management', 'customer-services'] })).toEqual(['customer-services', 'debt-management'])
  })
})
