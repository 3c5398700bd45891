package io.jenkins.plugins.projectboards.client.projectplace;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.ConfigurationException;
import io.jenkins.plugins.projectboards.client.UnknownNameException;
import io.jenkins.plugins.projectboards.client.UserRef;
import io.jenkins.plugins.projectboards.client.WebhookSubscription;
import io.jenkins.plugins.projectboards.client.ops.BoardOperations;
import io.jenkins.plugins.projectboards.client.ops.SubscribeWebhookRequest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.Test;

/**
 * Issue 16: the requests where the client differed from Projectplace's published material, as that material makes
 * them (docs/projectplace.md, "Evidence"): people from {@code GET /1/account/people}, a board's subscription updated
 * in place, the version-2 API beside the version-1 prefix, the token answer as recorded.
 */
public class ProjectplacePublishedMaterialTest extends ProjectplaceTestSupport {
    private static final BoardRef BOARD = new BoardRef("1358069", "TITLE OF WORKSPACE/Test Board Hooks");
    private static final String ENDPOINT = "https://ci.example/project-boards-webhook/pp";

    @Test
    public void peopleAreTheActiveMembersOfTheGetListing() throws Exception {
        token("t1", 2592000);
        body("account-people.json");
        body("account-people.json");
        ProjectplaceClient client = client();
        assertEquals(new UserRef("259895409", "ann@example.com"), client.resolveUser("ANN@example.com"));
        assertEquals(new UserRef("259895408", "NAME.OF.CARD.CREATOR@example.com"), client.resolveUser("259895408"));
        UnknownNameException external = assertThrows(UnknownNameException.class, () -> client.resolveUser("guest@partner.example"));
        assertEquals("external members are not offered", Set.of("NAME.OF.CARD.CREATOR@example.com", "ann@example.com"),
                Set.copyOf(external.validNames()));
        expectTokenRequest();
        expect("t1", "GET", "/1/account/people", null);
        expect("t1", "GET", "/1/account/people", null);
        assertEquals("the listing is cached, read again once for an unknown name", 3, server.getRequestCount());
    }

    @Test
    public void aBoardsSubscriptionWithAnotherUrlIsUpdatedInPlace() throws Exception {
        token("t1", 2592000);
        body("board.json");
        body("webhooks-list.json");
        json(200, "{}");
        WebhookSubscription subscription = client().subscribeWebhook(BOARD, ENDPOINT, List.of(), "hook-s3cret");
        assertEquals(new WebhookSubscription("649c37e5fdfaa1bf202a098e", ENDPOINT, List.of("card_status_change"), "1358069", false),
                subscription);
        expectTokenRequest();
        expect("t1", "GET", "/1/boards/1358069", null);
        expect("t1", "GET", "/1/webhooks/list", null);
        expect("t1", "PUT", "/1/webhooks/649c37e5fdfaa1bf202a098e/update", """
                {"event_type":["card_status_change"],"webhook":"%s?token=hook-s3cret"}""".formatted(ENDPOINT));
        assertEquals(4, server.getRequestCount());
    }

    @Test
    public void aDryRunReportsTheBoardsSubscriptionAsReused() throws Exception {
        token("t1", 2592000);
        body("board.json");
        body("webhooks-list.json");
        WebhookSubscription would = new BoardOperations(client(), "1358069")
                .subscribeWebhook(new SubscribeWebhookRequest(null, ENDPOINT, List.of(), "hook-s3cret", true)).subscription();
        assertFalse(would.created());
        assertEquals("649c37e5fdfaa1bf202a098e", would.id());
        assertEquals(3, server.getRequestCount());
    }

    /** The vendor's example matches {@code artifact_type == "board"}: a subscription of another artifact is not the board's. */
    @Test
    public void aSubscriptionOfAnotherArtifactTypeIsNotTheBoards() throws Exception {
        token("t1", 2592000);
        body("board.json");
        json(200, """
                [{"id":"649c37e5fdfaa1bf202a0990","artifact_type":"project","artifact_id":1358069,\
                "event_type":["card_status_change"],"webhook":"%s?token=hook-s3cret"}]""".formatted(ENDPOINT));
        json(200, """
                {"id":"649c37e5fdfaa1bf202a0991"}""");
        WebhookSubscription subscription = client().subscribeWebhook(BOARD, ENDPOINT, List.of(), "hook-s3cret");
        assertTrue(subscription.created());
        assertEquals("649c37e5fdfaa1bf202a0991", subscription.id());
        expectTokenRequest();
        take();
        take();
        expect("t1", "POST", "/1/webhooks", """
                {"artifact_type":"board","artifact_id":1358069,"event_type":["card_status_change"],\
                "project_id":663309443,"webhook":"%s?token=hook-s3cret"}""".formatted(ENDPOINT));
    }

