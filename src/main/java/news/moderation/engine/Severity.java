package news.moderation.engine;

import java.util.Locale;

/** How bad a rule's hit is; policy.yaml maps it (per category) to a {@link Decision}. */
public enum Severity {
    LOW, MEDIUM, HIGH;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the severity with this id, or null when there is none */
    public static Severity byId(String id) {
        for (Severity severity : values()) {
            if (severity.id().equals(id)) {
                return severity;
            }
        }
        return null;
    }
}
