/**
 * The slice of `Document` waitForPrintAssets reads. Structural on purpose: the function is also
 * run as-is inside real Chromium by the PDF tests (serialised with `toString()`), so it must not
 * depend on anything outside its own body.
 */
export type PrintAssetsDocument = {
  readonly body: { getBoundingClientRect(): unknown } | null;
  readonly fonts?: { readonly ready: Promise<unknown>; readonly status: string; add?(font: never): unknown };
  readonly images: ArrayLike<{
    readonly complete: boolean;
    loading?: string;
    decode?: () => Promise<void>;
    addEventListener(type: 'load' | 'error', listener: () => void, options: { once: true }): void;
  }>;
};

/**
 * Resolves once the laid-out page has every web font and image it shows, so a PDF printed next
 * holds the bundled Noto Sans JP rather than a fallback, and no half-decoded photo.
 *
 * A browser fetches a web font (and each unicode-range subset of Noto Sans JP) only when laid-out
 * text needs it, and `document.fonts.ready` only waits for fetches already started. So: force a
 * layout, wait for fonts and images, and repeat until a fresh layout starts no new font load
 * (a font that arrives can reflow text into glyphs of another subset). No timers or animation
 * frames: they are throttled or paused in the hidden window that prints.
 */
/** A font face to load before printing although the page shows no text in it (the PDF footer's). */
export type PrintFont = { readonly family: string; readonly source: string };

export async function waitForPrintAssets(doc: PrintAssetsDocument, options: { maxPasses?: number; fonts?: readonly PrintFont[] } = {}): Promise<void> {
  const maxPasses = options.maxPasses ?? 5;
  // Loaded by hand: a face no laid-out text uses is never fetched. Chromium then finds the same
  // data: URL in its memory cache when it draws the footer template (shared/pdf.ts).
  const FontFaceClass = (globalThis as { FontFace?: new (family: string, source: string) => { load(): Promise<unknown> } }).FontFace;
  if (options.fonts?.length && doc.fonts?.add && FontFaceClass) {
    await Promise.all(
      options.fonts.map((font) => {
        const face = new FontFaceClass(font.family, font.source);
        doc.fonts!.add!(face as never);
        return face.load().catch(() => undefined);
      }),
    );
  }
  for (let pass = 0; pass < maxPasses; pass++) {
    doc.body?.getBoundingClientRect();
    await doc.fonts?.ready;
    await Promise.all(
      Array.from(doc.images, (image) => {
        // A lazy image outside the viewport would never load: everything on paper is "visible".
        if (image.loading === 'lazy') image.loading = 'eager';
        if (image.complete) return image.decode?.().catch(() => undefined);
        // A broken image must not keep the page from printing; it prints as broken.
        return new Promise<void>((resolve) => {
          image.addEventListener('load', () => resolve(), { once: true });
          image.addEventListener('error', () => resolve(), { once: true });
        });
      }),
    );
    doc.body?.getBoundingClientRect();
    const imagesDone = Array.from(doc.images).every((image) => image.complete);
    if ((!doc.fonts || doc.fonts.status === 'loaded') && imagesDone) return;
  }
}
