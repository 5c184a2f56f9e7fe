/** Notified by a trigger on platform.sessions (migrations/013_accounts.sql) whenever rows are deleted: their ids, or '*'. */
export const SESSIONS_ENDED_CHANNEL = 'plaza_sessions_ended'
