package news.moderation.engine.phrase;

/** Receives a phrase match in normalised-text offsets (end exclusive). */
@FunctionalInterface
public interface PhraseHits {
    void phraseHit(int rule, int start, int end);
}
