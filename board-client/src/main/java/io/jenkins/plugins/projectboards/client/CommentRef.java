package io.jenkins.plugins.projectboards.client;

/** A comment that was posted: its id, the card's id, and a link to the card. */
public record CommentRef(String id, String cardId, String url) {}
