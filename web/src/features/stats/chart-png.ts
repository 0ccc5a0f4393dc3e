/** Colours of the chart series, also drawn in the PNG's legend (plain colours, no theme variables). */
export const SERIES_COLORS = [
  '#1c7ed6',
  '#e8590c',
  '#2f9e44',
  '#ae3ec9',
  '#f08c00',
  '#0c8599',
  '#c2255c',
  '#5c940d',
  '#495057',
];

const STYLE_PROPERTIES = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'opacity',
  'font-size',
  'font-family',
  'font-weight',
];

/**
 * Draws the chart's SVG onto a canvas with a title and a legend and downloads it as a PNG. Theme
 * colours are CSS variables the standalone image cannot resolve, so each element's computed
 * style is copied onto its clone first.
 */
export async function downloadChartPng(
  container: HTMLElement,
  options: { title: string; legend: { label: string; color: string }[]; filename: string },
): Promise<void> {
  const svg = container.querySelector('svg.recharts-surface') as SVGSVGElement | null;
  if (!svg) throw new Error('no chart');
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const source = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const target = [clone, ...Array.from(clone.querySelectorAll('*'))];
  source.forEach((el, i) => {
    const computed = getComputedStyle(el);
    const style = STYLE_PROPERTIES.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
    target[i]!.setAttribute('style', style);
  });
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const data = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(clone))}`;
  const image = new Image();
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('svg image'));
    image.src = data;
  });
  const scale = 2;
  const top = 40;
  const legendRows = Math.ceil(options.legend.length / 3);
  const bottom = 16 + legendRows * 22;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil((height + top + bottom) * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no canvas');
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height + top + bottom);
  ctx.fillStyle = '#212529';
  ctx.font = 'bold 15px sans-serif';
  ctx.fillText(options.title, 8, 24, width - 16);
  ctx.drawImage(image, 0, top, width, height);
  ctx.font = '12px sans-serif';
  const column = width / 3;
  options.legend.forEach((item, i) => {
    const x = 8 + (i % 3) * column;
    const y = top + height + 12 + Math.floor(i / 3) * 22;
    ctx.fillStyle = item.color;
    ctx.fillRect(x, y, 12, 12);
    ctx.fillStyle = '#212529';
    ctx.fillText(item.label, x + 18, y + 11, column - 26);
  });
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('no png');
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = options.filename;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
