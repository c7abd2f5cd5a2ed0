package news.moderation.engine.match;

/** Receives what the term pass found, in normalised-text offsets (end exclusive). */
public interface TermHits {
    void ruleHit(int rule, int start, int end);

    void allowed(int start, int end);

    void listPresent(int list);
}
