import { initials, usePhotoUrl } from './photos';

/** The persona's photo, or their initials on a neutral disc when there is none. */
export function PersonaAvatar(props: { workspaceId: string; photoId: string | null; name: string; size?: number }) {
  const url = usePhotoUrl(props.workspaceId, props.photoId);
  const size = props.size ?? 96;
  return url ? (
    <img className="persona-avatar" src={url} alt="" width={size} height={size} style={{ width: size, height: size }} />
  ) : (
    <span className="persona-avatar initials" aria-hidden="true" style={{ width: size, height: size, fontSize: size * 0.38 }}>
      {initials(props.name)}
    </span>
  );
}
