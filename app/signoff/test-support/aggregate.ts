// A realistic campaign's signed content, for the pure tests of scopes, hashes and states.
import type { SignOffAggregate } from '../scopes'

export function exampleAggregate(): SignOffAggregate {
  return {
    campaign: {
      plannedLaunchDate: '2027-03-01',
      nation: 'england-and-wales',
      extraLiability: true,
      liabilityCustomers: 60_000,
      liabilityAveragePence: 92_000,
      pressInform: true,
      populationSize: 320_000,
      welshCustomers: 0,
    },
    messages: [
      {
        id: 'm1',
        name: 'Rental income letter',
        channel: 'letter',
        referenceType: 'utr',
        subject: null,
        addressBlock: '((customer_name))\n((address_line_1))\n((postcode))',
        postage: 'second',
        deadlineDays: 30,
        body: 'Dear ((customer_name))\n\nUnique Taxpayer Reference: ((reference))',
        waves: [
          { sendDate: '2027-03-01', volume: 160_000 },
          { sendDate: '2027-03-08', volume: 160_000 },
        ],
      },
      {
        id: 'm2',
        name: 'Reminder text',
        channel: 'sms',
        referenceType: 'utr',
        subject: null,
        addressBlock: null,
        postage: null,
        deadlineDays: null,
        body: 'HMRC: we wrote to you about rental income.',
        waves: [{ sendDate: '2027-03-22', volume: 120_000 }],
      },
    ],
    forecast: {
      contactRatesPercent: { low: 5, central: 8, high: 12 },
      responseCurvesPercent: { letter: [10, 20, 30, 20, 10, 10] },
      deadlineBump: { sharePercent: 15, workingDays: 5 },
      messages: {
        m1: { delayOverrideDays: null, split: { h1: 85, h2: 15 } },
        m2: { delayOverrideDays: 1, split: { h1: 100 } },
      },
    },
    lines: [
      { id: 'l1', audience: 'helpline', standardQuestion: 'why-sent', question: 'Why have I been sent this letter?', answer: 'Letting agents tell us about rent.' },
      { id: 'l2', audience: 'helpline', standardQuestion: 'is-genuine', question: 'Is this letter really from HMRC?', answer: 'Yes.' },
      { id: 'l3', audience: 'debt-management', standardQuestion: 'time-to-pay', question: 'I cannot pay all at once.', answer: 'You may be able to set up a payment plan.' },
      { id: 'l4', audience: 'internal', standardQuestion: null, question: 'Who do I escalate a complaint to?', answer: 'The campaign owner.' },
      { id: 'l5', audience: 'press', standardQuestion: null, question: 'Is HMRC targeting landlords?', answer: 'HMRC is writing to some landlords.' },
      { id: 'l6', audience: 'press', standardQuestion: null, question: 'How many letters are you sending?', answer: 'Around 320,000.' },
    ],
    scripts: [
      {
        id: 's1',
        callType: 'inbound',
        opening: 'Good morning, Revenue and Customs.',
        verification: 'Can I take your name?',
        recordingNotice: '',
        body: 'We wrote to you about rental income.',
        closing: 'To summarise … thank you for calling.',
      },
    ],
    debtTreatment: { specialTreatment: 'Payment plans of up to 12 months.' },
    pressBriefing: { launchDateTold: '2027-03-01' },
    welsh: { messages: [], lines: [], scripts: [] },
  }
}

/** The same campaign with Welsh-preference customers and a Welsh version of its letter, a helpline line and its script. */
export function exampleWelshAggregate(): SignOffAggregate {
  const aggregate = exampleAggregate()
  aggregate.campaign.welshCustomers = 9_600
  const letter = aggregate.messages[0]!
  aggregate.welsh = {
    messages: [
      {
        id: 'm1',
        welsh: { layout: 'bilingual', subject: null, body: 'Annwyl ((customer_name))\n\nCyfeirnod Unigryw y Trethdalwr: ((reference))' },
        translatedFrom: { channel: letter.channel, subject: null, body: letter.body },
      },
    ],
    lines: [
      {
        id: 'l1',
        welsh: { question: 'Pam ydw i wedi cael y llythyr hwn?', answer: 'Mae asiantau gosod yn rhoi gwybod i ni am rent.' },
        translatedFrom: { question: 'Why have I been sent this letter?', answer: 'Letting agents tell us about rent.' },
      },
    ],
    scripts: [
      {
        id: 's1',
        welsh: { opening: 'Bore da, Cyllid a Thollau EF.', verification: 'Ga i eich enw?', recordingNotice: '', body: 'Gwnaethom ysgrifennu atoch am incwm rhent.', closing: 'I grynhoi … diolch am ffonio.' },
        translatedFrom: { ...aggregate.scripts[0]!, id: undefined, callType: undefined },
      },
    ],
  }
  return aggregate
}
