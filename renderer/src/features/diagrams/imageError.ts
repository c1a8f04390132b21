/** Why a diagram could not be drawn as an image (canvas.ts); its own module, so that a page can tell it without loading the drawing code. */
export class DiagramImageError extends Error {
  override readonly name = 'DiagramImageError';
  constructor(
    readonly code: 'fonts-missing' | 'too-large' | 'encode-failed',
    message: string,
    /** The image's size in pixels, for 'too-large'. */
    readonly size: { width: number; height: number } | null = null,
  ) {
    super(message);
  }
}
