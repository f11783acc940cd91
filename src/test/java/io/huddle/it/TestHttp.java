package io.huddle.it;

import java.net.http.HttpClient;

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
}
