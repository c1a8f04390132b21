import { useLiveQuery } from 'dexie-react-hooks';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Workspace } from '@shared/records/workspace';
import { db } from '../db/db';
import { readAhead } from './readAhead';

/**
 * The pieces every workspace page starts with: read the workspace (undefined while loading, null
 * when there is none), say "Loading…", say it is not there (with a way back), and the breadcrumb.
 */
export function useWorkspace(workspaceId: string): Workspace | null | undefined {
  // A workspace read ahead of its page (prefetchWorkspace) is its first result: the page's first
  // render has it, not "Loading". Its live query takes over at once, as before.
  const [ahead] = useState(() => ({ workspaceId, workspace: workspacesAhead.peek(workspaceId) }));
  return useLiveQuery(async () => (await db.workspaces.get(workspaceId)) ?? null, [workspaceId], ahead.workspaceId === workspaceId ? ahead.workspace : undefined);
}

/** Workspaces read ahead of their pages, kept for the pages mounting now only. */
const workspacesAhead = readAhead(async (workspaceId: string) => (await db.workspaces.get(workspaceId)) ?? null, 2_000);

/**
 * Reads a workspace before its page renders (the app's start on a workspace page, pages.tsx's
 * prefetchStartData; issue 12): the page and the workspace navigation then render with it at once,
 * instead of rendering "Loading" and starting their reads after that first paint.
 */
export function prefetchWorkspace(workspaceId: string): Promise<void> {
  return workspacesAhead.prefetch(workspaceId);
}

/** A workspace that exists and is not in the trash. */
export function isLive(workspace: Workspace | null | undefined): workspace is Workspace {
  return Boolean(workspace && !workspace.deletedAt);
}

export function Loading() {
  const { t } = useTranslation();
  return <p aria-busy="true">{t('app.loading')}</p>;
}

/** A page for something that is not there: its heading (by default, the workspace) and a link back (by default, home). */
export function NotFound(props: { title?: string; back?: { href: string; label: string } }) {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1>{props.title ?? t('workspace.notFound')}</h1>
      <Link href={props.back?.href ?? '/'}>{props.back?.label ?? t('app.backHome')}</Link>
    </section>
  );
}

/** Home › workspace › …trail ›, each a link (the current page is the heading below it). */
export function Breadcrumb(props: { workspace?: Pick<Workspace, 'id' | 'name'>; trail?: readonly { href: string; label: string }[] }) {
  const { t } = useTranslation();
  const steps = [
    { href: '/', label: t('app.home') },
    ...(props.workspace ? [{ href: `/w/${props.workspace.id}`, label: props.workspace.name }] : []),
    ...(props.trail ?? []),
  ];
  return (
    <nav aria-label={t('app.breadcrumb')} className="breadcrumb">
      {steps.map((step, index) => (
        <Fragment key={step.href}>
          {index > 0 ? ' ' : null}
          <Link href={step.href}>{step.label}</Link> <span aria-hidden="true">›</span>
        </Fragment>
      ))}
    </nav>
  );
}
