// Shared by the command-line tools: the same DATABASE_URL rule as the app.
export const databaseUrl = process.env.DATABASE_URL || 'data/otm.sqlite'
