package news.moderation.engine.phrase;

/** A phrase that cannot be read or compiled; {@code column} (1-based) points at the offending element. */
public final class PhraseSyntaxException extends IllegalArgumentException {
    private final int column;

    public PhraseSyntaxException(int column, String problem) {
        super("column " + column + ": " + problem);
        this.column = column;
    }

    public int column() {
        return column;
    }
}
