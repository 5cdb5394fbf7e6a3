import { hostileSuite } from '../support/hostile-suite'

hostileSuite([
  'campaigns.$ref.lines.new',
  'campaigns.$ref.lines.$lineId.edit',
  'campaigns.$ref.lines.$lineId.remove',
  'campaigns.$ref.lines._index',
  'campaigns.$ref.scripts.$callType._index',
  'campaigns.$ref.scripts.$callType.remove',
  'campaigns.$ref.debt-management',
  'campaigns.$ref.press',
])
