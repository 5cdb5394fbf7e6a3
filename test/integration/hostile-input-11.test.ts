import { hostileSuite } from '../support/hostile-suite'

hostileSuite([
  'campaigns.$ref.welsh.messages.$id',
  'campaigns.$ref.welsh.lines.$lineId',
  'campaigns.$ref.welsh.scripts.$callType',
  'campaigns.$ref.welsh.$kind.$id.remove',
  'campaigns.$ref.welsh.request',
  'campaigns.$ref.welsh.import',
])
