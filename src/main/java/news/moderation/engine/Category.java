package news.moderation.engine;

import java.util.Locale;

/** What kind of abuse a rule detects. The id is the spelling used in rule files and APIs. */
public enum Category {
    OBSCENE, DEROGATORY, PERSONAL_ATTACK, THREAT, PERSONAL_DATA;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the category with this id, or null when there is none */
    public static Category byId(String id) {
        for (Category category : values()) {
            if (category.id().equals(id)) {
                return category;
            }
        }
        return null;
    }
}
