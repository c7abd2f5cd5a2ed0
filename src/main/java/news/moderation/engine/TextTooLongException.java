package news.moderation.engine;

/** A text longer than the ruleset judges ({@link Ruleset#maxTextLength()}): refused, not judged. */
public final class TextTooLongException extends IllegalArgumentException {
    private final int length;
    private final int maxLength;

    TextTooLongException(int length, int maxLength) {
        super("the text is " + length + " characters long; at most " + maxLength + " are judged");
        this.length = length;
        this.maxLength = maxLength;
    }

    /** @return the length of the refused text, in UTF-16 chars */
    public int length() {
        return length;
    }

    /** @return the longest text judged, in UTF-16 chars */
    public int maxLength() {
        return maxLength;
    }
}
