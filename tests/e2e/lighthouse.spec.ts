import { runLighthouse } from '../../scripts/lib/lighthouse.ts';
import { test, expect, ONCE } from './fixtures.ts';

// Performance depends on the machine's load, so `npm run bench` reports it; the rest is enforced.
for (const path of ['', 'chapters/incident-chain/']) {
  test(
    `Lighthouse (mobile) gives full marks for accessibility, best practices and SEO on /${path}`,
    ONCE,
    async ({ site }) => {
      test.setTimeout(120_000);
      const { scores, failing } = await runLighthouse(site(path));
      expect(failing, 'audits without full marks').toEqual([]);
      expect(scores.accessibility).toBe(100);
      expect(scores['best-practices']).toBe(100);
      expect(scores.seo).toBe(100);
    },
  );
}
