import type { BackupEntry, BackupSnapshot } from '@shared/ipc';
import type { Orientation, PdfExportRequest } from '@shared/pdf';
import type { AppSettings, RendererSettingsPatch } from '@shared/settings';
import type { RoomsHost } from './roomsHost';

export type HostCommand =
  | 'new-workspace'
  | 'import-workspace'
  | 'export-workspace'
  | 'restore-backup'
  | 'open-settings'
  | 'cycle-theme'
  | 'about'
  | 'toggle-audience';

export type OpenedFile = { fileName: string; content: string };

export type { PdfExportRequest };

/**
 * Everything the renderer needs from outside the page. Two implementations: the Electron host
 * (preload API) and the browser host (downloads, file input, localStorage, a second IndexedDB for
 * backups). Nothing else in the renderer touches `window.*` bridges.
 */
export interface Host {
  readonly kind: 'electron' | 'browser';
  appInfo(): Promise<{ version: string; platform: string }>;
  /** The OS or browser UI language tag, used when the user has not chosen one. */
  systemLocale(): string;
  getSettings(): Promise<{ settings: AppSettings; problem: string | null }>;
  setSettings(patch: RendererSettingsPatch): Promise<AppSettings>;
  /** Offers the file to the user to save. Resolves false when the user cancelled. */
  saveWorkspaceFile(suggestedName: string, content: string): Promise<{ saved: boolean }>;
  /** Lets the user pick a workspace file. Null when cancelled. */
  openWorkspaceFile(): Promise<OpenedFile | null>;
  backups: {
    /** Backs up one workspace; rejects (saying why) when it cannot, e.g. over the size limit. */
    save(snapshot: BackupSnapshot): Promise<BackupEntry>;
    /** Newest first (by sequence, not by the clock). */
    list(): Promise<BackupEntry[]>;
    read(id: string): Promise<string>;
  };
  /** Asks for a snapshot of every workspace (at start and every 24 h). Returns an unsubscribe. */
  onBackupDue(listener: (reason: 'startup' | 'interval') => void): () => void;
  onCommand(listener: (command: HostCommand) => void): () => void;
  /** A workspace file opened from the OS (file association, second instance). */
  onFileOpened(listener: (file: OpenedFile) => void): () => void;
  /**
   * Prints a print route (`/print/…`) to PDF with the kind's shared options. Electron renders it in
   * a hidden window and shows a save dialog: `saved` says whether a file was written. The browser
   * opens its print dialog ("Save as PDF") on the route: it cannot tell whether the user saved, so
   * `saved` is false there. Rejects when the page cannot be loaded or printed.
   */
  exportPdf(request: PdfExportRequest): Promise<{ saved: boolean }>;
  /** Offers a PDF the app made in the page (a sealed copy of a browser-printed SLA) to save. */
  savePdf(suggestedName: string, bytes: Uint8Array): Promise<{ saved: boolean }>;
  /**
   * Whether `exportPdf` returns sealed SLA PDFs by itself (Electron prints and seals in main). The
   * browser's print dialog gives the page no bytes, so there a saved PDF is sealed afterwards.
   */
  readonly sealsExportedPdfs: boolean;
  /**
   * Offers an image the app drew (a whole board as PNG) to save. Electron shows a save dialog
   * (`saved` false when cancelled); the browser downloads it. Rejects for bytes that are not a PNG.
   */
  saveImage(suggestedName: string, bytes: Uint8Array): Promise<{ saved: boolean }>;
  /**
   * Called by a print route once laid out with its data, fonts and images (see usePrintReady).
   * A diagram's page passes the orientation it laid itself out for; the PDF is printed that way.
   */
  printReady(layout?: { orientation: Orientation }): Promise<void>;
  /** Called by a print route that cannot be printed (its data is missing), so nobody waits for it. */
  printFailed(problem: string): Promise<void>;
  /** The room server's controls for the facilitator (see roomsHost.ts). */
  readonly rooms: RoomsHost;
  /** The audience window (projector) of issue 10. */
  readonly audience: {
    /** Opens the audience window, or brings it forward when open. 'external-display': full screen on a second display; 'window': a normal window (one display, or the browser) the user moves to the projector. */
    open(): Promise<{ placement: 'external-display' | 'window' }>;
    close(): Promise<void>;
    /** The audience window closed (the user closed it, its display was unplugged). Returns an unsubscribe. */
    onClosed(listener: () => void): () => void;
  };
}
