/** When the jobs run; apart from the jobs service so that what they compute can read the time zone. */

/** Every morning, Paris time: review dates, DPIA actions and grids awaiting the DPO; then requesters' identity past its retention. */
export const REMINDERS_CRON = '0 6 * * *';
/** Monday morning: the reminders not e-mailed at once, and each person's weekly digest. */
export const DIGEST_CRON = '0 7 * * 1';
export const JOBS_TIME_ZONE = 'Europe/Paris';
