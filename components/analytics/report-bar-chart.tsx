'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

/** A bar chart of a report's rows (one bar group per row); recharts, loaded lazily by ReportChart. */
export default function ReportBarChart({ rows, categoryKey, series, format }: {
  rows: Record<string, string | number | null>[];
  categoryKey: string;
  series: ChartSeries[];
  format: (value: number) => string;
}) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey={categoryKey} tick={{ fontSize: 11 }} interval={0} angle={-20} textAnchor="end" height={50} />
        <YAxis tickFormatter={format} tick={{ fontSize: 11 }} width={80} />
        <Tooltip formatter={(value) => format(Number(value))} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {series.map((item) => <Bar key={item.key} dataKey={item.key} name={item.label} fill={item.color} isAnimationActive={false} />)}
      </BarChart>
    </ResponsiveContainer>
  );
}
