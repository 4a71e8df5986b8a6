'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartSeries } from './report-bar-chart';

/** Stacked bars (one stack per row): the activity report's days or weeks; loaded lazily by ActivityChart. */
export default function ActivityChartBars({ rows, categoryKey, series, format }: {
  rows: Record<string, string | number>[];
  categoryKey: string;
  series: ChartSeries[];
  format: (value: number) => string;
}) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey={categoryKey} tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={12} />
        <YAxis tickFormatter={format} tick={{ fontSize: 11 }} width={56} />
        <Tooltip formatter={(value) => format(Number(value))} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {series.map((item) => <Bar key={item.key} dataKey={item.key} name={item.label} fill={item.color} stackId="activity" isAnimationActive={false} />)}
      </BarChart>
    </ResponsiveContainer>
  );
}
