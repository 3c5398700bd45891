package io.jenkins.plugins.projectboards.client.projectplace;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.projectboards.client.ReferenceMarker;
import io.jenkins.plugins.projectboards.client.Vendor;
import io.jenkins.plugins.projectboards.client.http.Json;
import java.time.Instant;

/**
 * A Projectplace card. Projectplace has no reference field: a reference lives in the description
 * ({@link ReferenceMarker}).
 *
 * @param planletId the activity (swimlane) the card belongs to, kept when the card moves
 * @param directUrl the card's link in the web application
 */
public record ProjectplaceCard(
        String id,
        String title,
        String description,
        String boardId,
        String columnId,
        String planletId,
        String directUrl,
        Instant createdTime) {

    /** A card as Projectplace describes it; its {@code id} and {@code column_id} are required. */
    static ProjectplaceCard from(JsonNode node) {
        return new ProjectplaceCard(
                Json.require(Vendor.PROJECTPLACE, "read card", node, "id").asText(),
                Json.text(node, "title"),
                Json.text(node, "description"),
                Json.text(node, "board_id"),
                Json.require(Vendor.PROJECTPLACE, "read card", node, "column_id").asText(),
                Json.text(node, "planlet_id"),
                Json.text(node, "direct_url"),
                ProjectplaceTimes.instant(node.get("created_time")));
    }

    public String reference() {
        return ReferenceMarker.find(description);
    }
}
