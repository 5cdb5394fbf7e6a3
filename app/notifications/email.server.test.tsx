import { describe, expect, it } from 'vitest'
import { digestEmail, notificationEmail, testEmail } from './email.server'
import { launchedWords, overCapacityWords, signOffRequestedWords } from './words'

const links = { settingsUrl: 'https://otm.example.gov.uk/notifications/email-settings/u.launched.sig', preferencesUrl: 'https://otm.example.gov.uk/notifications/preferences' }
const hostile = { ref: 'OTM-2027-004', name: '<script>alert(1)</script> & "Landlords"' }

describe('notification emails', () => {
  it('say the same in plain text and in HTML, with every value escaped', () => {
    const words = launchedWords(hostile, { actorName: 'Sam <Owner>' })
    const email = notificationEmail({ ...words, url: 'https://otm.example.gov.uk/campaigns/OTM-2027-004', createdAt: '2027-02-10T10:00:00Z' }, links)
    expect(email.subject).toBe('Launched: OTM-2027-004 <script>alert(1)</script> & "Landlords"')
    expect(email.text).toContain('Sam <Owner> launched OTM-2027-004 (<script>alert(1)</script> & "Landlords"). Its content is now locked as it was signed off.')
    expect(email.text).toContain('Open it in the planner: https://otm.example.gov.uk/campaigns/OTM-2027-004')
    expect(email.text).toContain(`Change how you get these emails (no need to sign in): ${links.settingsUrl}`)
    expect(email.html).not.toContain('<script>')
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Landlords&quot;')
    expect(email.html).toMatch(/^<!DOCTYPE html><html lang="en-GB">/)
    expect(email.html).toContain('<h1 style=')
    expect(email.html).toContain('>Open it in the planner</a>')
    expect(email.html).toContain(`href="${links.settingsUrl}"`)
    expect(email.text).toContain('You get this email because you asked to hear by email: when a campaign you own, signed off or take calls for is launched.')
  })

  it('put a day’s notifications in one digest, and a test email says who asked for it', () => {
    const items = [signOffRequestedWords(hostile, { groups: ['press-office'], actorName: 'Sam Owner' }), overCapacityWords(hostile, { helplineId: 'h1', helplineName: 'Self Assessment', weekStarts: ['2027-06-14', '2027-06-07'] })].map((w, i) => ({
      ...w,
      url: `https://otm.example.gov.uk${w.href}`,
      createdAt: `2027-02-1${i}T10:00:00Z`,
    }))
    const digest = digestEmail('Your daily summary from the OTM Campaign Planner', items, links)
    expect(digest.text).toContain('There are 2 things to know about from the last day.')
    expect(digest.text).toContain('Over capacity: Self Assessment, week beginning 7 June 2027')
    expect(digest.text).toContain('in the week beginning 7 June 2027 and 1 later week.')
    expect(digest.html.match(/<h2 /g)).toHaveLength(2)
    const test = testEmail('Test email from the OTM Campaign Planner', { name: 'Alex Admin', queuedAt: '2027-02-10T10:00:00Z' }, links)
    expect(test.text).toContain('Alex Admin asked for this test email on 10 February 2027 at 10am')
  })
})
