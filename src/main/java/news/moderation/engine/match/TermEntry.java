package news.moderation.engine.match;

/**
 * A term put into the automaton, and what a hit of it means: a rule hit, an allow-list span, or a marker saying
 * that a string some pattern needs occurs in the text. {@code languages} is the bit of the term's language.
 */
public record TermEntry(Term term, Role role, int owner, long languages) {

    public enum Role {
        /** {@code owner} is the index of a term rule */
        RULE,
        /**
         * another spelling of a rule's term, sound-alike ({@code respelled:}) or with an l typed as 1
         * ({@code owner} is the rule's index): a hit as a {@link #RULE}'s, but a self-censored word is not compared
         * with it, since its masks stand for the letters of a word as usually written
         */
        RESPELLING,
        /** an allow-list entry; {@code owner} is unused */
        ALLOW,
        /** {@code owner} is a marker group: strings of which a pattern's every match contains one */
        MARKER
    }
}
