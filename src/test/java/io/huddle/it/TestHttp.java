package io.huddle.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The HTTP client the tests use: HTTP/1.1, as browsers speak it over cleartext. */
public final class TestHttp {

    private TestHttp() {
    }

    /**
     * The JDK client's default is to offer an h2c upgrade on {@code http://} URLs, which browsers never do; against
     * WildFly about one request in a hundred then fails inside the client ("Frame type(97) length(7286367) exceeds
     * MAX_FRAME_SIZE"), with Huddle's settings or WildFly's stock ones alike.
     */
    public static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    /**
     * A fingerprint the server issued, as a browser gets one: the {@code sessionID} cookie its first page load sets.
     * Fingerprints are signed, so a test that wants two connections to share one takes it from here.
     */
    public static String fingerprint(URL base) {
        return fingerprint(base, "sessionID");
    }

    /** {@link #fingerprint(URL)} for a deployment whose cookie is called {@code cookieKey}. */
    public static String fingerprint(URL base, String cookieKey) {
        try {
            HttpResponse<Void> page = client().send(HttpRequest.newBuilder(base.toURI()).build(),
                    HttpResponse.BodyHandlers.discarding());
            String setCookie = page.headers().allValues("Set-Cookie").stream()
                    .filter(cookie -> cookie.startsWith(cookieKey + "="))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + cookieKey + " cookie from " + base));
            return setCookie.substring(cookieKey.length() + 1, setCookie.indexOf(';'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
