/**
 * Charts as SVG rendered on the server (they appear without JavaScript). Each has a title and a
 * description for assistive technology, shapes and words as well as colour, and at most four colours.
 * The same component is the page's chart and, wrapped with its title, source and licence, the SVG export.
 */
import type { ComponentChildren } from "preact";
import { scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";
import { render } from "preact-render-to-string";
import { ATTRIBUTION } from "../../gateway/client/attribution";
import { figure } from "./format";

// 3:1 or more against white: dark blue, orange, dark grey, purple (GOV.UK palette)
export const COLOURS = { area: "#1d70b8", england: "#505a5f", region: "#d4351c", neighbours: "#4c2c92" } as const;

export interface LinePoint { period: string; value: number | null }
export interface Reference { name: string; value: number | null; shape: "square" | "triangle" | "diamond"; colour: string }

const WIDTH = 640;
const HEIGHT = 300;
const M = { top: 20, right: 20, bottom: 40, left: 60 };

export const lineChartHeight = (references: number) => HEIGHT + 20 * references + 30;
export const dotPlotHeight = (highlighted: number) => 130 + 18 * highlighted;

function Marker({ shape, x, y, colour }: { shape: Reference["shape"] | "circle"; x: number; y: number; colour: string }) {
  if (shape === "circle") return <circle cx={x} cy={y} r={4} fill={colour} />;
  if (shape === "square") return <rect x={x - 5} y={y - 5} width={10} height={10} fill={colour} />;
  if (shape === "triangle") return <path d={`M${x},${y - 6}L${x + 6},${y + 5}L${x - 6},${y + 5}Z`} fill={colour} />;
  return <path d={`M${x},${y - 6}L${x + 6},${y}L${x},${y + 6}L${x - 6},${y}Z`} fill={colour} />;
}

/** a line over the published series with gaps where a value is [x]; the references at the latest period only */
export function LineChart({ id, title, description, area, points, references }: {
  id: string; title: string; description: string; area: string; points: LinePoint[]; references: Reference[];
}) {
  const values = [...points.map((p) => p.value), ...references.map((r) => r.value)].filter((v): v is number => v !== null);
  const [lo, hi] = values.length ? [Math.min(...values), Math.max(...values)] : [0, 1];
  const pad = (hi - lo) * 0.1 || Math.abs(hi) * 0.1 || 1;
  const y = scaleLinear().domain([lo - pad, hi + pad]).nice().range([HEIGHT - M.bottom, M.top]);
  const x = scalePoint<string>().domain(points.map((p) => p.period)).range([M.left, WIDTH - M.right]).padding(0.3);
  const path = line<LinePoint>().defined((p) => p.value !== null).x((p) => x(p.period) ?? 0).y((p) => y(p.value ?? 0))(points) ?? "";
  const last = points[points.length - 1];
  const labelEvery = Math.max(1, Math.ceil(points.length / 8));
  return (
    <svg id={id} viewBox={`0 0 ${WIDTH} ${lineChartHeight(references.length)}`} width={WIDTH} height={lineChartHeight(references.length)} role="img" aria-labelledby={`${id}-title ${id}-desc`} class="dashboard-chart" xmlns="http://www.w3.org/2000/svg">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {y.ticks(5).map((t) => (
        <g>
          <line x1={M.left} x2={WIDTH - M.right} y1={y(t)} y2={y(t)} stroke="#b1b4b6" stroke-width={1} />
          <text x={M.left - 6} y={y(t) + 4} text-anchor="end" font-size="12" fill="#0b0c0c">{figure(t)}</text>
        </g>
      ))}
      {points.map((p, i) => (i % labelEvery === 0 || i === points.length - 1 ? <text x={x(p.period)} y={HEIGHT - M.bottom + 18} text-anchor="middle" font-size="12" fill="#0b0c0c">{p.period}</text> : null))}
      <path d={path} fill="none" stroke={COLOURS.area} stroke-width={3} />
      {points.map((p) => (p.value === null ? null : <Marker shape="circle" x={x(p.period) ?? 0} y={y(p.value)} colour={COLOURS.area} />))}
      {last ? references.map((r) => (r.value === null ? null : <Marker shape={r.shape} x={(x(last.period) ?? 0) + 14} y={y(r.value)} colour={r.colour} />)) : null}
      <g font-size="13" fill="#0b0c0c">
        <Marker shape="circle" x={M.left} y={HEIGHT + 4} colour={COLOURS.area} />
        <text x={M.left + 12} y={HEIGHT + 8}>{area} (line, gaps where not available)</text>
        {references.map((r, i) => (
          <g>
            <Marker shape={r.shape} x={M.left} y={HEIGHT + 24 + 20 * i} colour={r.colour} />
            <text x={M.left + 12} y={HEIGHT + 28 + 20 * i}>{`${r.name}: ${figure(r.value)} (latest period only)`}</text>
          </g>
        ))}
      </g>
    </svg>
  );
}

export interface Dot { code: string; name: string; value: number; highlighted: boolean }

/** every authority as a dot on one axis, the quartile bands behind, England marked; chosen authorities labelled */
export function DotPlot({ id, title, description, dots, quartiles, england }: {
  id: string; title: string; description: string; dots: Dot[]; quartiles: number[] | null; england: number | null;
}) {
  const values = [...dots.map((d) => d.value), ...(england === null ? [] : [england])];
  const lo = values.length ? Math.min(...values) : 0;
  const hi = values.length ? Math.max(...values) : 1;
  const x = scaleLinear().domain([lo, hi === lo ? lo + 1 : hi]).nice().range([M.left, WIDTH - M.right]);
  const [d0, d1] = x.domain() as [number, number];
  const bands = quartiles && quartiles.length === 3 ? [d0, ...quartiles, d1] : null;
  const highlighted = dots.filter((d) => d.highlighted);
  const height = dotPlotHeight(highlighted.length);
  return (
    <svg id={id} viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} role="img" aria-labelledby={`${id}-title ${id}-desc`} class="dashboard-chart" xmlns="http://www.w3.org/2000/svg">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {bands ? bands.slice(0, 4).map((b, i) => (
        <g>
          <rect x={x(b)} y={20} width={Math.max(0, x(bands[i + 1]!) - x(b))} height={50} fill={i % 2 === 0 ? "#f3f2f1" : "#dddcdb"} />
          <text x={(x(b) + x(bands[i + 1]!)) / 2} y={16} text-anchor="middle" font-size="11" fill="#0b0c0c">{`Q${i + 1}`}</text>
        </g>
      )) : null}
      {x.ticks(6).map((t) => <text x={x(t)} y={90} text-anchor="middle" font-size="12" fill="#0b0c0c">{figure(t)}</text>)}
      <line x1={M.left} x2={WIDTH - M.right} y1={72} y2={72} stroke="#0b0c0c" />
      {dots.map((d) => (d.highlighted ? null : <circle cx={x(d.value)} cy={45} r={4} fill="none" stroke={COLOURS.england} stroke-width={1.5} />))}
      {england === null ? null : (
        <g>
          <line x1={x(england)} x2={x(england)} y1={20} y2={72} stroke={COLOURS.england} stroke-width={2} stroke-dasharray="4 3" />
          <text x={x(england)} y={108} text-anchor="middle" font-size="12" fill="#0b0c0c">{`England ${figure(england)} (dashed line)`}</text>
        </g>
      )}
      {highlighted.map((d, i) => (
        <g>
          <Marker shape="diamond" x={x(d.value)} y={45} colour={COLOURS.area} />
          <text x={M.left} y={128 + 18 * i} font-size="13" fill="#0b0c0c">{`◆ ${d.name}: ${figure(d.value)}`}</text>
        </g>
      ))}
    </svg>
  );
}

