package news.moderation.engine.match;

/**
 * A term put into the automaton, and what a hit of it means: a rule hit, an allow-list span, or a marker saying
 * that a string some pattern needs occurs in the text. {@code languages} is the bit of the term's language.
 * {@code wordBoundaries} (markers only): bit p set means a hit only counts when there is a re2j word boundary
 * ({@code \b}: ASCII {@code [0-9A-Za-z_]} on one side only) at offset p of the hit (p == length: at its end),
 * because the pattern asserts one there; 0 for no condition.
 */
public record TermEntry(Term term, Role role, int owner, long languages, long wordBoundaries) {

    public TermEntry(Term term, Role role, int owner, long languages) {
        this(term, role, owner, languages, 0L);
    }

    public enum Role {
        /** {@code owner} is the index of a term rule */
        RULE,
        /** an allow-list entry; {@code owner} is unused */
        ALLOW,
        /** {@code owner} is a marker group: strings of which a pattern's every match contains one */
        MARKER
    }
}
