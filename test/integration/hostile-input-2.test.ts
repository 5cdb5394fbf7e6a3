import { hostileSuite } from '../support/hostile-suite'

hostileSuite(['campaigns.$ref.messages.new', 'campaigns.$ref.messages.$id.edit', 'campaigns.$ref.messages.$id.delete', 'campaigns.$ref.messages.fields', 'campaigns.$ref.forecast._index', 'helplines.new', 'helplines.$id.edit'])
