package io.jenkins.plugins.projectboards.client.http;

import okhttp3.Headers;

/** A complete answer: status, headers and the body read as text (the connection is already released). */
public record HttpResult(int status, Headers headers, String body) {

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
