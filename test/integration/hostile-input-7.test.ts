import { hostileSuite } from '../support/hostile-suite'

hostileSuite(['notifications._index', 'notifications.preferences', 'notifications.email-settings.$token', 'notifications.calendar-feed', 'admin.notifications'])
