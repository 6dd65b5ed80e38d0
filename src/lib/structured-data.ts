import { site } from '../site.config.ts';

/** schema.org `Article` for one chapter, part of the whole analysis. */
export function articleJsonLd(input: {
  headline: string;
  description: string;
  url: URL;
  position: number;
}) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: input.headline,
    description: input.description,
    url: input.url.href,
    mainEntityOfPage: input.url.href,
    inLanguage: site.lang,
    position: input.position,
    isPartOf: { '@type': 'CreativeWork', name: site.title },
  };
}

/** schema.org `BreadcrumbList` from the home page down to the current page. */
export function breadcrumbJsonLd(items: { name: string; url: URL }[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: item.name,
      item: item.url.href,
    })),
  };
}
