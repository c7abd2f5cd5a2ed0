package news.moderation.review;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import news.moderation.platform.validation.PlainText;

/**
 * A moderator's decision on one comment. {@code expectedVersion} is the version the moderator saw: if the comment has
 * changed since, the decision is refused with 409 rather than silently overriding someone else's. {@code revision} is
 * the revision of the comment the moderator read: a decision on a revision its author has since replaced is refused
 * with 409. Without it the decision is on the latest revision, which {@code expectedVersion} still guards (an edit
 * changes the version).
 */
public record DecisionRequest(@NotNull DecisionAction action, ReasonCode reasonCode,
        @Size(max = 2000) @PlainText(multiline = true) String note, @NotNull @PositiveOrZero Integer expectedVersion,
        @Positive Integer revision) {
}
