package news.moderation.engine;

/**
 * Where a comment stands in its thread, which decides whether a rule limited to replies ({@code scope: reply},
 * docs/rules.md) applies: a comment that is nothing but "Pathetic." attacks the person it answers, while the same
 * word under an article judges the news.
 */
public enum JudgingContext {
    /** A comment on the article itself; also what a caller that knows nothing of a parent judges. */
    TOP_LEVEL,
    /** An answer to another comment. */
    REPLY;

    /** {@link #REPLY} when the comment answers another one, else {@link #TOP_LEVEL}. */
    public static JudgingContext of(boolean isReply) {
        return isReply ? REPLY : TOP_LEVEL;
    }
}
