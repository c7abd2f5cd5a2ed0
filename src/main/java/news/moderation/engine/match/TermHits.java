package news.moderation.engine.match;

/** Receives what the term pass found, in normalised-text offsets (end exclusive). */
public interface TermHits {
    void ruleHit(int rule, int start, int end);

    void allowed(int start, int end);

    /** A string some pattern needs occurs in the text (no word boundaries checked). */
    void markerSeen(int markerGroup);
}
