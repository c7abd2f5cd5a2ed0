package news.moderation.audit;

public enum AuditAction {
    /** The engine judged a new comment. */
    MACHINE_VERDICT,
    /** A moderator approved or rejected a comment. */
    MODERATOR_DECISION,
    /** A moderator reversed a removal on the author's appeal: the comment was published again. */
    APPEAL_DECISION,
    /** Enough readers reported a comment to send it back to the queue. */
    REPORTED,
    /** An author's standing changed, by a moderator or by the automatic pre-moderation rule. */
    AUTHOR_STANDING,
    /** An author's comment bodies and names were erased on request. */
    AUTHOR_ERASED,
    /** A moderator elsewhere (Coral, through Perspective's suggestscore) approved or rejected a text we scored. */
    SUGGESTED_SCORE
}
