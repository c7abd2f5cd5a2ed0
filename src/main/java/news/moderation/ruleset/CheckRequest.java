package news.moderation.ruleset;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import news.moderation.platform.validation.PlainText;

/** A text to judge without storing it; its length limit is the comment body's, checked by RulesetService. */
public record CheckRequest(@NotNull @PlainText(multiline = true) String text,
        @Pattern(regexp = Language.TAG, message = Language.MESSAGE) String lang) {
}
