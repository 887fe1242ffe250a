/**
 * The waiting-time trend as a server-rendered SVG line chart: readable without JavaScript, with <title>/<desc>
 * and an aria-label. The lines differ by pattern and are labelled directly, so colour is never the only cue. The
 * page shows the same numbers in a table.
 */
export type TrendPoint = {
  label: string
  median: number | null
  longest: number | null
}

const W = 640
const H = 280
const PAD = { left: 48, right: 110, top: 20, bottom: 40 }

/** A step for whole-number gridlines and the top of the axis (a multiple of the step). */
function axis(max: number): { top: number; step: number } {
  const step = max <= 4 ? 1 : max <= 20 ? 5 : max <= 50 ? 10 : 20
  return { top: Math.max(step, Math.ceil(max / step) * step), step }
}

export function CapacityTrendChart(props: {
  points: TrendPoint[]
  title: string
  description: string
  id: string
}) {
  const { points } = props
  const values = points.flatMap((p) => [p.median, p.longest]).filter((v): v is number => v !== null)
  const { top: yMax, step } = axis(values.length ? Math.max(...values) : 0)
  const plotW = W - PAD.left - PAD.right
  const plotH = H - PAD.top - PAD.bottom
  const x = (i: number) => PAD.left + (points.length <= 1 ? plotW / 2 : (i * plotW) / (points.length - 1))
  const y = (v: number) => PAD.top + plotH - (v / yMax) * plotH
  const ticks = Array.from({ length: yMax / step + 1 }, (_, i) => i * step)

  const path = (key: 'median' | 'longest') => {
    let d = ''
    let pen = false
    points.forEach((p, i) => {
      const v = p[key]
      if (v === null) {
        pen = false
        return
      }
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)} `
      pen = true
    })
    return d.trim()
  }
  const lastIndex = (key: 'median' | 'longest') => {
    for (let i = points.length - 1; i >= 0; i--) if (points[i]![key] !== null) return i
    return -1
  }
  const series = [
    { key: 'longest' as const, label: 'Langste', dash: '6 4', marker: 'square' },
    { key: 'median' as const, label: 'Mediaan', dash: undefined, marker: 'circle' },
  ]
  const titleId = `${props.id}-title`
  const descId = `${props.id}-desc`
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={props.title}
      aria-labelledby={`${titleId} ${descId}`}
      className="portaal-chart"
      focusable="false"
    >
      <title id={titleId}>{props.title}</title>
      <desc id={descId}>{props.description}</desc>
      <g aria-hidden="true">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={PAD.left + plotW} y1={y(t)} y2={y(t)} stroke="#d0d0d0" />
            <text x={PAD.left - 8} y={y(t) + 4} textAnchor="end" fontSize="12" fill="#333">
              {t}
            </text>
          </g>
        ))}
        <text
          x={12}
          y={PAD.top + plotH / 2}
          fontSize="12"
          fill="#333"
          transform={`rotate(-90 12 ${PAD.top + plotH / 2})`}
          textAnchor="middle"
        >
          weken
        </text>
        {points.map((p, i) => (
          <text key={p.label} x={x(i)} y={H - PAD.bottom + 20} textAnchor="middle" fontSize="12" fill="#333">
            {p.label}
          </text>
        ))}
        {series.map((s) => {
          const last = lastIndex(s.key)
          return (
            <g key={s.key}>
              <path d={path(s.key)} fill="none" stroke="#1a1a1a" strokeWidth="2.5" strokeDasharray={s.dash} />
              {points.map((p, i) => {
                const v = p[s.key]
                if (v === null) return null
                return s.marker === 'circle' ? (
                  <circle key={p.label} cx={x(i)} cy={y(v)} r="4" fill="#1a1a1a" />
                ) : (
                  <rect
                    key={p.label}
                    x={x(i) - 4}
                    y={y(v) - 4}
                    width="8"
                    height="8"
                    fill="#fff"
                    stroke="#1a1a1a"
                    strokeWidth="2"
                  />
                )
              })}
              {last >= 0 ? (
                <text x={x(last) + 10} y={y(points[last]![s.key]!) + 4} fontSize="13" fill="#1a1a1a">
                  {s.label}: {formatWeeks(points[last]![s.key])}
                </text>
              ) : null}
            </g>
          )
        })}
      </g>
    </svg>
  )
}

export function formatWeeks(v: number | null): string {
  if (v === null) return 'geen gegevens'
  const s = Number.isInteger(v) ? String(v) : v.toFixed(1).replace('.', ',')
  return `${s} ${v === 1 ? 'week' : 'weken'}`
}
