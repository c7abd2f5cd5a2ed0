package news.moderation.authors;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;

import news.moderation.platform.validation.PlainText;
import news.moderation.sites.CallingSite;

/** An author is a site's: {@code siteId} names the site, by default the one of calls without an API key. */
@Path("/api/v1/moderation/authors/{authorId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "moderator", "admin" })
public class AuthorResource {

    public record StandingChange(@NotNull AuthorStanding status, Instant until,
            @NotBlank @Size(max = 500) @PlainText String reason) {
    }

    public record Erasure(String siteId, String authorId, long commentsErased) {
    }

    private final AuthorService authors;
    private final AuthorErasure erasure;
    private final JsonWebToken caller;

    AuthorResource(AuthorService authors, AuthorErasure erasure, JsonWebToken caller) {
        this.authors = authors;
        this.erasure = erasure;
        this.caller = caller;
    }

    @GET
    public AuthorProfile profile(@PathParam("authorId") @Size(max = 200) String authorId,
            @QueryParam("siteId") @DefaultValue(CallingSite.DEFAULT) @Size(max = 200) @PlainText String siteId) {
        return authors.profile(siteId, authorId);
    }

    @POST
    @Path("/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public AuthorProfile setStanding(@PathParam("authorId") @Size(max = 200) String authorId,
            @QueryParam("siteId") @DefaultValue(CallingSite.DEFAULT) @Size(max = 200) @PlainText String siteId,
            @NotNull @Valid StandingChange change) {
        return authors.setStanding(siteId, authorId, change.status(), change.until(), change.reason(),
                caller.getName());
    }

    /** A deletion request: admins only. */
    @DELETE
    @RolesAllowed("admin")
    public Erasure erase(@PathParam("authorId") @Size(max = 200) String authorId,
            @QueryParam("siteId") @DefaultValue(CallingSite.DEFAULT) @Size(max = 200) @PlainText String siteId) {
        return new Erasure(siteId, authorId, erasure.erase(siteId, authorId, caller.getName()));
    }
}
