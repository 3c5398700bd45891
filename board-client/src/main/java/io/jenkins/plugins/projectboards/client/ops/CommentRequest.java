package io.jenkins.plugins.projectboards.client.ops;

/**
 * The arguments of the {@code commentOnTask} step.
 *
 * @param task id, {@code #id}, reference or card URL
 * @param board board name or id; needed only to find a card by reference
 */
public record CommentRequest(String task, String text, String board, boolean dryRun) {}
