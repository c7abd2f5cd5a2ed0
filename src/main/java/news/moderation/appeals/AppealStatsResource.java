package news.moderation.appeals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import news.moderation.platform.errors.ClientErrorException;
import news.moderation.platform.validation.NameOrId;

/** Appeal and reversal rates per rule and per moderator, for admins. */
@Path("/api/v1/admin/appeals/stats")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AppealStatsResource {

    private static final Duration DEFAULT_RANGE = Duration.ofDays(30);

    private final AppealStats stats;

    AppealStatsResource(AppealStats stats) {
        this.stats = stats;
    }

    /**
     * Decisions made from {@code from} (inclusive) to {@code to} (exclusive), ISO instants, by default the last 30
     * days, and the appeals against them; without {@code siteId}, every site.
     */
    @GET
    public AppealStats.Report stats(@QueryParam("from") Instant from, @QueryParam("to") Instant to,
            @QueryParam("siteId") @Size(max = 200) @NameOrId String siteId) {
        Instant end = to == null ? Instant.now() : to;
        Instant start = from == null ? end.minus(DEFAULT_RANGE) : from;
        if (!start.isBefore(end)) {
            throw ClientErrorException.badRequest("from", "must be before to");
        }
        return stats.report(start, end, Optional.ofNullable(siteId));
    }
}
