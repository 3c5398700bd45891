package io.jenkins.plugins.projectboards.client.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;

/**
 * One exchange recorded from a real server ({@code src/test/resources/fixtures/<vendor>/NN-step.txt}, format in
 * {@code fixtures/README.md}): the request as sent and the response as answered, replayable by MockWebServer.
 */
public record Fixture(String requestLine, String requestBody, int status, List<String[]> responseHeaders, String responseBody) {

    public static Fixture load(String path) {
        String text = resource("fixtures/" + path);
        int split = text.indexOf("\n--- response\n");
        if (split < 0) {
            throw new IllegalArgumentException(path + " has no '--- response' line");
        }
        String[] request = text.substring(0, split).split("\n", -1);
        String requestBody = bodyAfterBlankLine(request);
        String[] response = text.substring(split + "\n--- response\n".length()).split("\n", -1);
        int status = Integer.parseInt(response[0].split(" ")[1]);
        List<String[]> headers = new ArrayList<>();
        int i = 1;
        for (; i < response.length && !response[i].isEmpty(); i++) {
            int colon = response[i].indexOf(':');
            headers.add(new String[] {response[i].substring(0, colon).trim(), response[i].substring(colon + 1).trim()});
        }
        String body = String.join("\n", java.util.Arrays.copyOfRange(response, Math.min(i + 1, response.length), response.length)).strip();
        return new Fixture(request[1], requestBody, status, headers, body.equals("(empty body)") ? "" : body);
    }

    private static String bodyAfterBlankLine(String[] lines) {
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                return String.join("\n", java.util.Arrays.copyOfRange(lines, i + 1, lines.length)).strip();
            }
        }
        return "";
    }

    /** The recorded answer, ready to enqueue. */
    public MockResponse response() {
        MockResponse mock = new MockResponse().setResponseCode(status).setBody(responseBody);
        for (String[] header : responseHeaders) {
            mock.setHeader(header[0], header[1]);
        }
        return mock;
    }

    /** A whole text resource of the test class path (webhook deliveries, documented bodies). */
    public static String resource(String path) {
        try (InputStream in = Fixture.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON answer made up by a test, for cases no recording shows. */
    public static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }
}
