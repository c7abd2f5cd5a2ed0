package news.moderation.sites;

import jakarta.enterprise.context.RequestScoped;

/**
 * The site the current submission API call belongs to: the site of the API key it presented, or the default site for
 * a call without a key (where {@code moderation.submission.anonymous-allowed} lets it through).
 */
@RequestScoped
public class CallingSite {

    /** The one site of every call without an API key; also what V2__sites_are_tenants.sql gave existing rows. */
    public static final String DEFAULT = "default";

    private String siteId = DEFAULT;

    public String siteId() {
        return siteId;
    }

    void identify(String siteId) {
        this.siteId = siteId;
    }
}
