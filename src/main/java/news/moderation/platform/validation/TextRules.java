package news.moderation.platform.validation;

/**
 * Which characters each kind of text may hold. Every kind refuses what no person types: control characters (line
 * breaks and tabs only in {@link Kind#MULTILINE}), unpaired surrogate halves and Unicode non-characters. Names and ids
 * ({@link Kind#NAME_OR_ID}) also refuse what makes one string look like another on a moderator's screen: format
 * characters (bidi controls such as U+202E, zero-width characters such as U+200B) and line or paragraph separators.
 * Bodies keep those (the engine needs them to see through disguises; the dashboard shows them visibly).
 */
public final class TextRules {

    public enum Kind {
        /** A comment body or a note: line breaks and tabs allowed. */
        MULTILINE,
        /** One line of free text, such as a reason. */
        LINE,
        /** A name or an id, shown to moderators and compared as is. */
        NAME_OR_ID
    }

    /** Why a name or an id was refused. */
    public static final String NAME_OR_ID_REFUSED =
            "must not contain control, invisible or direction-changing characters or invalid Unicode";

    private TextRules() {
    }

    public static boolean allows(Kind kind, String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!allows(kind, c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    private static boolean allows(Kind kind, int c) {
        if (c == '\n' || c == '\r' || c == '\t') {
            return kind == Kind.MULTILINE;
        }
        if (c <= Character.MAX_VALUE && Character.isSurrogate((char) c)) {
            return false; // codePointAt returns a lone half as itself
        }
        if (isNonCharacter(c)) {
            return false;
        }
        int type = Character.getType(c);
        if (type == Character.CONTROL) {
            return false;
        }
        if (kind == Kind.NAME_OR_ID) {
            return type != Character.FORMAT && type != Character.LINE_SEPARATOR
                    && type != Character.PARAGRAPH_SEPARATOR;
        }
        return true;
    }

    /** U+FDD0..U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE, ...). */
    private static boolean isNonCharacter(int c) {
        return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    }
}
