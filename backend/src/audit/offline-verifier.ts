/**
 * verify-evidence.mjs, the standalone verifier shipped in every evidence pack. It needs only Node.js
 * (18 or later), no package: an auditor runs it offline on the unzipped pack. It mirrors
 * audit-hash.ts (hash schemes), checkpoint.service.ts (signed payload) and field-diff's canonical
 * JSON; audit-chain.spec.ts and exports/evidence-pack.spec.ts run it on real packs.
 *
 * Written without backticks or dollar-brace so that it can live in this String.raw.
 */
export const VERIFY_EVIDENCE_MJS = String.raw`#!/usr/bin/env node
// Registre — evidence pack verifier / vérificateur du dossier de preuves.
// Usage: node verify-evidence.mjs [folder of the unzipped pack / dossier décompressé]
// Needs Node.js 18+, nothing else. Exit code: 0 verified, 1 not verified, 2 cannot read the pack.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.argv[2] || dirname(fileURLToPath(import.meta.url));
const WORDS = {
  fr: {
    title: 'Vérification du dossier de preuves',
    manifestSigned: 'Manifeste signé par la clé',
    manifestUnsigned: 'La signature du manifeste est absente ou invalide : le dossier a été modifié après sa production.',
    fileMissing: 'Fichier manquant : ',
    fileChanged: 'Fichier modifié depuis la production du dossier : ',
    fileExtra: 'Fichier absent du manifeste : ',
    events: 'événements recalculés',
    eventAltered: 'Événement modifié (son empreinte ne correspond plus) : n° ',
    chainBroken: 'Chaîne rompue (événement supprimé ou inséré) avant l’événement n° ',
    versionInvalid: 'Schéma d’empreinte invalide pour l’événement n° ',
    checkpoint: 'Point de contrôle signé le ',
    eventsWord: 'événements',
    checkpointOk: ' : signature valide, la chaîne contient bien les événements signés',
    keyUnknown: ' : clé de signature inconnue ou falsifiée',
    signatureInvalid: ' : signature invalide',
    truncated: ' : il comptait COUNT événements, le dossier n’en contient que HAVE (chaîne tronquée)',
    rewritten: ' : l’événement signé n’est plus celui de la chaîne (chaîne réécrite)',
    noCheckpoint: 'Aucun point de contrôle signé : la chaîne n’est cohérente qu’avec elle-même.',
    fingerprint: 'Empreinte de clé à comparer avec celle communiquée par l’éditeur ou un dossier précédent : ',
    ok: 'RÉSULTAT : dossier vérifié.',
    ko: 'RÉSULTAT : dossier NON vérifié.',
    unreadable: 'Dossier illisible : ',
  },
  en: {
    title: 'Evidence pack verification',
    manifestSigned: 'Manifest signed by key',
    manifestUnsigned: 'The manifest signature is missing or invalid: the pack was changed after it was produced.',
    fileMissing: 'Missing file: ',
    fileChanged: 'File changed since the pack was produced: ',
    fileExtra: 'File not listed in the manifest: ',
    events: 'events recomputed',
    eventAltered: 'Event changed (its hash no longer matches): no. ',
    chainBroken: 'Chain broken (event deleted or inserted) before event no. ',
    versionInvalid: 'Invalid hash scheme for event no. ',
    checkpoint: 'Checkpoint signed on ',
    eventsWord: 'events',
    checkpointOk: ': signature valid, the chain holds the signed events',
    keyUnknown: ': unknown or forged signing key',
    signatureInvalid: ': invalid signature',
    truncated: ': it counted COUNT events, the pack holds only HAVE (chain truncated)',
    rewritten: ': the signed event is no longer the one in the chain (chain rewritten)',
    noCheckpoint: 'No signed checkpoint: the chain is only consistent with itself.',
    fingerprint: 'Key fingerprint to compare with the one given by the publisher or a previous pack: ',
    ok: 'RESULT: pack verified.',
    ko: 'RESULT: pack NOT verified.',
    unreadable: 'Cannot read the pack: ',
  },
};

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const read = (name) => readFileSync(join(dir, name));

/** Same text for the same value whatever the key order (undefined members left out). */
function canonical(value) {
  if (Array.isArray(value)) return '[' + value.map(canonical).join(',') + ']';
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return '{' + entries.map(([k, v]) => JSON.stringify(k) + ':' + canonical(v)).join(',') + '}';
  }
  return JSON.stringify(value ?? null);
}

function hashPayload(e) {
  if (e.hashVersion === 1) {
    return canonical({ organizationId: e.organizationId, occurredAt: e.occurredAt, actorUserId: e.actorUserId, action: e.action, entityType: e.entityType, entityId: e.entityId, changes: e.changes, previousHash: e.previousHash });
  }
  return canonical({
    hashVersion: 2, id: e.id, organizationId: e.organizationId, occurredAt: e.occurredAt, actorUserId: e.actorUserId, actorName: e.actorName, action: e.action,
    entityType: e.entityType, entityId: e.entityId, entityLabel: e.entityLabel, changes: e.changes, requestId: e.requestId, previousHash: e.previousHash,
  });
}

function checkpointPayload(c) {
  return Buffer.from(canonical({ format: 'registre-audit-checkpoint/1', organizationId: c.organizationId, lastEventId: c.lastEventId, lastSequence: c.lastSequence, lastHash: c.lastHash, eventCount: c.eventCount, signedAt: c.signedAt, keyId: c.keyId }), 'utf8');
}

function keyIdOf(pem) {
  return sha256(createPublicKey(pem).export({ type: 'spki', format: 'der' }));
}

function signatureValid(key, payload, signature) {
  try {
    return key.algorithm === 'Ed25519' && keyIdOf(key.publicKey) === key.keyId && verify(null, payload, createPublicKey(key.publicKey), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

function main() {
  let manifestBytes;
  let manifest;
  try {
    manifestBytes = read('manifest.json');
    manifest = JSON.parse(manifestBytes.toString('utf8'));
  } catch (error) {
    console.error(WORDS.en.unreadable + (error && error.message));
    return 2;
  }
  const w = WORDS[manifest.language] || WORDS.en;
  const problems = [];
  const say = (line) => console.log(line);
  say(w.title + ' — ' + (manifest.organization && manifest.organization.name));

  // 1. The pack is the one produced: its manifest is signed, and every file matches the manifest.
  let keys = [];
  try {
    keys = JSON.parse(read('audit/signing-keys.json').toString('utf8'));
  } catch {
    keys = [];
  }
  const keyById = new Map(keys.map((key) => [key.keyId, key]));
  let manifestSignature = null;
  try {
    manifestSignature = JSON.parse(read('manifest.signature.json').toString('utf8'));
  } catch {
    manifestSignature = null;
  }
  const manifestKey = manifestSignature && keyById.get(manifestSignature.keyId);
  if (manifestKey && signatureValid(manifestKey, manifestBytes, manifestSignature.signature)) say('✓ ' + w.manifestSigned + ' ' + manifestKey.keyId);
  else problems.push(w.manifestUnsigned);
  const listed = new Set();
  for (const file of manifest.files || []) {
    listed.add(file.name);
    if (isAbsolute(file.name) || file.name.split('/').includes('..') || !existsSync(join(dir, file.name))) {
      problems.push(w.fileMissing + file.name);
      continue;
    }
    const content = read(file.name);
    if (content.length !== file.bytes || sha256(content) !== file.sha256) problems.push(w.fileChanged + file.name);
  }
  for (const name of ['audit/events.jsonl', 'audit/checkpoints.json', 'audit/signing-keys.json', 'verify-evidence.mjs']) {
    if (!listed.has(name)) problems.push(w.fileExtra + name);
  }

  // 2. The chain, recomputed from every hashed field of every event.
  let events = [];
  try {
    events = read('audit/events.jsonl').toString('utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line));
  } catch (error) {
    problems.push(w.unreadable + (error && error.message));
  }
  let previous = null;
  let previousVersion = 1;
  for (const [index, event] of events.entries()) {
    const number = index + 1;
    if (![1, 2].includes(event.hashVersion) || event.hashVersion < previousVersion) {
      problems.push(w.versionInvalid + number);
      break;
    }
    if (event.previousHash !== previous) {
      problems.push(w.chainBroken + number);
      break;
    }
    if (sha256(hashPayload(event)) !== event.hash) {
      problems.push(w.eventAltered + number);
      break;
    }
    previous = event.hash;
    previousVersion = event.hashVersion;
  }
  say('• ' + events.length + ' ' + w.events);

  // 3. Every signed checkpoint: its signature, and the chain still holding the head it signed.
  let checkpoints = [];
  try {
    checkpoints = JSON.parse(read('audit/checkpoints.json').toString('utf8'));
  } catch (error) {
    problems.push(w.unreadable + (error && error.message));
  }
  for (const checkpoint of checkpoints) {
    const when = new Date(checkpoint.signedAt).toLocaleString(w === WORDS.fr ? 'fr-FR' : 'en-GB', { timeZone: 'Europe/Paris' });
    const label = w.checkpoint + when + ' (' + checkpoint.eventCount + ' ' + w.eventsWord + ')';
    const key = keyById.get(checkpoint.keyId);
    if (!key) {
      problems.push(label + w.keyUnknown);
      continue;
    }
    if (!signatureValid(key, checkpointPayload(checkpoint), checkpoint.signature)) {
      problems.push(label + w.signatureInvalid);
      continue;
    }
    const event = events[checkpoint.eventCount - 1];
    if (checkpoint.eventCount > events.length) problems.push(label + w.truncated.replace('COUNT', checkpoint.eventCount).replace('HAVE', events.length));
    else if (!event || event.id !== checkpoint.lastEventId || event.hash !== checkpoint.lastHash || event.sequence !== checkpoint.lastSequence) problems.push(label + w.rewritten);
    else say('✓ ' + label + w.checkpointOk);
  }
  if (checkpoints.length === 0) say('! ' + w.noCheckpoint);
  for (const key of keys) say('• ' + w.fingerprint + key.keyId);

  for (const problem of problems) say('✗ ' + problem);
  say(problems.length === 0 ? w.ok : w.ko);
  return problems.length === 0 ? 0 : 1;
}

process.exitCode = main();
`;
