import { hostileSuite } from '../support/hostile-suite'

hostileSuite(['account.password', 'account.sessions', 'account.two-factor._index', 'account.two-factor.setup'])
