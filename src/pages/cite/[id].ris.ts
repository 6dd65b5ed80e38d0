import type { APIRoute, GetStaticPaths } from 'astro';
import { citeResponse, citeStaticPaths } from '../../share/cite/endpoints.ts';
import type { CitationRecord } from '../../share/cite/record.ts';

export const getStaticPaths = citeStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ record: CitationRecord }> = ({ props }) =>
  citeResponse(props.record, 'ris');
