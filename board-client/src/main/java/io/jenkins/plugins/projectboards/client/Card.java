package io.jenkins.plugins.projectboards.client;

/**
 * A card as every vendor can describe it.
 *
 * @param reference the external reference (Kanboard's {@code reference} field, the marker on a Planka card), or
 *     {@code null}
 */
public record Card(
        Vendor vendor, String id, String title, String url, BoardRef board, ColumnRef column, String reference) {}
