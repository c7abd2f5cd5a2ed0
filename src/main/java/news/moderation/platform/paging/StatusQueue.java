package news.moderation.platform.paging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * A moderators' queue kept in its own table (notices, appeals): the rows in one status of the sites a moderator may
 * see, oldest first. One query for every such queue, so that they scope, order and limit alike.
 */
public final class StatusQueue {

    private StatusQueue() {
    }

    /**
     * An SQL condition (" AND ...") on a row's site column that binds its parameters into {@code params}, such as
     * {@code sites.SiteScope::sqlCondition}; platform/ takes it as a function so as not to depend on sites/.
     */
    @FunctionalInterface
    public interface SiteCondition {
        String sql(String siteColumn, Map<String, Object> params);
    }

    /**
     * The first {@code limit} rows of {@code table} (mapped to {@code entity}) in {@code status} on the sites
     * {@code sites} keeps, ordered by {@code since} and then id. Table and column names are the callers' constants.
     */
    public static <T> List<T> oldestFirst(EntityManager em, Class<T> entity, String table, String since,
            Enum<?> status, SiteCondition sites, int limit) {
        Map<String, Object> params = new HashMap<>();
        Query query = em.createNativeQuery("SELECT * FROM " + table + " WHERE status = :status"
                + sites.sql("site_id", params) + " ORDER BY " + since + ", id LIMIT :limit", entity)
                .setParameter("status", status.name())
                .setParameter("limit", limit);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<T> rows = query.getResultList();
        return rows;
    }
}
