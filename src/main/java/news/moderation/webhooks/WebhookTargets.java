package news.moderation.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import news.moderation.platform.config.ModerationConfig;
import news.moderation.platform.errors.ClientErrorException;

/**
 * Which URLs the service will call: http or https, and, unless {@code moderation.webhooks.allow-private-targets}, only
 * hosts whose every address is public. A host is resolved again before each delivery, so a name that later resolves
 * to an internal address (DNS rebinding) is refused then.
 */
@ApplicationScoped
class WebhookTargets {

    private final boolean allowPrivate;

    WebhookTargets(ModerationConfig config) {
        this.allowPrivate = config.webhooks().allowPrivateTargets();
    }

    /** The URL of a new endpoint, or 422 saying what is wrong with it. */
    URI requireAllowed(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ClientErrorException.unprocessable("url", "must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null) {
            throw ClientErrorException.unprocessable("url",
                    "must be an absolute http or https URL with a host, without user info or fragment");
        }
        refusal(uri).ifPresent(reason -> {
            throw ClientErrorException.unprocessable("url", reason);
        });
        return uri;
    }

    /** Why the service will not call this URL now, if it will not. */
    Optional<String> refusal(URI uri) {
        if (allowPrivate) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("host " + uri.getHost() + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address)) {
                return Optional.of("host " + uri.getHost() + " resolves to " + address.getHostAddress()
                        + ", a private, loopback or link-local address");
            }
        }
        return Optional.empty();
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT, 100.64.0.0/10
                    || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            boolean uniqueLocal = (first & 0xfe) == 0xfc; // fc00::/7
            boolean ipv4Mapped = isZero(bytes, 0, 10) && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
            if (ipv4Mapped || isZero(bytes, 0, 12)) { // ::ffff:a.b.c.d and the deprecated ::a.b.c.d
                try {
                    return isPrivate(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return uniqueLocal;
        }
        return true;
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
