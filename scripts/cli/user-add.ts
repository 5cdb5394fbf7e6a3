// npm run user:add -- --email a@b.gov.uk --name "A Person" --role designer [--role viewer] [--password …]
// Creates a user from the shell (for example the first admin when OTM_DEMO=0). Without --password, one is
// generated and printed once, and must be changed at the first sign-in. An administrator added here must set up
// two-factor sign-in at their first sign-in, before they can use the service.
import crypto from 'node:crypto'
import { parseArgs } from 'node:util'
import { createUser, EmailTakenError } from '../../app/models/user.server'
import { newUserSchema } from '../../app/schemas/user'
import { parseForm } from '../../app/utils/forms'
import { passwordProblem } from '../../app/utils/password-policy.server'
import { closeDatabases, db } from '../../app/utils/db.server'
import { migrateToLatest } from '../../db/migrate'

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', multiple: true },
    password: { type: 'string' },
    help: { type: 'boolean' },
  },
})

if (values.help) {
  console.log('Usage: npm run user:add -- --email EMAIL --name "FULL NAME" --role ROLE [--role ROLE …] [--password PASSWORD]')
  console.log('Roles: designer, customer-services, debt-management, press-office, viewer, admin')
  process.exit(0)
}

const generated = !values.password
const password = values.password ?? crypto.randomBytes(12).toString('base64url')
const parsed = parseForm(newUserSchema, { email: values.email, name: values.name, roles: values.role ?? [], password })
if (!parsed.ok) {
  for (const [field, message] of Object.entries(parsed.errors)) console.error(`--${field === 'roles' ? 'role' : field}: ${message}`)
  process.exit(2)
}
const weak = passwordProblem(password, parsed.data)
if (weak) {
  console.error(`--password: ${weak}`)
  process.exit(2)
}
const administrator = parsed.data.roles.includes('admin')
try {
  await migrateToLatest(db)
  await createUser(db, parsed.data, null, { requireTwoFactor: administrator, mustChangePassword: generated })
  console.log(`Added ${parsed.data.email} (${parsed.data.roles.join(', ') || 'no roles'})`)
  if (generated) console.log(`Password (shown once; it must be changed at the first sign-in): ${password}`)
  if (administrator) console.log('As an administrator, they must set up two-factor sign-in with an authenticator app at their first sign-in.')
} catch (error) {
  console.error(error instanceof EmailTakenError ? `A user with the email ${parsed.data.email} already exists` : error)
  process.exitCode = 1
} finally {
  await closeDatabases()
}
