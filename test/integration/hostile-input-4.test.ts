import { hostileSuite } from '../support/hostile-suite'

hostileSuite([
  'campaigns.$ref.sign-off.$group',
  'campaigns.$ref.sign-off._index',
  'campaigns.$ref.launch',
  'campaigns.$ref.actuals._index',
  'campaigns.$ref.actuals.upload',
  'campaigns.$ref.forecast.reforecast',
  'admin.bank-holidays._index',
  'admin.bank-holidays.$uploadId',
])
