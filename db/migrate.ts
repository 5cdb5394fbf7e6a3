import { Migrator, type Migration, type MigrationProvider } from 'kysely'
import { dialectOf, type Db } from './connection'
import { migrations } from './migrations/index'

class StaticMigrationProvider implements MigrationProvider {
  constructor(private readonly db: Db) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const dialect = dialectOf(this.db)
    return Object.fromEntries(
      Object.entries(migrations).map(([name, migration]) => [name, { up: (db) => migration.up(db, dialect) }]),
    )
  }
}

/** Brings the schema up to date. Throws (with the failing migration's name) rather than start half-migrated. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticMigrationProvider(db) })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((result) => result.status === 'Error')
  if (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`, { cause: error })
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName)
}
