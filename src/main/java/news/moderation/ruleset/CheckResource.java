package news.moderation.ruleset;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import news.moderation.sites.SiteKeyRequired;

/** Judges a text and stores nothing: what a site calls to warn a reader before the comment is posted. */
@SiteKeyRequired
@Path("/api/v1/check")
public class CheckResource {

    private final RulesetService rulesets;

    CheckResource(RulesetService rulesets) {
        this.rulesets = rulesets;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public VerdictView check(@NotNull @Valid CheckRequest request) {
        return VerdictView.of(rulesets.judge("text", request.text(), Language.primary(request.lang()),
                request.context()));
    }
}
