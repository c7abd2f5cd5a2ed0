package news.moderation.statements;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import news.moderation.platform.config.ModerationConfig;

/** Reads statements of reasons: a comment's for its site, and a period's for the Transparency Database. */
@ApplicationScoped
public class Statements {

    /**
     * The redress open to the author of a restricted comment (DSA Art. 17(3)(f)): the platform's internal complaint
     * handling (Art. 20), out-of-court dispute settlement (Art. 21) and the courts.
     */
    static final List<String> REDRESS = List.of("INTERNAL_COMPLAINT_HANDLING", "OUT_OF_COURT_DISPUTE_SETTLEMENT",
            "JUDICIAL_REDRESS");

    private final String platformName;

    Statements(ModerationConfig config) {
        this.platformName = config.statements().platformName();
    }

    /**
     * The latest statement of a comment of {@code siteId}, as its author is shown it: the Transparency Database's
     * fields, the platform's name and the redress available. A comment never restricted, or another site's, has none.
     */
    public Map<String, Object> forAuthor(UUID commentId, String siteId) {
        StatementOfReasons statement = QuarkusTransaction.joiningExisting()
                .call(() -> StatementOfReasons.latest(commentId, siteId))
                .orElseThrow(() -> new NotFoundException("No statement of reasons for comment " + commentId));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("comment_id", commentId);
        view.put("platform_name", platformName);
        view.putAll(TransparencyDatabase.fields(statement));
        view.put("redress", REDRESS);
        return view;
    }

    /** The statements made on the days from {@code from} to {@code to} (both included, UTC), as the API takes them. */
    public List<Map<String, Object>> madeBetween(LocalDate from, LocalDate to, Optional<String> siteId) {
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return QuarkusTransaction.joiningExisting()
                .call(() -> StatementOfReasons.madeBetween(start, end, siteId)).stream()
                .map(TransparencyDatabase::fields).toList();
    }
}
