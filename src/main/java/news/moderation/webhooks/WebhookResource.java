package news.moderation.webhooks;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import news.moderation.events.DomainEvent;
import news.moderation.platform.validation.NameOrId;
import news.moderation.platform.validation.PlainText;

/** Admins register a site's webhook endpoints, rotate their secrets and follow (and redo) their deliveries. */
@Path("/api/v1/admin/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class WebhookResource {

    public record NewEndpoint(@NotBlank @Size(max = 200) @NameOrId String siteId,
            @NotBlank @Size(max = 2000) @PlainText String url,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 60) String> eventTypes) {
    }

    private final Webhooks webhooks;
    private final JsonWebToken caller;

    WebhookResource(Webhooks webhooks, JsonWebToken caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@NotNull @Valid NewEndpoint request) {
        WebhookViews.WithSecret created = webhooks.register(request.siteId(), request.url(), request.eventTypes(),
                caller.getName());
        return Response.created(URI.create("/api/v1/admin/webhooks/" + created.endpoint().id())).entity(created)
                .build();
    }

    @GET
    public List<WebhookViews.Endpoint> list(@QueryParam("siteId") @Size(max = 200) @NameOrId String siteId) {
        return webhooks.list(Optional.ofNullable(siteId));
    }

    /** The event types an endpoint can subscribe to. */
    @GET
    @Path("/event-types")
    public List<String> eventTypes() {
        return DomainEvent.TYPES;
    }

    @GET
    @Path("/{id}")
    public WebhookViews.Endpoint get(@PathParam("id") UUID id) {
        return webhooks.get(id);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        webhooks.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/rotate")
    public WebhookViews.WithSecret rotate(@PathParam("id") UUID id) {
        return webhooks.rotate(id);
    }

    @POST
    @Path("/{id}/disable")
    public WebhookViews.Endpoint disable(@PathParam("id") UUID id) {
        return webhooks.disable(id);
    }

    @POST
    @Path("/{id}/enable")
    public WebhookViews.Endpoint enable(@PathParam("id") UUID id) {
        return webhooks.enable(id);
    }

    @GET
    @Path("/{id}/deliveries")
    public List<WebhookViews.Delivery> deliveries(@PathParam("id") UUID id,
            @QueryParam("state") WebhookDelivery.State state,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return webhooks.deliveries(id, Optional.ofNullable(state), limit);
    }

    @GET
    @Path("/deliveries/{deliveryId}")
    public WebhookViews.Delivery delivery(@PathParam("deliveryId") UUID id) {
        return webhooks.delivery(id);
    }

    @POST
    @Path("/deliveries/{deliveryId}/redeliver")
    public WebhookViews.Delivery redeliver(@PathParam("deliveryId") UUID id) {
        return webhooks.redeliver(id);
    }
}
