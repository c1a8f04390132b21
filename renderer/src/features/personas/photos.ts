import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo } from 'react';
import { type AlignboardDb, db as defaultDb } from '../../db/db';
import { isQuotaError, StorageFullError } from '../../db/errors';
import { newId, nowIso } from '../../db/ids';

/** Photos are stored small: enough for a card on a projector and a printed sheet. */
export const PHOTO_MAX_SIDE = 480;
export const PHOTO_MAX_INPUT_BYTES = 25 * 1024 * 1024;

export class PhotoError extends Error {
  constructor(readonly reason: 'not-image' | 'too-large') {
    super(reason);
    this.name = 'PhotoError';
  }
}

export type ResizedPhoto = { bytes: Uint8Array; mime: 'image/webp' | 'image/jpeg'; width: number; height: number };

/** Fits the image in PHOTO_MAX_SIDE × PHOTO_MAX_SIDE (never enlarges) and re-encodes it. */
export async function resizePhoto(file: Blob): Promise<ResizedPhoto> {
  if (file.size > PHOTO_MAX_INPUT_BYTES) throw new PhotoError('too-large');
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new PhotoError('not-image');
  }
  try {
    const scale = Math.min(1, PHOTO_MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new PhotoError('not-image');
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, width, height);
    let blob = await canvas.convertToBlob({ type: 'image/webp', quality: 0.85 });
    // Browsers that cannot encode WebP silently return PNG; JPEG is smaller for photos then.
    if (blob.type !== 'image/webp') blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
    return { bytes: new Uint8Array(await blob.arrayBuffer()), mime: blob.type as ResizedPhoto['mime'], width, height };
  } finally {
    bitmap.close();
  }
}

export async function storePhoto(workspaceId: string, photo: ResizedPhoto, database: AlignboardDb = defaultDb): Promise<string> {
  const id = newId();
  try {
    await database.assets.add({ workspaceId, id, ...photo, createdAt: nowIso() });
  } catch (error) {
    if (isQuotaError(error)) throw new StorageFullError(error);
    throw error;
  }
  return id;
}

/** An object URL for a stored photo, revoked when it changes or the component goes away. */
export function usePhotoUrl(workspaceId: string, photoId: string | null): string | null {
  const asset = useLiveQuery(
    async () => (photoId ? ((await defaultDb.assets.get([workspaceId, photoId])) ?? null) : null),
    [workspaceId, photoId],
  );
  const url = useMemo(() => (asset ? URL.createObjectURL(new Blob([asset.bytes as BlobPart], { type: asset.mime })) : null), [asset]);
  useEffect(() => () => {
    if (url) URL.revokeObjectURL(url);
  }, [url]);
  return url;
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  // Japanese names are usually written without initials; the first character of each part reads well.
  return parts
    .slice(0, 2)
    .map((part) => Array.from(part)[0]!.toUpperCase())
    .join('');
}
