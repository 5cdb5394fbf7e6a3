// Demo lines to take, scripts, Debt Management treatment and press details, written through the app's own model
// functions so that each has its versions and audit events, as real ones would.
import { standardScript, type CallType } from '../content'
import { getCampaignByRef } from '../models/campaign.server'
import { saveDebtTreatment } from '../models/debt-treatment.server'
import { createLine } from '../models/line.server'
import { savePressBriefing } from '../models/press-briefing.server'
import { saveScript } from '../models/script.server'
import type { LineInput } from '../schemas/line'
import type { Db } from '../utils/db.server'
import type { SessionUser } from '../utils/roles'

interface DemoHandling {
  lines: LineInput[]
  scripts: CallType[]
  specialTreatment?: string
  pressBriefing?: boolean
}

const IS_GENUINE: LineInput = {
  audience: 'helpline',
  standardQuestion: 'is-genuine',
  question: 'Is this letter really from HMRC?',
  answer:
    'Yes. We sent it as part of a campaign to help customers check their tax. You can check that contact is genuine on GOV.UK by searching for “HMRC contact: check if it’s genuine”.\n\nWe will never ask for bank details or passwords by text or email, and the letter does not ask you to pay anyone but HMRC.',
}

const RENTAL: DemoHandling = {
  lines: [
    {
      audience: 'helpline',
      standardQuestion: 'why-sent',
      question: 'Why have I been sent this letter?',
      answer:
        'Letting agents tell us about the rent they collect for landlords. Your 2024 to 2025 tax return does not include any property income, but the information we hold suggests you received more than £10,000 in rent.\n\nWe are writing so that you can check your return and put it right if something was missed.',
    },
    {
      audience: 'helpline',
      standardQuestion: 'how-to-act',
      question: 'How do I put my return right?',
      answer:
        'If you can still amend your 2024 to 2025 return, you can do it online in your Self Assessment account.\n\nIf rental income is missing from earlier years too, tell us through the Let Property Campaign on GOV.UK. Doing it yourself usually means lower penalties than if we find it.',
    },
    {
      audience: 'helpline',
      standardQuestion: 'more-information',
      question: 'The rent is not mine, or I have already told you. How do I send you more information?',
      answer:
        'Write to the Self Assessment compliance team at the address in the letter, quoting your Unique Taxpayer Reference, or use the contact form on GOV.UK.\n\nThe campaign team reads every reply within 5 working days and notes it on your record, so you do not need to call again.',
    },
    IS_GENUINE,
    {
      audience: 'debt-management',
      standardQuestion: 'time-to-pay',
      question: 'I cannot pay the extra tax all at once.',
      answer:
        'You may be able to set up a payment plan. If you owe less than £30,000, you can usually set one up online; otherwise call the Self Assessment Payment Helpline.\n\nFor this campaign we can agree plans of up to 12 months without a full income and expenditure check.',
    },
    {
      audience: 'internal',
      standardQuestion: null,
      question: 'Who do I escalate a complaint to?',
      answer: 'Escalate complaints about the letter to the campaign owner, Sam Okafor, using the campaign reference.',
    },
    {
      audience: 'press',
      standardQuestion: null,
      question: 'Is HMRC targeting landlords?',
      answer:
        'HMRC is writing to some landlords whose records suggest rental income may be missing from their tax return. Most people pay the right tax, and we want to help those who have made a mistake to put it right.',
    },
    {
      audience: 'press',
      standardQuestion: null,
      question: 'How many letters are you sending?',
      answer: 'We are writing to around 320,000 landlords over the coming weeks.',
    },
  ],
  scripts: ['inbound', 'third-party'],
  specialTreatment:
    'Time to pay arrangements of up to 12 months without an income and expenditure assessment, for debts of under £30,000 that arise from this campaign. Advisers note the campaign reference on the customer’s record.',
  pressBriefing: true,
}

const CRYPTO: DemoHandling = {
  lines: [
    {
      audience: 'helpline',
      standardQuestion: 'why-sent',
      question: 'Why have you written to me about cryptoassets?',
      answer:
        'Cryptoasset exchanges tell us about their customers’ disposals. Our information shows you sold, exchanged or gave away cryptoassets worth more than £50,000 in 2024 to 2025, and no gain has been reported.\n\nA disposal can give rise to Capital Gains Tax even when you did not turn the cryptoassets into pounds.',
    },
    {
      audience: 'helpline',
      standardQuestion: 'how-to-act',
      question: 'What do I need to do?',
      answer:
        'Work out whether you made a gain using the guidance on GOV.UK. If you did, report it on your Self Assessment return, or use the cryptoasset disclosure service for earlier years.',
    },
    {
      audience: 'debt-management',
      standardQuestion: 'time-to-pay',
      question: 'I have spent the money. How can I pay?',
      answer: 'We can agree a payment plan. Call the Payment Support Service: advisers have been briefed about this campaign.',
    },
    {
      audience: 'press',
      standardQuestion: null,
      question: 'Is HMRC clamping down on crypto investors?',
      answer:
        'We receive information from cryptoasset exchanges and are writing to people who may need to pay tax on their gains, to help them get it right.',
    },
  ],
  scripts: ['inbound', 'third-party'],
  specialTreatment: 'Payment plans of up to 24 months for customers with gains from this campaign; no interest relief.',
}

