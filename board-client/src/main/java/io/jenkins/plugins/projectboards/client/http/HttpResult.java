package io.jenkins.plugins.projectboards.client.http;

import okhttp3.Headers;

/**
 * An answer: status, headers and the body read as text (the connection is already released).
 *
 * @param truncated the body was longer than {@link HttpCore#MAX_BODY_BYTES} and holds only its beginning (only
 *     {@link HttpCore#executeTruncating} returns such answers)
 */
public record HttpResult(int status, Headers headers, String body, boolean truncated) {

    public HttpResult(int status, Headers headers, String body) {
        this(status, headers, body, false);
    }

    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    public String header(String name) {
        return headers.get(name);
    }

    public boolean looksLikeHtml() {
        String type = header("Content-Type");
        String start = body.stripLeading();
        return (type != null && type.contains("text/html")) || start.startsWith("<!DOCTYPE") || start.startsWith("<html");
    }
}
