package news.moderation.platform.errors;

/**
 * The service is stopping and did not carry the request out (nothing was stored): answered 503 with
 * {@code Retry-After}, so that the client sends it again, to another replica or to this one once it is back.
 */
public class ServiceStoppingException extends RuntimeException {

    public ServiceStoppingException(String detail) {
        super(detail, null, false, false);
    }
}
