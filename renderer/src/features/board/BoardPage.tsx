/** Placeholder until the board engine lands: the board route shows its name. */
export function BoardPage(props: { workspaceId: string; boardId: string }) {
  return <section className="page" data-board={props.boardId} data-workspace={props.workspaceId} />;
}
