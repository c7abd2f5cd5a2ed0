package news.moderation.statements;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import news.moderation.sites.CallingSite;
import news.moderation.sites.SiteKeyRequired;

/** A site's backend fetches the statement of reasons of a restricted comment, to show it to its author. */
@SiteKeyRequired
@Path("/api/v1/comments/{id}/statement")
@Produces(MediaType.APPLICATION_JSON)
public class StatementResource {

    private final Statements statements;
    private final CallingSite site;

    StatementResource(Statements statements, CallingSite site) {
        this.statements = statements;
        this.site = site;
    }

    @GET
    public Map<String, Object> get(@PathParam("id") UUID commentId) {
        return statements.forAuthor(commentId, site.siteId());
    }
}
