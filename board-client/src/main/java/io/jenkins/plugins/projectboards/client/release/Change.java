package io.jenkins.plugins.projectboards.client.release;

/** One commit of a build's changes. */
public record Change(String commitId, String author, String message) {

    /** The first line of the message: what a comment lists. */
    public String summary() {
        String text = message == null ? "" : message.strip();
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end).strip();
    }

    /** The commit id shortened the way Git shows it. */
    public String shortId() {
        return commitId == null ? "" : commitId.length() > 7 ? commitId.substring(0, 7) : commitId;
    }
}
