package news.moderation.sites;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sites a moderator may see and act on: every site, or only some. Outside them a comment, an author or a history
 * does not exist for that moderator (404), and the queue, claims and stats leave them out.
 */
public final class SiteScope {

    private static final SiteScope EVERY_SITE = new SiteScope(Optional.empty());
    private static final String PARAMETER = "scopeSites";

    /** Empty: every site. */
    private final Optional<Set<String>> sites;

    private SiteScope(Optional<Set<String>> sites) {
        this.sites = sites;
    }

    public static SiteScope everySite() {
        return EVERY_SITE;
    }

    public static SiteScope only(Set<String> sites) {
        return new SiteScope(Optional.of(Set.copyOf(sites)));
    }

    public boolean includes(String siteId) {
        return sites.map(s -> s.contains(siteId)).orElse(true);
    }

    /** This scope narrowed to one site, if one is asked for: a site outside the scope leaves nothing. */
    public SiteScope narrowedTo(Optional<String> siteId) {
        return siteId.map(site -> only(includes(site) ? Set.of(site) : Set.of())).orElse(this);
    }

    /**
     * An SQL condition (" AND column IN (...)") keeping rows of these sites, binding its parameter into {@code params};
     * empty for every site.
     */
    public String sqlCondition(String column, Map<String, Object> params) {
        if (sites.isEmpty()) {
            return "";
        }
        if (sites.get().isEmpty()) {
            return " AND FALSE";
        }
        params.put(PARAMETER, sites.get());
        return " AND " + column + " IN (:" + PARAMETER + ")";
    }
}
