package news.moderation.ruleset;

/** The shape of a {@code lang} field: a BCP 47 language tag such as "en", "de" or "pt-BR". */
public final class Language {

    public static final String TAG = "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}";
    public static final String MESSAGE = "must be a language tag such as \"en\" or \"pt-BR\"";

    private Language() {
    }

    /** The primary language subtag in lower case, as the engine names languages ("pt-BR" → "pt"). */
    public static String primary(String tag) {
        if (tag == null) {
            return null;
        }
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(java.util.Locale.ROOT);
    }
}
