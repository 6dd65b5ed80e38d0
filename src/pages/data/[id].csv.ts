import type { APIRoute, GetStaticPaths } from 'astro';
import { datasets, type Dataset } from '../../share/data/datasets.ts';

/** Generated from the facts at build time; described on /data/. */
export const getStaticPaths = (async () =>
  (await datasets(new URL(import.meta.env.SITE))).map((dataset) => ({
    params: { id: dataset.id },
    props: { dataset },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ dataset: Dataset }> = ({ props }) =>
  new Response(props.dataset.csv, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
