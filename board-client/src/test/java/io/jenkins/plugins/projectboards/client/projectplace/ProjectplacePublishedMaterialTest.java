package io.jenkins.plugins.projectboards.client.projectplace;

import static org.hamcrest.CoreMatchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.projectboards.client.BoardRef;
import io.jenkins.plugins.projectboards.client.ConfigurationException;
import io.jenkins.plugins.projectboards.client.UnknownNameException;
import io.jenkins.plugins.projectboards.client.UserRef;
import java.time.Duration;
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
