// What an email says: plain text, and simple accessible HTML in GOV.UK's style (GOV.UK's colours and type scale, the
// system font, one column, real headings and link text that makes sense alone). React renders the HTML, so every
// value is escaped. Every email ends with a signed link that changes how its reader hears of that kind of event.
import type { CSSProperties, ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { formatDateTime } from '../campaign/options'
import { KIND_LABELS, isNotificationKind } from './kinds'

export const SERVICE = 'OTM Campaign Planner'

export interface EmailNotification {
  kind: string
  title: string
  body: string
  /** Absolute. */
  url: string
  createdAt: string
}

export interface RenderedEmail {
  subject: string
  text: string
  html: string
}

export interface EmailLinks {
  /** The signed link for the kind this email is about (or for every kind, for a digest or a test). */
  settingsUrl: string
  /** The signed-in preferences page. */
  preferencesUrl: string
}

const colours = { text: '#0b0c0c', secondary: '#484949', link: '#1d70b8', brand: '#1d70b8', border: '#cecece', button: '#00703c' }
const font = 'arial, sans-serif'
const style = {
  body: { margin: 0, padding: 0, backgroundColor: '#ffffff', color: colours.text, fontFamily: font },
  header: { backgroundColor: colours.brand, color: '#ffffff', padding: '15px 20px', fontFamily: font, fontSize: '19px', fontWeight: 700 },
  main: { maxWidth: '580px', padding: '20px', fontFamily: font },
  h1: { fontSize: '27px', lineHeight: '1.25', margin: '0 0 20px', fontWeight: 700, color: colours.text },
  h2: { fontSize: '21px', lineHeight: '1.3', margin: '30px 0 10px', fontWeight: 700, color: colours.text },
  p: { fontSize: '19px', lineHeight: '1.4', margin: '0 0 20px', color: colours.text },
  link: { color: colours.link, textDecoration: 'underline' },
  button: { display: 'inline-block', backgroundColor: colours.button, color: '#ffffff', padding: '8px 12px', fontSize: '19px', fontWeight: 700, textDecoration: 'none', boxShadow: '0 2px 0 #002d18' },
  footer: { borderTop: `1px solid ${colours.border}`, marginTop: '30px', paddingTop: '15px', fontSize: '16px', lineHeight: '1.4', color: colours.secondary },
} satisfies Record<string, CSSProperties>

function Layout({ title, children, footer }: { title: string; children: ReactNode; footer: ReactNode }) {
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
      </head>
      <body style={style.body}>
        <div style={style.header}>{SERVICE}</div>
        <div style={style.main}>
          {children}
          <div style={style.footer}>{footer}</div>
        </div>
      </body>
    </html>
  )
}

function Footer({ links, why }: { links: EmailLinks; why: string }) {
  return (
    <>
      <p style={{ ...style.p, fontSize: '16px', color: colours.secondary }}>{why}</p>
      <p style={{ ...style.p, fontSize: '16px', color: colours.secondary, margin: 0 }}>
        <a style={style.link} href={links.settingsUrl}>
          Change how you get these emails
        </a>{' '}
        (no need to sign in), or{' '}
        <a style={style.link} href={links.preferencesUrl}>
          change all your notification settings
        </a>
        .
      </p>
    </>
  )
}

const html = (element: ReactNode) => `<!DOCTYPE html>${renderToStaticMarkup(element)}`
const whyText = (kind: string) => (isNotificationKind(kind) ? `You get this email because you asked to hear by email: ${KIND_LABELS[kind].who.replace(/^When/, 'when')}.` : '')
const textFooter = (links: EmailLinks, why: string) =>
  [`--`, why, `Change how you get these emails (no need to sign in): ${links.settingsUrl}`, `All your notification settings: ${links.preferencesUrl}`, SERVICE].filter(Boolean).join('\n')

/** The email for one notification. */
export function notificationEmail(n: EmailNotification, links: EmailLinks): RenderedEmail {
  const why = whyText(n.kind)
  return {
    subject: n.title,
    text: `${n.title}\n\n${n.body}\n\nOpen it in the planner: ${n.url}\n\n${textFooter(links, why)}\n`,
    html: html(
      <Layout title={n.title} footer={<Footer links={links} why={why} />}>
        <h1 style={style.h1}>{n.title}</h1>
        <p style={style.p}>{n.body}</p>
        <p style={style.p}>
          <a style={style.button} href={n.url}>
            Open it in the planner
          </a>
        </p>
      </Layout>,
    ),
  }
}

/** The daily digest: everything held for it, newest first. */
export function digestEmail(subject: string, items: readonly EmailNotification[], links: EmailLinks): RenderedEmail {
  const intro = items.length === 1 ? 'There is 1 thing to know about from the last day.' : `There are ${items.length} things to know about from the last day.`
  const why = 'You get this summary because you asked for a daily digest of some notifications.'
  return {
    subject,
    text: `${subject}\n\n${intro}\n\n${items.map((n) => `${n.title}\n${formatDateTime(n.createdAt)}\n${n.body}\nOpen it in the planner: ${n.url}`).join('\n\n')}\n\n${textFooter(links, why)}\n`,
    html: html(
      <Layout title={subject} footer={<Footer links={links} why={why} />}>
        <h1 style={style.h1}>{subject}</h1>
        <p style={style.p}>{intro}</p>
        {items.map((n, i) => (
          <div key={i}>
            <h2 style={style.h2}>
              <a style={style.link} href={n.url}>
                {n.title}
              </a>
            </h2>
            <p style={{ ...style.p, fontSize: '16px', color: colours.secondary, margin: '0 0 5px' }}>{formatDateTime(n.createdAt)}</p>
            <p style={style.p}>{n.body}</p>
          </div>
        ))}
      </Layout>,
    ),
  }
}

/** An administrator's test: if they can read it, email from the planner reaches them. */
export function testEmail(subject: string, input: { name: string; queuedAt: string }, links: EmailLinks): RenderedEmail {
  const body = `${input.name} asked for this test email on ${formatDateTime(input.queuedAt)} from the notifications page. If you can read it, email from the planner reaches you.`
  const why = 'You get this email because you sent a test email from the administration pages.'
  return {
    subject,
    text: `${subject}\n\n${body}\n\n${textFooter(links, why)}\n`,
    html: html(
      <Layout title={subject} footer={<Footer links={links} why={why} />}>
        <h1 style={style.h1}>{subject}</h1>
        <p style={style.p}>{body}</p>
      </Layout>,
    ),
  }
}
