package nl.weerthuis.query.partner;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where notifications may go: an https URL without credentials in it, whose host resolves only to public
 * addresses — never this machine, a private or link-local network or a multicast group, so a subscription cannot
 * make the query side reach into its own network. Loopback (and http there) only when configured, for local demos
 * and tests. Checked when subscribing and again before every delivery, because DNS answers change.
 */
public final class CallbackAddresses {

    private CallbackAddresses() {
    }

    /** Why this callback is refused; empty when it may be called. */
    public static Optional<String> refusal(URI callback, boolean allowLoopback) {
        if (callback.getScheme() == null || callback.getHost() == null || callback.isOpaque()) {
            return Optional.of("must be an absolute https URL");
        }
        if (callback.getRawUserInfo() != null) {
            return Optional.of("must not hold credentials (user info); send them in authorization");
        }
        boolean https = "https".equalsIgnoreCase(callback.getScheme());
        if (!https && !"http".equalsIgnoreCase(callback.getScheme())) {
            return Optional.of("must be an https URL");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(callback.getHost());
        } catch (UnknownHostException | SecurityException e) {
            return Optional.of("its host does not resolve");
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress()) {
                if (!allowLoopback) {
                    return Optional.of("must not be on this machine (loopback)");
                }
            } else if (!https) {
                return Optional.of("must be https (http only on this machine, when allowed)");
            } else if (internal(address)) {
                return Optional.of("must not be in a private, link-local or multicast network");
            }
        }
        return Optional.empty();
    }

    static boolean internal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff, second = bytes[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) // shared address space (CGNAT)
                    || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) || first >= 240;
        }
        return address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc; // unique local fc00::/7
    }
}
