import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom gives the test realm its own typed-array constructors, while structuredClone (used by
// fake-indexeddb) returns Node's. Yjs then sees a "foreign" Uint8Array coming out of IndexedDB.
// Real browsers have one realm; make the test realm match by using Node's constructors.
const nodeUint8Array = structuredClone(new Uint8Array(0)).constructor as typeof Uint8Array;
if (nodeUint8Array !== Uint8Array) {
  Object.defineProperty(globalThis, 'Uint8Array', { value: nodeUint8Array, configurable: true, writable: true });
  const nodeArrayBuffer = structuredClone(new ArrayBuffer(0)).constructor as typeof ArrayBuffer;
  Object.defineProperty(globalThis, 'ArrayBuffer', { value: nodeArrayBuffer, configurable: true, writable: true });
}

// jsdom lacks pointer capture, which Radix menus and sonner's swipe-to-dismiss call on pointerdown.
Element.prototype.setPointerCapture ??= () => {};
Element.prototype.releasePointerCapture ??= () => {};
Element.prototype.hasPointerCapture ??= () => false;

afterEach(() => {
  cleanup();
  localStorage.clear();
});
