import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { loadLanguage } from '../../renderer/src/i18n';

// jsdom gives the test realm its own typed-array constructors, while structuredClone (used by
// fake-indexeddb) returns Node's. Yjs then sees a "foreign" Uint8Array coming out of IndexedDB.
// Real browsers have one realm; make the test realm match by using Node's constructors.
const nodeUint8Array = structuredClone(new Uint8Array(0)).constructor as typeof Uint8Array;
if (nodeUint8Array !== Uint8Array) {
  Object.defineProperty(globalThis, 'Uint8Array', { value: nodeUint8Array, configurable: true, writable: true });
  const nodeArrayBuffer = structuredClone(new ArrayBuffer(0)).constructor as typeof ArrayBuffer;
  Object.defineProperty(globalThis, 'ArrayBuffer', { value: nodeArrayBuffer, configurable: true, writable: true });
}
// Lead records are Int32Arrays (shared/kpi/leadRecords.ts): the same realm mismatch.
const nodeInt32Array = structuredClone(new Int32Array(0)).constructor as typeof Int32Array;
if (nodeInt32Array !== Int32Array) Object.defineProperty(globalThis, 'Int32Array', { value: nodeInt32Array, configurable: true, writable: true });

// jsdom has no ResizeObserver (React Flow, the funnel page and the audience canvas observe their
// size): one that never reports, as in a window whose size does not change.
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
if (!('ResizeObserver' in globalThis)) Object.assign(globalThis, { ResizeObserver: NoResizeObserver });

// jsdom lacks pointer capture, which Radix menus and sonner's swipe-to-dismiss call on pointerdown.
Element.prototype.setPointerCapture ??= () => {};
Element.prototype.releasePointerCapture ??= () => {};
Element.prototype.hasPointerCapture ??= () => false;

// findBy*/waitFor wait up to 5 s, not 1 s: on a loaded 2-core machine a page that reads IndexedDB
// (or loads its code on first use) can take more than a second to show. A wait, not a speed bound.
configure({ asyncUtilTimeout: 5_000 });

// Both languages, as the app loads them (one chunk each), so tests can show either at once.
await Promise.all([loadLanguage('en'), loadLanguage('ja')]);

afterEach(() => {
  cleanup();
  localStorage.clear();
});
