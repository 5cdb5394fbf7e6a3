export type SqlDialect = 'sqlite' | 'postgres'

/** `postgres://` or `postgresql://` selects PostgreSQL; anything else is an SQLite file path. */
export function dialectForUrl(url: string): SqlDialect {
  return /^postgres(ql)?:\/\//i.test(url) ? 'postgres' : 'sqlite'
}