/** the chart as a file: its title, subtitle, source, licence and "data as at" inside the image */
export function standaloneSvg(chart: ComponentChildren, chartHeight: number, meta: { title: string; subtitle: string; source: string; asAt: string }): string {
  const body = render(<svg x={0} y={60} width={WIDTH} height={chartHeight}>{chart}</svg>);
  const footer = [`Source: ${meta.source}`, `Data as at ${meta.asAt}.`, ATTRIBUTION];
  const lines = footer.flatMap((l) => wrap(l, 110));
  const height = 60 + chartHeight + 24 + 18 * lines.length;
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + render(
    <svg xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} font-family="Arial, sans-serif">
      <rect width="100%" height="100%" fill="#ffffff" />
      <text x={10} y={22} font-size="16" font-weight="bold" fill="#0b0c0c">{meta.title}</text>
      <text x={10} y={44} font-size="12" fill="#0b0c0c">{meta.subtitle}</text>
      <g dangerouslySetInnerHTML={{ __html: body }} />
      {lines.map((l, i) => <text x={10} y={60 + chartHeight + 24 + 18 * i} font-size="11" fill="#0b0c0c">{l}</text>)}
    </svg>,
  );
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let current = "";
  for (const word of text.split(" ")) {
    if (current && current.length + word.length + 1 > width) {
      out.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) out.push(current);
  return out;
}
