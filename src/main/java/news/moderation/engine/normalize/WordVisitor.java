package news.moderation.engine.normalize;

/**
 * Receives the words of a normalised text (the runs of chars between its single spaces) in order, each with what a
 * word lookup needs, worked out while a pass reads the chars anyway: so a second pass over the text need not find
 * the words again.
 */
@FunctionalInterface
public interface WordVisitor {
    WordVisitor NONE = (start, end, hash, packedChars, wideBits) -> {
    };

    /**
     * @param start       where the word begins
     * @param end         where it ends (exclusive)
     * @param hash        {@code String.hashCode} of the word
     * @param packedChars its chars, 8 bits each, shifted in one after another (the last 8 chars when it is longer)
     * @param wideBits    its chars or'ed together
     */
    void word(int start, int end, int hash, long packedChars, int wideBits);
}
