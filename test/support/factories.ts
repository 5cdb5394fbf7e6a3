import crypto from 'node:crypto'
import { createCampaign } from '../../app/models/campaign.server'
import { createUser } from '../../app/models/user.server'
import type { CampaignInput } from '../../app/schemas/campaign'
import { db } from '../../app/utils/db.server'
import type { Role, SessionUser } from '../../app/utils/roles'
import { campaignInput } from './campaign-form'
import { sessionCookieFor } from './routes'

// The pure builders live apart so that tests that only talk HTTP can use them without opening the database.
export { addDays, campaignForm, campaignInput } from './campaign-form'

export const TEST_PASSWORD = 'correct horse battery staple'

export interface TestUser extends SessionUser {
  cookie: string
}

export async function makeUser(roles: Role[], name = 'Test User'): Promise<TestUser> {
  const email = `${roles.join('-') || 'nobody'}-${crypto.randomUUID().slice(0, 8)}@example.gov.uk`
  const id = await createUser(db, { email, name, password: TEST_PASSWORD, roles }, null)
  return { id, email, name, roles, cookie: await sessionCookieFor(id) }
}

export async function makeCampaign(owner: SessionUser, overrides: Partial<CampaignInput> = {}, status?: Parameters<typeof createCampaign>[3]): Promise<string> {
  return createCampaign(db, campaignInput(overrides), owner, status)
}
