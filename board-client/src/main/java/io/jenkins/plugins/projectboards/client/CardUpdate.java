package io.jenkins.plugins.projectboards.client;

/**
 * One change to one card, as notifications and release tracking make them: a comment, a move, or both.
 *
 * @param card the card, as a commit or a step names it
 * @param board the board to find a reference on; {@code null} when the card is named by id or URL
 * @param comment the text to comment; {@code null} for none
 * @param moveTo the column to move the card to, by name; {@code null} to leave it where it is
 */
public record CardUpdate(CardRef card, BoardRef board, String comment, String moveTo) {}
