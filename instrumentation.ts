/** Next.js calls this once per server start, before requests are served. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { prepareDatabase } = await import('./db/bootstrap');
    await prepareDatabase();
    const { startScheduler } = await import('./server/scheduler/start-scheduler');
    startScheduler();
  }
}
