package news.moderation.sites;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

/** The site whose API key the current request presented; empty for an anonymous call. */
@RequestScoped
public class CallingSite {

    private String siteId;

    public Optional<String> siteId() {
        return Optional.ofNullable(siteId);
    }

    void identify(String siteId) {
        this.siteId = siteId;
    }
}