const CHILD_BENEFIT: DemoHandling = {
  lines: [
    {
      audience: 'helpline',
      standardQuestion: 'why-sent',
      question: 'Why have I been told about the High Income Child Benefit Charge?',
      answer:
        'Your income has gone above £60,000, and you or your partner get Child Benefit. You may have to pay back some or all of it through the High Income Child Benefit Charge.',
    },
    {
      audience: 'helpline',
      standardQuestion: 'how-to-act',
      question: 'How do I pay the charge?',
      answer: 'You can pay it through your tax code. Use your personal tax account to tell us, and we will update your tax code.',
    },
    {
      audience: 'helpline',
      standardQuestion: 'more-information',
      question: 'My partner earns more than me. Where do I send that?',
      answer: 'Only the partner with the higher income pays the charge. Update the details in your personal tax account, or write to PAYE compliance at the address in the letter.',
    },
    IS_GENUINE,
  ],
  scripts: ['inbound', 'third-party', 'answering-machine'],
}

const VAT_SELLERS: DemoHandling = {
  lines: [
    {
      audience: 'helpline',
      standardQuestion: 'why-sent',
      question: 'Why have you written to me about VAT?',
      answer:
        'Online marketplaces tell us about the sales of the people who sell through them. Your sales over the last 12 months appear to be above the £90,000 VAT registration threshold, and you are not registered for VAT.',
    },
    {
      audience: 'helpline',
      standardQuestion: 'how-to-act',
      question: 'How do I register for VAT?',
      answer: 'Register online at GOV.UK. You must register within 30 days of the end of the month in which your taxable turnover went over the threshold.',
    },
    {
      audience: 'helpline',
      standardQuestion: 'more-information',
      question: 'Some of those sales were not mine, or were not taxable. How do I tell you?',
      answer: 'Write to the VAT registration team at the address in the letter, quoting your Unique Taxpayer Reference. They log every reply and answer within 15 working days.',
    },
    IS_GENUINE,
    {
      audience: 'debt-management',
      standardQuestion: 'time-to-pay',
      question: 'I owe VAT for past months and cannot pay it all at once.',
      answer: 'You may be able to spread the cost with a Time to Pay arrangement. Call the Payment Support Service once you are registered and know what you owe.',
    },
    {
      audience: 'press',
      standardQuestion: null,
      question: 'Is HMRC going after small online sellers?',
      answer: 'We are writing to sellers whose sales appear to be above the VAT threshold, to help them register and get their tax right. Most sellers are well below the threshold and are not affected.',
    },
  ],
  scripts: ['inbound'],
  specialTreatment: 'Time to Pay arrangements of up to 12 months for VAT owed for the months before registration, without an income and expenditure assessment below £50,000.',
  pressBriefing: true,
}

const BY_CAMPAIGN_NAME: Record<string, DemoHandling> = {
  'VAT registration threshold for online sellers': VAT_SELLERS,
  'Rental income missing from Self Assessment returns': RENTAL,
  'Cryptoasset disposals not reported for 2024 to 2025': CRYPTO,
  'High Income Child Benefit Charge awareness': CHILD_BENEFIT,
}

export async function seedDemoHandling(db: Db, ref: string, owner: SessionUser): Promise<void> {
  const campaign = await getCampaignByRef(db, ref)
  const demo = campaign ? BY_CAMPAIGN_NAME[campaign.name] : undefined
  if (!campaign || !demo) return
  for (const values of demo.lines) await createLine(db, { campaignId: campaign.id, values }, owner)
  for (const callType of demo.scripts) {
    await saveScript(db, { campaignId: campaign.id, callType, version: 0, sections: standardScript(callType, campaign.referenceType) }, owner)
  }
  if (demo.specialTreatment && campaign.extraLiability) {
    await saveDebtTreatment(db, { campaignId: campaign.id, version: 0, specialTreatment: demo.specialTreatment }, owner)
  }
  if (demo.pressBriefing && campaign.pressInform) {
    await savePressBriefing(db, { campaignId: campaign.id, version: 0, launchDateTold: campaign.plannedLaunchDate }, owner)
  }
}
