package news.moderation.notices;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import news.moderation.platform.validation.PlainText;
import news.moderation.review.ReasonCode;

/**
 * A moderator's decision on a notice: {@code ACT} removes the comment as illegal content (a {@code reasonCode} is
 * required; {@code legalGround} defaults to the notifier's), {@code NO_ACTION} leaves it. {@code reply} is the reasoned
 * answer the notifier gets through the site.
 */
public record NoticeDecisionRequest(@NotNull Action action, ReasonCode reasonCode,
        @Size(max = 500) @PlainText String legalGround,
        @NotBlank @Size(max = 2000) @PlainText(multiline = true) String reply) {

    public enum Action {
        ACT,
        NO_ACTION
    }
}
