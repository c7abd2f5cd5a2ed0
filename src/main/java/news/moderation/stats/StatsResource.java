package news.moderation.stats;

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
import news.moderation.platform.validation.PlainText;

@Path("/api/v1/moderation/stats")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "moderator", "admin" })
public class StatsResource {

    private static final Duration DEFAULT_RANGE = Duration.ofDays(30);

    private final StatsService stats;

    StatsResource(StatsService stats) {
        this.stats = stats;
    }

    /**
     * {@code from} (inclusive) and {@code to} (exclusive) are ISO instants; by default the last 30 days. Without
     * {@code siteId}, every site the moderator may see.
     */
    @GET
    public ModerationStats stats(@QueryParam("from") Instant from, @QueryParam("to") Instant to,
            @QueryParam("siteId") @Size(max = 200) @PlainText String siteId) {
        Instant end = to == null ? Instant.now() : to;
        Instant start = from == null ? end.minus(DEFAULT_RANGE) : from;
        if (!start.isBefore(end)) {
            throw ClientErrorException.badRequest("from", "must be before to");
        }
        return stats.stats(start, end, Optional.ofNullable(siteId));
    }
}
