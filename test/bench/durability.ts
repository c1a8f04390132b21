/**
 * Runs inside headless Chromium, on the bench's on-disk profile. What strict durability costs a
 * signature: the app's signVersion (strict: committed once flushed to disk) against the very same
 * update (addSignature, one put) through the ordinary connection (Chromium's default, relaxed),
 * alternating which goes first. Each sample signs a fresh in-review version of its own workspace.
 */
import { addSignature, submitForReview } from '../../shared/sla/versions';
import { openDb } from '../../renderer/src/db/db';
import { addMember, createWorkspace } from '../../renderer/src/db/workspaces';
import { ensureVersion, signVersion, updateVersion } from '../../renderer/src/features/sla/slaStore';

// A drawn signature is a PNG data URL of some kilobytes; this one stands in for its size.
const PNG = `data:image/png;base64,${'iVBORw0KGgo'.repeat(1_500)}`;

type Sample = { strictMs: number[]; defaultMs: number[] };

async function inReview(database: ReturnType<typeof openDb>, index: number) {
  const workspaceId = await createWorkspace(`Bench ${index}`, database);
  const member = await addMember(workspaceId, { name: '佐藤 花子', department: 'marketing', title: 'マーケティング部長' }, database);
  await addMember(workspaceId, { name: 'John Smith', department: 'sales', title: 'Head of Sales' }, database);
  const version = await ensureVersion(workspaceId, { language: 'ja', title: 'SLA' }, database);
  await updateVersion(workspaceId, version.id, submitForReview, database);
  const signature = { memberId: member.id, name: member.name, title: member.title, department: member.department, date: '2026-11-30', image: { format: 'png' as const, data: PNG } };
  return { workspaceId, versionId: version.id, signature };
}

async function run(runs: number): Promise<Sample> {
  const database = openDb(`bench-durability-${Date.now()}`);
  const sample: Sample = { strictMs: [], defaultMs: [] };
  for (let index = 0; index < runs; index++) {
    const strict = await inReview(database, index * 2);
    const relaxed = await inReview(database, index * 2 + 1);
    const order = index % 2 === 0 ? ['strict', 'default'] : ['default', 'strict'];
    for (const kind of order) {
      const started = performance.now();
      if (kind === 'strict') await signVersion(strict.workspaceId, strict.versionId, strict.signature, database);
      else await updateVersion(relaxed.workspaceId, relaxed.versionId, (version, now) => addSignature(version, relaxed.signature, now), database);
      (kind === 'strict' ? sample.strictMs : sample.defaultMs).push(performance.now() - started);
    }
  }
  database.close();
  return sample;
}

(window as unknown as { benchDurability: typeof run }).benchDurability = run;
document.title = 'ready';
