package news.moderation.sites;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import news.moderation.platform.errors.ClientErrorException;

/**
 * The sites the calling moderator may see, from their token: the {@value #CLAIM} claim, an array of site ids. Without
 * the claim a moderator sees every site (a single-newsroom deployment needs no claim); an admin always sees every site.
 * A claim of any other shape is refused rather than guessed at.
 */
@RequestScoped
public class ModeratorSites {

    public static final String CLAIM = "sites";
    private static final String ADMIN = "admin";
    private static final int MAX_SITE_ID_LENGTH = 200;

    private final JsonWebToken token;
    private final SecurityIdentity identity;
    private SiteScope scope;

    ModeratorSites(JsonWebToken token, SecurityIdentity identity) {
        this.token = token;
        this.identity = identity;
    }

    public SiteScope scope() {
        if (scope == null) {
            scope = identity.hasRole(ADMIN) || !token.containsClaim(CLAIM) ? SiteScope.everySite()
                    : SiteScope.only(siteIds(token.getClaim(CLAIM)));
        }
        return scope;
    }

    private static Set<String> siteIds(Object claim) {
        if (claim instanceof Collection<?> values) {
            Set<String> sites = new LinkedHashSet<>();
            for (Object value : values) {
                String site = value instanceof JsonString json ? json.getString()
                        : value instanceof String string ? string : null;
                if (!isSiteId(site)) {
                    throw malformed();
                }
                sites.add(site);
            }
            return sites;
        }
        throw malformed();
    }

    /** As the admin API accepts them for keys: 1 to 200 characters, no control characters. */
    private static boolean isSiteId(String site) {
        return site != null && !site.isEmpty() && site.length() <= MAX_SITE_ID_LENGTH
                && site.chars().noneMatch(Character::isISOControl);
    }

    private static ClientErrorException malformed() {
        return new ClientErrorException(Response.Status.FORBIDDEN,
                "The token's \"" + CLAIM + "\" claim must be an array of site ids");
    }
}
