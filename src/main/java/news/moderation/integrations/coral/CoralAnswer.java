package news.moderation.integrations.coral;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The 200 body of Coral's external moderation response. {@code status} ends Coral's pipeline; {@code moderationAction}
 * carries the Digital Services Act reason of a rejection. "No opinion" is a 204, not an instance of this.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CoralAnswer(String status, List<Action> actions, ModerationAction moderationAction) {

    record Action(String actionType, String reason) {
    }

    record ModerationAction(String status, RejectionReason rejectionReason) {
    }

    record RejectionReason(String code) {
    }

    static CoralAnswer rejected(String reasonCode) {
        return new CoralAnswer("REJECTED", null, new ModerationAction("REJECTED", new RejectionReason(reasonCode)));
    }

    /** Held for a moderator and flagged, as Coral's own toxicity phase does. */
    static CoralAnswer withheld() {
        return new CoralAnswer("SYSTEM_WITHHELD", List.of(new Action("FLAG", "COMMENT_DETECTED_TOXIC")), null);
    }

    /** The author is pre-moderated here: Coral's pre-moderation queue. */
    static CoralAnswer premoderated() {
        return new CoralAnswer("PREMOD", null, null);
    }
}
