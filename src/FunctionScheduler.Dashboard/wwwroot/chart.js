// Duration and lateness of a page of runs as an inline SVG bar chart (no library): one pair of bars per run,
// oldest on the left, on one millisecond scale, with the largest value written on the axis.
import { h, s } from './dom.js';
import { duration, latenessMs, utc } from './format.js';

const WIDTH = 640;
const HEIGHT = 160;
const PAD = 28;

export function runChart(runs) {
  const points = [...runs].reverse().filter((r) => r.status !== 'missed')
    .map((r) => ({ run: r, duration: r.durationMs ?? 0, lateness: latenessMs(r) ?? 0 }));
  if (points.length === 0) return h('p', { class: 'muted' }, 'No fired runs on this page to chart.');

  const max = Math.max(1, ...points.map((p) => Math.max(p.duration, p.lateness)));
  const slot = (WIDTH - PAD * 2) / points.length;
  const bar = Math.max(1, Math.min(14, slot / 2 - 1));
  const y = (value) => HEIGHT - PAD - (value / max) * (HEIGHT - PAD * 2);

  const bars = points.flatMap((p, i) => {
    const x = PAD + i * slot + slot / 2;
    const label = `${utc(p.run.scheduledAt)}: duration ${duration(p.duration)}, lateness ${duration(p.lateness)}`;
    return [
      s('rect', { x: x - bar, y: y(p.duration), width: bar, height: HEIGHT - PAD - y(p.duration), class: `bar-duration bar-${p.run.status}` },
        s('title', {}, label)),
      s('rect', { x, y: y(p.lateness), width: bar, height: HEIGHT - PAD - y(p.lateness), class: 'bar-lateness' },
        s('title', {}, label)),
    ];
  });

  return h('figure', { class: 'chart' },
    s('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': `Duration and lateness of the last ${points.length} runs; longest ${duration(max)}` },
      s('line', { x1: PAD, y1: HEIGHT - PAD, x2: WIDTH - PAD, y2: HEIGHT - PAD, class: 'axis' }),
      s('line', { x1: PAD, y1: PAD, x2: PAD, y2: HEIGHT - PAD, class: 'axis' }),
      s('text', { x: PAD + 4, y: PAD - 8, class: 'axis-label' }, duration(max)),
      s('text', { x: PAD + 4, y: HEIGHT - 8, class: 'axis-label' }, 'oldest'),
      s('text', { x: WIDTH - PAD, y: HEIGHT - 8, class: 'axis-label', 'text-anchor': 'end' }, 'newest'),
      bars),
    h('figcaption', {},
      h('span', { class: 'legend legend-duration' }, 'duration'), ' ',
      h('span', { class: 'legend legend-lateness' }, 'lateness (start after fire time)')));
}
