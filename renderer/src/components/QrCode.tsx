import QRCode from 'qrcode';
import { useMemo } from 'react';

/**
 * A QR code drawn as SVG squares from the qrcode library's matrix: no canvas, no data URL (the
 * page's policy allows neither), sharp at any size on the console and on the projector.
 */
export function QrCode({ text, size = 168, label }: { text: string; size?: number; label: string }) {
  const { cells, n } = useMemo(() => {
    const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const count = qr.modules.size;
    const dark: [number, number][] = [];
    for (let y = 0; y < count; y++) for (let x = 0; x < count; x++) if (qr.modules.get(x, y)) dark.push([x, y]);
    return { cells: dark, n: count };
  }, [text]);
  const quiet = 4; // the margin readers need around the code
  const side = n + quiet * 2;
  return (
    <svg
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${side} ${side}`}
      shapeRendering="crispEdges"
      data-qr={text}
    >
      <rect width={side} height={side} fill="#fff" />
      <path fill="#000" d={cells.map(([x, y]) => `M${x + quiet} ${y + quiet}h1v1h-1z`).join('')} />
    </svg>
  );
}