    /** A subscription whose secret is the URL's last path segment keeps it there when the secret changes. */
    @Test
    public void aSecretInThePathStaysInThePath() throws Exception {
        token("t1", 2592000);
        body("board.json");
        String listed = """
                [{"id":"649c37e5fdfaa1bf202a098e","artifact_type":"board","artifact_id":1358069,\
                "event_type":["card_status_change"],"webhook":"%s/%s"}]""";
        json(200, listed.formatted(ENDPOINT, "old-s3cret"));
        json(200, "{}");
        json(200, listed.formatted(ENDPOINT, "new-s3cret"));
        json(200, listed.formatted(ENDPOINT, "new-s3cret"));
        ProjectplaceClient client = client();
        assertFalse(client.subscribeWebhook(BOARD, ENDPOINT, List.of(), "new-s3cret").created());
        assertFalse("unchanged: nothing sent", client.subscribeWebhook(BOARD, ENDPOINT, List.of(), "new-s3cret").created());
        expectTokenRequest();
        take();
        expect("t1", "GET", "/1/webhooks/list", null);
        expect("t1", "PUT", "/1/webhooks/649c37e5fdfaa1bf202a098e/update", """
                {"event_type":["card_status_change"],"webhook":"%s/new-s3cret"}""".formatted(ENDPOINT));
        expect("t1", "GET", "/1/webhooks/list", null);
        assertEquals(5, server.getRequestCount());
        String shown = client.webhooks().list().toString();
        assertThat(shown, not(containsString("s3cret")));
        assertThat(shown, containsString("url=https://ci.example/…"));
    }

    /** On the web application's host ({@code api/v1}), the workspaces are under {@code api/v2}, not {@code 2}. */
    @Test
    public void theVersion2PrefixFollowsTheVersion1Prefix() throws Exception {
        token("t1", 2592000);
        json(200, """
                [{"id":663309443,"name":"TITLE OF WORKSPACE"}]""");
        body("boards.json");
        ProjectplaceClient client = new ProjectplaceClient(baseUrl(), new ProjectplaceCredentials(CLIENT_ID, CLIENT_SECRET), http, options,
                new ProjectplaceSettings(null, "/api/v1/", "https://service.projectplace.com", Duration.ofMinutes(5), Duration.ofDays(30)));
        assertEquals(BOARD, client.resolveBoard("TITLE OF WORKSPACE/Test Board Hooks"));
        expectTokenRequest();
        expect("t1", "POST", "/api/v2/account/projects", """
                {"sort_by":"+creation_date","filter":{"archive_status":[0]},"limit":100,"row_number":0}""");
        expect("t1", "GET", "/api/v1/projects/663309443/boards", null);
        assertEquals("2", ProjectplaceSettings.defaults().v2Prefix());
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new ProjectplaceSettings(null, "api/latest",
                "https://service.projectplace.com", Duration.ofMinutes(5), Duration.ofDays(30)));
        assertEquals("Projectplace settings: apiPrefix 'api/latest' does not name the version-1 API: its last segment must be"
                + " '1' (api.projectplace.com) or 'v1' (the web application's api/v1)", e.getMessage());
    }

    /** The token answer Projectplace's oauth2_tester shows, with both {@code expires} and {@code expires_in}. */
    @Test
    public void theRecordedTokenAnswerIsRead() throws Exception {
        body("token.json");
        json(200, """
                {"first_name":"Build","last_name":"Robot","email":"robot@example.com"}""");
        assertEquals("Projectplace robot Build Robot (robot@example.com)", client().whoAmI());
        expectTokenRequest();
        expect("La2pcx1SRwe-CigfnDbkTw", "GET", "/1/user/me/profile", null);
    }
}
