import { defineConfig } from 'drizzle-kit'

/** The PostgreSQL migrations, from the PostgreSQL twin of the schema. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema-pg.ts',
  out: './db/migrations-pg',
})
