import { hostileSuite } from '../support/hostile-suite'

hostileSuite(['login_.two-factor', 'login_.new-password', 'login_.set-up-two-factor', 'admin.users.$id_.sign-in'])
