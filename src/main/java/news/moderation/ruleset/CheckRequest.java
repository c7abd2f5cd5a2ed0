package news.moderation.ruleset;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import news.moderation.engine.JudgingContext;
import news.moderation.platform.validation.PlainText;

/**
 * A text to judge without storing it; its length limit is the comment body's, checked by RulesetService.
 * {@code parentId}: the comment the text will answer, as a submission names it; any id makes the text a reply. It is
 * not looked up (a check reads and stores nothing): a submission with it is refused if the parent is not there.
 */
public record CheckRequest(@NotNull @PlainText(multiline = true) String text,
        @Pattern(regexp = Language.TAG, message = Language.MESSAGE) String lang,
        UUID parentId) {

    JudgingContext context() {
        return JudgingContext.of(parentId != null);
    }
}
