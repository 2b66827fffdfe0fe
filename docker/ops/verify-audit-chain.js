// Checks the audit trail's hash chain: for every organisation, each event's hash must be the hash
// of its own content, and its previous_hash the hash of the event before it (by sequence).
// Exit code 0 when every chain is intact, 1 otherwise.
//
// Runs inside the API image, which has the compiled hash function and the `pg` driver, with the
// OWNER connection (the owner is not subject to row-level security, so it sees every
// organisation):
//
//   docker compose -f docker/compose.yaml exec -T api-1 node - < docker/ops/verify-audit-chain.js
//
// or with any checkout where `npm run build -w backend` has run, from the repository root:
//
//   DATABASE_URL=postgres://registre_owner:...@host:5432/registre node docker/ops/verify-audit-chain.js
//
// It reads the whole table in one query: fine for a restore drill, not meant for huge trails.
const path = require('node:path');
const fs = require('node:fs');

const root = ['/app', process.cwd(), path.resolve(__dirname ?? '.', '..', '..')].find((dir) =>
  fs.existsSync(path.join(dir, 'backend', 'dist', 'audit', 'audit.service.js')),
);
if (!root) {
  console.error('backend/dist not found: build the backend first (npm run build -w backend).');
  process.exit(2);
}
const { Client } = require(require.resolve('pg', { paths: [path.join(root, 'backend')] }));
const { hashEvent, storedEvent } = require(path.join(root, 'backend', 'dist', 'audit', 'audit.service.js'));

async function main() {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL (owner connection) is not set');
  const db = new Client({ connectionString: process.env.DATABASE_URL, application_name: 'registre-verify-audit' });
  await db.connect();
  try {
    const { rows } = await db.query(
      // Every column: the hash scheme (hash_version) says which fields the hash covers.
      `SELECT * FROM audit_events ORDER BY organization_id, sequence`,
    );
    const lastHash = new Map();
    const organizations = new Set();
    let broken = 0;
    for (const row of rows) {
      organizations.add(row.organization_id);
      const expected = hashEvent(storedEvent(row));
      const linked = (lastHash.get(row.organization_id) ?? null) === row.previous_hash;
      if (expected !== row.hash || !linked) {
        broken++;
        console.log(
          `BROKEN organization=${row.organization_id} sequence=${row.sequence} ` +
            `${expected !== row.hash ? 'content does not match its hash' : 'previous_hash does not match the event before'}`,
        );
      }
      lastHash.set(row.organization_id, row.hash);
    }
    console.log(`${rows.length} audit events in ${organizations.size} organisations checked, ${broken} broken`);
    process.exitCode = broken === 0 ? 0 : 1;
  } finally {
    await db.end();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
});
