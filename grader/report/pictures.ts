import { pngDataUri } from '../images/thumbnail.ts';
import type { CheckResult, GradeResult } from '../results/types.ts';

/** At most this many pictures per student in the class report: it stays one reasonably small file. */
export const PICTURES_PER_STUDENT = 4;
/** A picture's longer side in pixels in the class report: the charts' own width (their 7-pixel text blurs when scaled down); larger pictures are scaled to it. */
export const THUMBNAIL_SIDE = 480;

export interface Thumbnail {
  url: string;
  caption: string;
}

/**
 * The pictures of one student's checks to inline in the class report, as data-URI thumbnails:
 * failed checks' first (what the instructor looks at), then the others, in exercise order, at
 * most `limit` in all; `left` counts the pictures not inlined (still named by path in the results).
 * A picture whose file is gone or is not a PNG is skipped.
 */
export function studentThumbnails(results: GradeResult[], limit = PICTURES_PER_STUDENT, side = THUMBNAIL_SIDE): { byCheck: Map<CheckResult, Thumbnail[]>; left: number } {
  const candidates = results.flatMap((r) => r.checks.flatMap((c) => (c.images ?? []).map((img) => ({ c, img }))));
  candidates.sort((a, b) => Number(a.c.passed) - Number(b.c.passed)); // stable: failed first, order kept otherwise
  const byCheck = new Map<CheckResult, Thumbnail[]>();
  let taken = 0;
  let left = 0;
  for (const { c, img } of candidates) {
    const url = taken < limit ? pngDataUri(img.path, side) : undefined;
    if (!url) {
      left++;
      continue;
    }
    taken++;
    byCheck.set(c, [...(byCheck.get(c) ?? []), { url, caption: img.caption }]);
  }
  return { byCheck, left };
}
