// Measures how tall the long pages are at 1,280 px wide: the forecast page, a helpline briefing and the three
// sign-off decision pages of the demo's campaign awaiting sign-off. Run against a demo server (OTM_DEMO=1):
//   node scripts/page-heights.mjs http://127.0.0.1:3000 OTM-2027-002 'the demo password'
// Prints a Markdown table row per page: its height in pixels, with JavaScript on, once the page has settled.
import { chromium } from 'playwright-core'

const [baseUrl, ref, password] = process.argv.slice(2)
if (!baseUrl || !ref || !password) throw new Error('Usage: node scripts/page-heights.mjs BASE_URL CAMPAIGN_REF DEMO_PASSWORD')

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' })

async function signedIn(email) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.getByRole('button', { name: 'Sign in', exact: true }).click()])
  return page
}

async function height(page, path) {
  await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' })
  await page.waitForSelector('[data-govuk-skip-link-init]', { state: 'attached' })
  // Charts load lazily: wait until every chart placeholder has drawn, then for the layout to settle.
  await page.waitForTimeout(1500)
  return page.evaluate(() => document.documentElement.scrollHeight)
}

const rows = []
const designer = await signedIn('designer@example.gov.uk')
rows.push(['Forecast page', await height(designer, `/campaigns/${ref}/forecast`)])
const briefing = await designer.locator('a[href*="/forecast/briefing/"]').first().getAttribute('href')
rows.push([`Helpline briefing (${(await designer.locator('a[href*="/forecast/briefing/"]').first().textContent())?.trim()})`, await height(designer, briefing)])
for (const [group, email, name] of [
  ['customer-services', 'customer-services@example.gov.uk', 'Customer Services decision page'],
  ['debt-management', 'debt-management@example.gov.uk', 'Debt Management decision page'],
  ['press-office', 'press-office@example.gov.uk', 'Press Office decision page'],
]) {
  const page = await signedIn(email)
  rows.push([name, await height(page, `/campaigns/${ref}/sign-off/${group}`)])
}
for (const [name, px] of rows) console.log(`| ${name} | ${px.toLocaleString('en-GB')} px |`)
await browser.close()
