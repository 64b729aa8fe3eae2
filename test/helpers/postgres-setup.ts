import { afterAll } from 'vitest'
import { closePostgresCopies } from './postgres-app'

// In the pg project, after each test file: the PostgreSQL copies its suites made are dropped.
afterAll(closePostgresCopies)
