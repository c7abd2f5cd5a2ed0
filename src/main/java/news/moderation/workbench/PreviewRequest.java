package news.moderation.workbench;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import news.moderation.platform.validation.NameOrId;

/**
 * A candidate rule change and the stored comments to try it on.
 *
 * @param files      rule files, path relative to the rules directory → content: changed or new files laid over the
 *                   serving ones, or the whole rules directory when {@code replaceAll}
 * @param replaceAll whether {@code files} replace the rules directory instead of changing it (default false)
 * @param from       start of the period, inclusive (default: 30 days before {@code to})
 * @param to         end of the period, exclusive (default: now)
 * @param siteId     only this site's comments (default: every site)
 */
public record PreviewRequest(@NotEmpty Map<String, String> files, Boolean replaceAll, Instant from, Instant to,
                             @Size(max = 200) @NameOrId String siteId) {
}
