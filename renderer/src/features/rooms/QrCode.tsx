import { useMemo } from 'react';
import { encode } from 'uqr';

/**
 * A QR code as one SVG path (uqr computes the modules): black on white with the standard quiet
 * zone whatever the theme, because phone cameras read dark modules on a light ground.
 */
export function QrCode(props: { value: string; label: string; size?: number }) {
  const { path, size } = useMemo(() => {
    const qr = encode(props.value, { ecc: 'M', border: 4 });
    let d = '';
    qr.data.forEach((row, y) => row.forEach((dark, x) => (d += dark ? `M${x} ${y}h1v1h-1z` : '')));
    return { path: d, size: qr.size };
  }, [props.value]);
  return (
    <svg className="qr-code" role="img" aria-label={props.label} viewBox={`0 0 ${size} ${size}`} width={props.size ?? 320} height={props.size ?? 320} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
