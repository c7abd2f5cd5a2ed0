package news.moderation.sites;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import news.moderation.platform.validation.NameOrId;

/** Admins manage the sites' keys to the submission API. */
@Path("/api/v1/admin/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class ApiKeyResource {

    public record NewKey(@NotBlank @Size(max = 200) @NameOrId String siteId,
            @NotBlank @Size(max = 200) @NameOrId String name) {
    }

    private final ApiKeys keys;
    private final JsonWebToken caller;

    ApiKeyResource(ApiKeys keys, JsonWebToken caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid NewKey request) {
        ApiKeys.Created created = keys.create(request.siteId(), request.name(), caller.getName());
        return Response.created(URI.create("/api/v1/admin/api-keys/" + created.id())).entity(created).build();
    }

    @GET
    public List<ApiKeys.Listed> list() {
        return keys.list();
    }

    @DELETE
    @Path("/{id}")
    public ApiKeys.Listed revoke(@PathParam("id") UUID id) {
        return keys.revoke(id);
    }
}
