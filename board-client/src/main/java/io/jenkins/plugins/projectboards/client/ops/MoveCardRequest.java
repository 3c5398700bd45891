package io.jenkins.plugins.projectboards.client.ops;

/**
 * The arguments of the {@code moveCard} step.
 *
 * @param card id, {@code #id}, reference or card URL
 * @param board board name or id; needed only to find a card by reference
 * @param position {@code top}, {@code bottom} or blank (bottom)
 */
public record MoveCardRequest(String card, String column, String board, String position, boolean dryRun) {}
