package io.jenkins.plugins.projectboards.client.ops;

/**
 * The arguments of the {@code getCard} step.
 *
 * @param card id, {@code #id}, reference or card URL
 * @param board board name or id; needed only to find a card by reference
 * @param dryRun a read is the same in a dry run; the flag is only reported back
 */
public record GetCardRequest(String card, String board, boolean dryRun) {}
