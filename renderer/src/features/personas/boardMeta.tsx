import { createContext, useContext, type ReactNode } from 'react';

/** Facts about the open board that node components need (not part of the Y.Doc). */
export type BoardMeta = { workspaceId: string; boardId: string; boardName: string; agreed: boolean };

const Context = createContext<BoardMeta>({ workspaceId: '', boardId: '', boardName: '', agreed: false });

export function BoardMetaProvider(props: { value: BoardMeta; children: ReactNode }) {
  return <Context.Provider value={props.value}>{props.children}</Context.Provider>;
}

export function useBoardMeta(): BoardMeta {
  return useContext(Context);
}
