package news.moderation.appeals;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import news.moderation.platform.validation.PlainText;
import news.moderation.review.ReasonCode;

/**
 * A moderator's decision on an appeal, with the reasoned {@code reply} the appellant gets through the site.
 * Reversing a notifier's appeal removes the comment, so it takes the {@code reasonCode} of that removal; on an
 * author's appeal a reason code is optional (FALSE_POSITIVE, ACCEPTABLE…).
 */
public record AppealDecisionRequest(@NotNull Outcome outcome, ReasonCode reasonCode,
        @NotBlank @Size(max = 2000) @PlainText(multiline = true) String reply) {

    public enum Outcome {
        UPHOLD,
        REVERSE
    }
}
