import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/**
 * Puts a benchmark's section into a markdown file: `section` starts with its `## Heading` line, and replaces the
 * section of that heading (up to the next `## `), or is added at the end. Every other section is left as it was.
 */
export function writeSection(file: string, section: string): void {
  const heading = section.slice(0, section.indexOf('\n')).trimEnd()
  const current = existsSync(file) ? readFileSync(file, 'utf8') : `# ${path.basename(file, '.md')}\n`
  const block = `${section.trim().replace(/\n{3,}/g, '\n\n')}\n`
  const at = current.indexOf(`\n${heading}\n`)
  const next = at < 0 ? -1 : current.indexOf('\n## ', at + 1)
  const updated = at < 0 ? `${current.trimEnd()}\n\n${block}` : `${current.slice(0, at + 1)}${block}${next < 0 ? '' : `\n${current.slice(next + 1)}`}`
  writeFileSync(file, updated)
  console.log(`Wrote the "${heading.replace(/^#+ /, '')}" section of ${path.relative(process.cwd(), file)}`)
}
