// Copies GOV.UK Frontend's CSS, JS and images into public/govuk at build time. The GDS Transport font is
// licensed for GOV.UK domains only, so its @font-face rules are removed: the CSS then falls back to Arial
// without the browser ever asking for a font file.
import fs from 'node:fs'
import path from 'node:path'
import url from 'node:url'

const root = path.resolve(path.dirname(url.fileURLToPath(import.meta.url)), '..')
const source = path.join(root, 'node_modules', 'govuk-frontend', 'dist', 'govuk')
const target = path.join(root, 'public', 'govuk')

fs.rmSync(target, { recursive: true, force: true })
fs.mkdirSync(path.join(target, 'images'), { recursive: true })

const css = fs.readFileSync(path.join(source, 'govuk-frontend.min.css'), 'utf8')
const withoutFonts = css.replace(/@font-face\{[^}]*\}/g, '').replace(/\/\*# sourceMappingURL=[^*]*\*\//, '')
if (/@font-face/.test(withoutFonts)) throw new Error('An @font-face rule survived: the GOV.UK Frontend CSS format has changed')
fs.writeFileSync(path.join(target, 'govuk-frontend.min.css'), withoutFonts)

const js = fs.readFileSync(path.join(source, 'govuk-frontend.min.js'), 'utf8')
fs.writeFileSync(path.join(target, 'govuk-frontend.min.js'), js.replace(/\/\/# sourceMappingURL=\S+/, ''))

for (const image of fs.readdirSync(path.join(source, 'assets', 'images'))) {
  fs.copyFileSync(path.join(source, 'assets', 'images', image), path.join(target, 'images', image))
}
fs.copyFileSync(path.join(source, 'assets', 'manifest.json'), path.join(target, 'manifest.json'))
console.log(`GOV.UK Frontend ${JSON.parse(fs.readFileSync(path.join(source, '..', '..', 'package.json'), 'utf8')).version} assets copied to public/govuk (fonts left out)`)
